package org.portico.identity;

import java.time.Instant;

/**
 * An account as access administrators see it.
 *
 * @param id the account
 * @param username the sign-in name
 * @param displayName the person's name
 * @param email where account mail goes
 * @param enabled whether the account may sign in
 * @param lastSignIn the last successful sign-in, or null
 */
public record AccountSummary(AccountId id, String username, String displayName, String email, boolean enabled,
		Instant lastSignIn) {
}
