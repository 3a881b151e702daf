package org.portico.providers;

/**
 * A taxpayer identification number (EIN) of a provider group: nine digits. It is only
 * ever stored as a keyed hash and its last four digits; {@link #toString()} masks it so
 * it cannot leak into a log or a page by accident.
 *
 * @param value the nine digits
 */
public record Tin(String value) {

	public Tin {
		if (value == null || !value.matches("[0-9]{9}")) {
			throw new IllegalArgumentException("A TIN is 9 digits");
		}
		if (value.startsWith("00") || value.equals("999999999")) {
			throw new IllegalArgumentException("That is not an issued TIN");
		}
	}

	/** Reads a TIN as people type it, such as {@code 04-1234567}. */
	public static Tin parse(String text) {
		return new Tin(text == null ? null : text.replaceAll("[\\s-]", ""));
	}

	public String lastFour() {
		return this.value.substring(5);
	}

	/** The TIN as it may be shown: {@code **-***4567}. */
	public String masked() {
		return "**-***" + lastFour();
	}

	@Override
	public String toString() {
		return masked();
	}

}
