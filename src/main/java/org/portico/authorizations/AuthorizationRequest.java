package org.portico.authorizations;

import java.io.Serializable;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import org.portico.members.MemberId;
import org.portico.providers.Npi;

/**
 * A request as staff and providers read it, whatever its kind.
 *
 * @param id the request's id
 * @param trackingNumber what people quote, such as {@code REF-00000012}
 * @param kind referral, prior authorization or behavioral health
 * @param member the member
 * @param requestingNpi who asked
 * @param servicingNpi who is to give the care
 * @param requesterUsername the user who submitted it
 * @param priority standard or expedited
 * @param receivedAt when the plan received it
 * @param dueAt when the decision is due
 * @param extended whether the due time was extended
 * @param status where it stands
 * @param serviceFrom first date asked for
 * @param serviceTo last date asked for
 * @param requestedUnits units (visits, days, services) asked for
 * @param pendReasons message keys saying why it was not approved at once
 * @param reviewer who is working on it, or null
 * @param informationRequested what the reviewer asked for, or null
 * @param decidedAt when decided, or null while open
 * @param decidedBy who decided: a reviewer, or {@code automatic}
 * @param approvedUnits units approved, or null
 * @param approvedFrom first date approved, or null
 * @param approvedTo last date approved, or null
 * @param denialReason why denied, or null
 * @param denialText the reviewer's words on the denial, or null
 */
public record AuthorizationRequest(long id, String trackingNumber, RequestKind kind, MemberId member, Npi requestingNpi,
		Npi servicingNpi, String requesterUsername, Priority priority, Instant receivedAt, Instant dueAt,
		boolean extended, RequestStatus status, LocalDate serviceFrom, LocalDate serviceTo, int requestedUnits,
		List<String> pendReasons, String reviewer, String informationRequested, Instant decidedAt, String decidedBy,
		Integer approvedUnits, LocalDate approvedFrom, LocalDate approvedTo, DenialReason denialReason,
		String denialText) implements Serializable {

	/** The decider's name for a decision made by the rules at submission. */
	public static final String AUTOMATIC = "automatic";

	public boolean isOpen() {
		return this.status.isOpen();
	}

	public boolean decidedAutomatically() {
		return AUTOMATIC.equals(this.decidedBy);
	}

}
