package org.portico.audit;

/**
 * How an audited action ended.
 */
public enum AuditOutcome {

	SUCCESS,

	FAILURE,

	/** Refused because the actor lacks access. */
	DENIED

}
