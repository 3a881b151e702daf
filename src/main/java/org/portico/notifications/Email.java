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

	public Email {
		if (to == null || !to.matches("[^@\\s]+@[^@\\s]+\\.[^@\\s]+")) {
			throw new IllegalArgumentException("An email needs a valid recipient address");
		}
		if (subject == null || subject.isBlank() || body == null || category == null) {
			throw new IllegalArgumentException("An email needs a category, a subject and a body");
		}
	}

	@Override
	public String toString() {
		return "Email[" + this.category + "]";
	}

}
