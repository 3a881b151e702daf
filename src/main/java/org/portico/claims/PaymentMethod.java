package org.portico.claims;

/**
 * How a payment reached the payee. The message key {@code payment.method.<name>} says it
 * in words.
 */
public enum PaymentMethod {

	/** A paper check. */
	CHECK("CHK"),

	/** An electronic funds transfer through the ACH network. */
	EFT("ACH");

	private final String code;

	PaymentMethod(String code) {
		this.code = code;
	}

	static PaymentMethod of(String code) {
		for (PaymentMethod m : values()) {
			if (m.code.equals(code)) {
				return m;
			}
		}
		throw new IllegalArgumentException("Unknown payment method " + code);
	}

}
