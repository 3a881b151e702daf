package org.portico.audit;

import java.time.Instant;

/**
 * What compliance searches the audit trail for: blank fields match everything.
 *
 * @param actor a username, or blank
 * @param action such as {@code member.view}, or blank
 * @param objectId such as a member ID or an NPI, or blank
 * @param from the first moment included
 * @param to the first moment excluded
 */
public record AuditQuery(String actor, String action, String objectId, Instant from, Instant to) {

	@Override
	public String toString() {
		return "actor=" + this.actor + " action=" + this.action + " object=" + this.objectId + " from=" + this.from
				+ " to=" + this.to;
	}

}
