package org.portico.identity;

/**
 * Identifies an account.
 *
 * @param value the account's database id
 */
public record AccountId(long value) {

	public AccountId {
		if (value <= 0) {
			throw new IllegalArgumentException("An account id is positive");
		}
	}

}
