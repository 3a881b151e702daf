package org.portico.authorizations;

import java.time.LocalDate;
import java.util.Map;

/**
 * A smart sheet's answers, read and typed: {@code Boolean} for yes/no, {@code BigDecimal}
 * for numbers, {@code LocalDate} for dates, {@code String} for choices and text.
 * Unanswered questions are absent.
 *
 * @param values the answers by question id
 * @param asOf the day the request is made, against which dates are measured
 */
public record Answers(Map<String, Object> values, LocalDate asOf) {

	public Answers {
		values = Map.copyOf(values);
	}

	public Object value(String question) {
		return this.values.get(question);
	}

}
