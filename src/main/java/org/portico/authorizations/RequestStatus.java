package org.portico.authorizations;

/**
 * Where a request stands. Pended, in review and information requested are open: they wait
 * for a reviewer, and their due time counts.
 */
public enum RequestStatus {

	/** Waiting for a reviewer to take it. */
	PENDED,

	/** A reviewer is working on it. */
	IN_REVIEW,

	/** The reviewer asked the provider for more information. */
	INFO_REQUESTED,

	APPROVED,

	/** Approved for fewer units or a shorter span than asked. */
	PARTIALLY_APPROVED,

	DENIED;

	public boolean isOpen() {
		return this == PENDED || this == IN_REVIEW || this == INFO_REQUESTED;
	}

	public boolean isDecided() {
		return !isOpen();
	}

	public String messageKey() {
		return "authorizations.status." + name();
	}

}
