package org.portico.access;

/**
 * What a provider-office user may be granted for an NPI. Nothing is allowed unless
 * granted.
 */
public enum ProviderFunction {

	ELIGIBILITY_BENEFITS, CLAIM_STATUS, CLAIM_ADJUSTMENTS, REFERRALS_AUTHORIZATIONS, INPATIENT_NOTIFICATIONS, REPORTS,
	CARE_PLANS, PCP_CHANGES, ACCESS_ADMINISTRATION;

	public String messageKey() {
		return "access.function." + name();
	}

}
