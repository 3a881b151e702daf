package org.portico.audit;

/**
 * Something to record in the audit trail. The time, client address and request id are
 * added by {@link AuditLog}. Never put PHI in {@code detail}: the object's type and id
 * identify it.
 *
 * @param actor the username, or a system name such as {@code demo-loader}
 * @param action what was done, such as {@code member.view} or {@code sign-in}
 * @param objectType the kind of object, such as {@code member}, or null
 * @param objectId the object's id, or null
 * @param outcome how it ended
 * @param detail a short note without PHI, or null
 */
public record AuditEvent(String actor, String action, String objectType, String objectId, AuditOutcome outcome,
		String detail) {

	public AuditEvent {
		if (actor == null || actor.isBlank() || action == null || action.isBlank() || outcome == null) {
			throw new IllegalArgumentException("An audit event needs an actor, an action and an outcome");
		}
	}

	public static AuditEvent success(String actor, String action, String objectType, String objectId) {
		return new AuditEvent(actor, action, objectType, objectId, AuditOutcome.SUCCESS, null);
	}

	public static AuditEvent denied(String actor, String action, String objectType, String objectId) {
		return new AuditEvent(actor, action, objectType, objectId, AuditOutcome.DENIED, null);
	}

}
