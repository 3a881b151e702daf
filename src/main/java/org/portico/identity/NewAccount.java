package org.portico.identity;

/**
 * What it takes to open an account.
 *
 * @param username the sign-in name, stored in lower case
 * @param email where account mail goes
 * @param displayName how the person is named on pages
 * @param rawPassword the chosen password; hashed at once and never kept
 */
public record NewAccount(String username, String email, String displayName, String rawPassword) {

	@Override
	public String toString() {
		return "NewAccount[" + this.username + "]";
	}

}
