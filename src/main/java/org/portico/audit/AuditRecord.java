package org.portico.audit;

import java.time.Instant;

/**
 * An entry of the audit trail as stored.
 */
public record AuditRecord(long id, Instant occurredAt, String actor, String action, String objectType, String objectId,
		AuditOutcome outcome, String clientIp, String requestId, String detail) {
}
