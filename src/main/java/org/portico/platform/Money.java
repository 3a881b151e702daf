package org.portico.platform;

import java.math.BigDecimal;
import java.util.Locale;

/**
 * Dollar amounts as every page and PDF shows them ("$1,234.50"), so that a page and its
 * PDF never disagree. Templates call it as
 * {@code T(org.portico.platform.Money).dollars(...)}.
 */
public final class Money {

	private Money() {
	}

	public static String dollars(BigDecimal amount) {
		return String.format(Locale.US, "$%,.2f", amount);
	}

}
