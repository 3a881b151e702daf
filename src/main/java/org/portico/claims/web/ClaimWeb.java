package org.portico.claims.web;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.portico.claims.ClaimInquiry;
import org.portico.providers.Npi;
import org.portico.providers.ProviderSummary;

/**
 * What the claim pages share: reading dates as typed, and naming providers.
 */
final class ClaimWeb {

	private ClaimWeb() {
	}

	/** A date as typed, or null when it is not one; the problem is added. */
	static LocalDate date(String typed, List<String> problems) {
		try {
			return LocalDate.parse(typed);
		}
		catch (DateTimeParseException ex) {
			if (!problems.contains("claims.problem.date")) {
				problems.add("claims.problem.date");
			}
			return null;
		}
	}

	/**
	 * Dates of service or of payment, as a search takes them.
	 *
	 * @param from the first, or null for no limit
	 * @param to the last, or null for no limit
	 */
	record Dates(LocalDate from, LocalDate to) {
	}

	/**
	 * Both dates of a range as typed, checked: given, real dates, in order, and not too
	 * far apart.
	 * @return the dates, or null with the problems added
	 */
	static Dates range(String from, String to, List<String> problems) {
		if (from.isEmpty() || to.isEmpty()) {
			problems.add("claims.problem.dates-missing");
			return null;
		}
		return checked(date(from, problems), date(to, problems), problems);
	}

	/** Optional dates: either may be empty; when both are given, they are checked. */
	static Dates optionalRange(String from, String to, List<String> problems) {
		LocalDate start = from.isEmpty() ? null : date(from, problems);
		LocalDate end = to.isEmpty() ? null : date(to, problems);
		if (start != null && end != null) {
			return checked(start, end, problems);
		}
		return new Dates(start, end);
	}

	private static Dates checked(LocalDate from, LocalDate to, List<String> problems) {
		if (from == null || to == null) {
			return null;
		}
		if (to.isBefore(from)) {
			problems.add("claims.problem.dates-reversed");
			return null;
		}
		if (!ClaimInquiry.withinLongestRange(from, to)) {
			problems.add("claims.problem.dates-too-long");
			return null;
		}
		return new Dates(from, to);
	}

	static String clean(String value) {
		return (value == null) ? "" : value.strip();
	}

	static int pageNumber(String typed) {
		try {
			return Math.max(1, Integer.parseInt(clean(typed)));
		}
		catch (NumberFormatException ex) {
			return 1;
		}
	}

	/** Each provider's name by NPI, for those in the directory. */
	static Map<String, String> names(Collection<ProviderSummary> providers) {
		return providers.stream().collect(Collectors.toMap((p) -> p.npi().value(), ProviderSummary::name, (a, b) -> a));
	}

	/** One of the user's NPIs to choose, named as in the directory. */
	record NpiChoice(String npi, String name) {

		static List<NpiChoice> of(Collection<Npi> npis, Collection<ProviderSummary> providers) {
			Map<Npi, ProviderSummary> byNpi = providers.stream()
				.collect(Collectors.toMap(ProviderSummary::npi, Function.identity(), (a, b) -> a));
			return npis.stream()
				.map((n) -> new NpiChoice(n.value(), (byNpi.get(n) != null) ? byNpi.get(n).name() : null))
				.toList();
		}

		public String label() {
			return (this.name != null) ? this.name + " (NPI " + this.npi + ")" : "NPI " + this.npi;
		}

	}

}
