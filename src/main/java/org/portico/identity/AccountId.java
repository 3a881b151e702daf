package org.portico.identity;

import java.io.Serializable;

/**
 * Identifies an account.
 *
 * @param value the account's database id
 */
public record AccountId(long value) implements Serializable {

	public AccountId {
		if (value <= 0) {
			throw new IllegalArgumentException("An account id is positive");
		}
	}

}
