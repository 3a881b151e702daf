package org.portico.providers;

/**
 * A National Provider Identifier: ten digits whose last is a Luhn check digit computed
 * over the prefix 80840 and the first nine digits. An invalid NPI cannot be built.
 *
 * @param value the ten digits
 */
public record Npi(String value) {

	public Npi {
		if (value == null || !value.matches("[0-9]{10}")) {
			throw new IllegalArgumentException("An NPI is 10 digits");
		}
		if (checkDigit(value.substring(0, 9)) != value.charAt(9) - '0') {
			throw new IllegalArgumentException("The NPI's check digit does not match");
		}
	}

	/** Reads an NPI as people type it, allowing spaces and dashes. */
	public static Npi parse(String text) {
		return new Npi(text == null ? null : text.replaceAll("[\\s-]", ""));
	}

	/** Whether the text is a valid NPI. */
	public static boolean isValid(String text) {
		try {
			parse(text);
			return true;
		}
		catch (IllegalArgumentException ex) {
			return false;
		}
	}

	/** Completes nine digits with their check digit. */
	public static Npi withCheckDigit(String nineDigits) {
		return new Npi(nineDigits + checkDigit(nineDigits));
	}

	static int checkDigit(String nineDigits) {
		String digits = "80840" + nineDigits;
		int sum = 0;
		boolean twice = true;
		for (int i = digits.length() - 1; i >= 0; i--) {
			int d = digits.charAt(i) - '0';
			if (twice) {
				d *= 2;
				if (d > 9) {
					d -= 9;
				}
			}
			sum += d;
			twice = !twice;
		}
		return (10 - (sum % 10)) % 10;
	}

	@Override
	public String toString() {
		return this.value;
	}

}
