package org.portico.members.web;

import java.math.BigDecimal;
import java.util.Locale;

/**
 * Dollar amounts as the Eligibility & Benefits page and its PDF both show them
 * ("$1,234.50"), so that the two never disagree about a member's deductible. Public only
 * because the page's expressions call it, as
 * {@code T(org.portico.members.web.Money).dollars(...)}; no other module should.
 */
public final class Money {

	private Money() {
	}

	public static String dollars(BigDecimal amount) {
		return String.format(Locale.US, "$%,.2f", amount);
	}

}
