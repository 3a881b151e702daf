package org.portico.platform;

import java.text.Normalizer;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * The form in which names are stored for searching and compared, so that "José Peña",
 * "JOSE PENA" and "jose pena" are the same name.
 */
public final class SearchText {

	private static final Pattern MARKS = Pattern.compile("\\p{M}+");

	private static final Pattern APOSTROPHES = Pattern.compile("['\u2019]");

	private static final Pattern NOT_LETTERS = Pattern.compile("[^a-z0-9]+");

	private SearchText() {
	}

	public static String normalize(String text) {
		if (text == null) {
			return "";
		}
		String decomposed = Normalizer.normalize(text, Normalizer.Form.NFD);
		String unmarked = MARKS.matcher(decomposed).replaceAll("").toLowerCase(Locale.ROOT);
		unmarked = APOSTROPHES.matcher(unmarked).replaceAll("");
		return NOT_LETTERS.matcher(unmarked).replaceAll(" ").trim();
	}

}
