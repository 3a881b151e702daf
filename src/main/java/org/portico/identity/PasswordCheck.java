package org.portico.identity;

/**
 * What became of the password a signed-in user typed again before a sensitive change.
 */
public enum PasswordCheck {

	/** It is the account's password. */
	RIGHT,

	/** It is not; counted like a failed sign-in. */
	WRONG,

	/**
	 * Not checked at all: after failed attempts the account must wait, or is locked, as
	 * at sign-in.
	 */
	MUST_WAIT

}
