package org.portico.claims;

import org.portico.platform.SearchText;

/**
 * A patient's name in the form claims are searched by: lower case, without accents or
 * apostrophes, each word preceded by a space, so that a typed word matches the start of
 * any word of the name. The database computes the same form (the function
 * {@code claims.patient_search_name}); on the embedded database it calls this method.
 */
public final class PatientSearchName {

	private PatientSearchName() {
	}

	public static String of(String firstName, String lastName) {
		return " " + SearchText.normalize(firstName + " " + lastName);
	}

	/** The pattern that finds names with a word starting with the typed word. */
	static String wordStart(String normalizedWord) {
		return "% " + normalizedWord + "%";
	}

}
