package org.portico.providers;

/**
 * Whether a provider can be chosen as a member's primary care provider, and if not, why.
 */
public enum PcpEligibility {

	ELIGIBLE,

	/** No provider with this NPI is on file. */
	NOT_ON_FILE,

	/**
	 * Not an individual practitioner in family medicine, internal medicine or pediatrics.
	 */
	NOT_PRIMARY_CARE,

	/** Not in the network of the member's product on the date the change takes effect. */
	NOT_IN_NETWORK,

	/** Not accepting new patients. */
	NOT_ACCEPTING_PATIENTS

}
