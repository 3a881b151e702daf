package org.portico.reports;

import java.util.Set;

/**
 * A disease registry: the members with a claim in the look-back that gives one of the
 * condition's ICD-10-CM diagnosis codes. The code sets are listed on the clinical quality
 * page.
 */
public enum Registry {

	DIABETES("E10.9", "E10.65", "E11.9", "E11.65", "E11.21", "E11.22", "E11.40", "E11.42", "E11.8", "E13.9"),

	ASTHMA("J45.20", "J45.30", "J45.40", "J45.50", "J45.901", "J45.909", "J45.998"),

	COPD("J43.9", "J44.0", "J44.1", "J44.9"),

	HEART_FAILURE("I50.1", "I50.20", "I50.22", "I50.30", "I50.32", "I50.9", "I11.0"),

	HYPERTENSION("I10", "I11.9", "I12.9", "I13.10", "I16.9");

	/** How far back a diagnosis counts: 24 months up to the date. */
	public static final int LOOK_BACK_MONTHS = 24;

	private final Set<String> codes;

	Registry(String... codes) {
		this.codes = Set.of(codes);
	}

	public Set<String> codes() {
		return this.codes;
	}

	/** The codes in order, as the page lists them. */
	public String codeList() {
		return String.join(", ", new java.util.TreeSet<>(this.codes));
	}

	public String messageKey() {
		return "reports.registry." + name();
	}

}
