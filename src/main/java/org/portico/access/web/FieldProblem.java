package org.portico.access.web;

import java.util.List;
import java.util.Map;

/**
 * A mistake in a form, with the field it is about, so that each entry of a page's error
 * summary links to the field to correct.
 *
 * @param messageKey what is wrong
 * @param field the id of the field, or null when the mistake is not one field's
 */
record FieldProblem(String messageKey, String field) {

	private static final Map<String, String> FIELDS = Map.ofEntries(Map.entry("registration.problem.npi", "npi"),
			Map.entry("registration.problem.tin", "tin"), Map.entry("registration.problem.ssn", "ssnLastFour"),
			Map.entry("registration.problem.claims", "claim1Number"),
			Map.entry("registration.problem.provider-email", "providerEmail"),
			Map.entry("registration.problem.name", "name"), Map.entry("registration.problem.email", "email"),
			Map.entry("registration.problem.username", "username"),
			Map.entry("registration.problem.username-taken", "username"),
			Map.entry("registration.review.problem.already-requested", "username"),
			Map.entry("registration.review.problem.phone", "phone"),
			Map.entry("registration.review.problem.not-confirmed", "officeConfirmed"),
			Map.entry("registration.review.problem.reason", "reason"),
			Map.entry("password.problem.MISMATCH", "confirmation"));

	static List<FieldProblem> of(List<String> messageKeys) {
		return messageKeys.stream()
			.distinct()
			.map((key) -> new FieldProblem(key,
					FIELDS.getOrDefault(key, key.startsWith("password.problem.") ? "password" : null)))
			.toList();
	}

}
