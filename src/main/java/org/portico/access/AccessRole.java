package org.portico.access;

/**
 * A provider-office user's standing for an NPI.
 */
public enum AccessRole {

	/** Senior Access Administrator: one per NPI; manages AAs and AUs. */
	SAA,

	/** Access Administrator: appointed by the SAA; manages Authorized Users. */
	AA,

	/** Authorized User: uses the functions granted to them. */
	AU

}
