package org.portico.notifications;

/**
 * An email to send. Never put PHI in one: say that something happened and link to the
 * portal.
 *
 * @param category what kind of message it is, such as {@code password-reset}
 * @param to the recipient's address
 * @param subject the subject line
 * @param body the plain-text body
 */
public record Email(String category, String to, String subject, String body) {

	private static final java.util.regex.Pattern ADDRESS = java.util.regex.Pattern
		.compile("[^@\\s]{1,64}@[^@\\s]+\\.[^@\\s]{2,}");

	public Email {
		if (!isValidAddress(to)) {
			throw new IllegalArgumentException("An email needs a valid recipient address");
		}
		if (subject == null || subject.isBlank() || body == null || category == null) {
			throw new IllegalArgumentException("An email needs a category, a subject and a body");
		}
	}

	/**
	 * Whether mail could be addressed to this: the one rule every form that asks for an
	 * address uses.
	 */
	public static boolean isValidAddress(String address) {
		return address != null && address.length() <= 254 && ADDRESS.matcher(address).matches();
	}

	@Override
	public String toString() {
		return "Email[" + this.category + "]";
	}

}
