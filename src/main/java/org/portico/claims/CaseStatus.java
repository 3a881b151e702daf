package org.portico.claims;

import java.util.Set;

/**
 * Where an adjustment case stands: submitted, in review, waiting for more information
 * from the office, or resolved as approved or denied. Each status names the ones it may
 * go to.
 */
public enum CaseStatus {

	SUBMITTED, IN_REVIEW, MORE_INFORMATION_REQUESTED, APPROVED, DENIED;

	public boolean isOpen() {
		return this != APPROVED && this != DENIED;
	}

	public boolean mayBecome(CaseStatus next) {
		return switch (this) {
			case SUBMITTED -> next == IN_REVIEW;
			case IN_REVIEW -> Set.of(MORE_INFORMATION_REQUESTED, APPROVED, DENIED).contains(next);
			case MORE_INFORMATION_REQUESTED -> next == IN_REVIEW;
			case APPROVED, DENIED -> false;
		};
	}

	public String messageKey() {
		return "adjustment.status." + name();
	}

}
