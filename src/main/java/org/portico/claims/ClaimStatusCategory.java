package org.portico.claims;

/**
 * X12 claim status category codes (code list 507) as sent in a 277 response. Each has a
 * plain explanation under the message key {@code claim.status-category.<code>}.
 */
public enum ClaimStatusCategory {

	A1("A1"), A2("A2"), A3("A3"), P1("P1"), P2("P2"), P3("P3"), P5("P5"), F1("F1"), F2("F2"), F3("F3"), F4("F4");

	private final String code;

	ClaimStatusCategory(String code) {
		this.code = code;
	}

	public String code() {
		return this.code;
	}

	public String messageKey() {
		return "claim.status-category." + this.code;
	}

}
