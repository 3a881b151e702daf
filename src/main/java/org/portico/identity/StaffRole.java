package org.portico.identity;

/**
 * What a plan-staff account works on.
 */
public enum StaffRole {

	/** Works the registration queue and SAA disputes. */
	PROVIDER_SERVICES,

	/** Searches the audit trail. */
	COMPLIANCE,

	/** Reviews pended referrals and authorizations. */
	CLINICAL_REVIEWER,

	/** Works claim adjustment cases. */
	CLAIMS_STAFF;

	public String authority() {
		return "ROLE_" + name();
	}

}
