package org.portico.identity;

/**
 * Provider-office accounts and plan-staff accounts are separate: a person who is both has
 * two.
 */
public enum AccountKind {

	PROVIDER, STAFF

}
