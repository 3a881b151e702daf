package org.portico.claims;

/**
 * The number an office follows an adjustment case by: {@code ADJ-} and eight digits.
 *
 * @param value as shown, such as {@code ADJ-00000042}
 */
public record TrackingNumber(String value) {

	public TrackingNumber {
		if (value == null || !value.matches("ADJ-[0-9]{8}")) {
			throw new IllegalArgumentException("A tracking number is ADJ- and 8 digits");
		}
	}

	static TrackingNumber of(long caseId) {
		return new TrackingNumber(String.format("ADJ-%08d", caseId));
	}

	/**
	 * The tracking number as typed, ignoring case and spaces, or null when it is not one.
	 */
	public static TrackingNumber parse(String typed) {
		String compact = (typed == null) ? "" : typed.replaceAll("\\s", "").toUpperCase(java.util.Locale.ROOT);
		return compact.matches("ADJ-[0-9]{8}") ? new TrackingNumber(compact) : null;
	}

	long caseId() {
		return Long.parseLong(this.value.substring(4));
	}

	@Override
	public String toString() {
		return this.value;
	}

}
