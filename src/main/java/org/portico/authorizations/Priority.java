package org.portico.authorizations;

/**
 * How fast the plan must decide: expedited when waiting could seriously harm the member's
 * life, health or function.
 */
public enum Priority {

	STANDARD, EXPEDITED;

	public String messageKey() {
		return "authorizations.priority." + name();
	}

}
