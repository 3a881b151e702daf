package org.portico.authorizations;

import java.io.Serializable;

/**
 * A referral as the office and the reviewer read it.
 *
 * @param request what every request has
 * @param specialtyCode the specialty's taxonomy code
 * @param specialtyName the specialty's name
 * @param diagnosisCode the ICD-10-CM code
 * @param visits visits asked for
 * @param visitsUsed visits the specialist has billed against it
 */
public record Referral(AuthorizationRequest request, String specialtyCode, String specialtyName, String diagnosisCode,
		int visits, int visitsUsed) implements Serializable {

	/** The diagnosis's description, when the code is on the short list. */
	public String diagnosisDescription() {
		return Diagnoses.describe(this.diagnosisCode).orElse(null);
	}

	/** Visits approved, none while not approved. */
	public int visitsApproved() {
		return (this.request.approvedUnits() != null) ? this.request.approvedUnits() : 0;
	}

	public int visitsRemaining() {
		return Math.max(0, visitsApproved() - this.visitsUsed);
	}

}
