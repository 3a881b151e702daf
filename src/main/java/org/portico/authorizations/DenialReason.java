package org.portico.authorizations;

/**
 * The specific reasons a request may be denied; every denial gives one, with the
 * reviewer's own words.
 */
public enum DenialReason {

	NOT_MEDICALLY_NECESSARY, NOT_A_COVERED_BENEFIT, MEMBER_NOT_ELIGIBLE, PROVIDER_OUT_OF_NETWORK,
	INFORMATION_NOT_RECEIVED, LOWER_LEVEL_OF_CARE_APPROPRIATE, EXPERIMENTAL_OR_INVESTIGATIONAL, DUPLICATE_REQUEST;

	public String messageKey() {
		return "authorizations.denial." + name();
	}

}
