package org.portico.claims;

import java.util.Locale;

/**
 * A payment's number as printed on the check or the EFT remittance: a check number, or an
 * EFT trace number starting with EFT.
 *
 * @param value letters and digits, up to 20
 */
public record PaymentNumber(String value) {

	public PaymentNumber {
		if (value == null || !value.matches("[A-Z0-9]{1,20}")) {
			throw new IllegalArgumentException("A payment number is up to 20 letters and digits");
		}
	}

	/** Reads a payment number as people type it: any case, spaces and dashes allowed. */
	public static PaymentNumber parse(String text) {
		return new PaymentNumber((text == null) ? null : text.replaceAll("[\\s-]", "").toUpperCase(Locale.ROOT));
	}

	@Override
	public String toString() {
		return this.value;
	}

}
