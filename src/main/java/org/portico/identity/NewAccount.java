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

	/**
	 * 3 to 64 lower-case letters, digits, dots, dashes or underscores, starting with a
	 * letter or digit.
	 */
	public static boolean isValidUsername(String username) {
		return username != null && username.matches("[a-z0-9][a-z0-9._-]{2,63}");
	}

	@Override
	public String toString() {
		return "NewAccount[" + this.username + "]";
	}

}
