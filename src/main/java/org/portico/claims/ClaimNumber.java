package org.portico.claims;

/**
 * The plan's claim number: twelve digits, the two-digit year the claim was received
 * followed by a ten-digit sequence.
 *
 * @param value the twelve digits
 */
public record ClaimNumber(String value) {

	public ClaimNumber {
		if (value == null || !value.matches("[0-9]{12}")) {
			throw new IllegalArgumentException("A claim number is 12 digits");
		}
	}

	/** Reads a claim number as people type it, allowing spaces and dashes. */
	public static ClaimNumber parse(String text) {
		return new ClaimNumber(text == null ? null : text.replaceAll("[\\s-]", ""));
	}

	public static ClaimNumber of(int receivedYear, long sequence) {
		return new ClaimNumber(String.format("%02d%010d", receivedYear % 100, sequence));
	}

	@Override
	public String toString() {
		return this.value;
	}

}
