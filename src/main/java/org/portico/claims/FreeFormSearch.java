package org.portico.claims;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

import org.portico.members.MemberId;
import org.portico.platform.SearchText;
import org.portico.providers.Npi;

/**
 * The seeds' free-form search: one box where the office types whatever it has, read piece
 * by piece. A 12-digit number is a claim number, 11 digits (or 9, a dash and 2) a member
 * ID, 9 digits a subscriber, 10 digits an NPI; a date is a date of service (two make a
 * range); an amount with a dollar sign or cents is the billed amount; a status word
 * (paid, denied, pending...) a status; any other word the start of a word of the
 * patient's name.
 */
public final class FreeFormSearch {

	/** The longest text read. */
	public static final int LONGEST = 200;

	private static final Pattern ISO_DATE = Pattern.compile("[0-9]{4}-[0-9]{1,2}-[0-9]{1,2}");

	private static final Pattern US_DATE = Pattern.compile("[0-9]{1,2}/[0-9]{1,2}/[0-9]{4}");

	private static final DateTimeFormatter ISO = DateTimeFormatter.ofPattern("uuuu-M-d")
		.withResolverStyle(ResolverStyle.STRICT);

	private static final DateTimeFormatter US = DateTimeFormatter.ofPattern("M/d/uuuu")
		.withResolverStyle(ResolverStyle.STRICT);

	private static final Pattern AMOUNT = Pattern
		.compile("\\$[0-9][0-9,]*(\\.[0-9]{1,2})?|\\$?[0-9][0-9,]*\\.[0-9]{2}");

	private static final Pattern NUMBER = Pattern.compile("[0-9][0-9-]*");

	private static final Map<String, ClaimStatus> STATUS_WORDS = Map.of("received", ClaimStatus.RECEIVED, "pended",
			ClaimStatus.PENDED, "pending", ClaimStatus.PENDED, "denied", ClaimStatus.DENIED, "paid", ClaimStatus.PAID,
			"adjusted", ClaimStatus.ADJUSTED, "finalized", ClaimStatus.FINALIZED, "finalised", ClaimStatus.FINALIZED);

	private FreeFormSearch() {
	}

	/**
	 * What the text and the filters beside it ask for.
	 *
	 * @param criteria the search, when there are no problems
	 * @param problems message keys saying what could not be read
	 */
	public record Reading(ClaimCriteria criteria, List<String> problems) {

		public Reading {
			problems = List.copyOf(problems);
		}

	}

	/**
	 * Reads the text with the optional filters.
	 * @param statuses statuses chosen beside the text
	 * @param from the earliest date of service chosen beside the text, or null
	 * @param to the latest, or null
	 */
	public static Reading read(String text, Set<ClaimStatus> statuses, LocalDate from, LocalDate to) {
		List<String> problems = new ArrayList<>();
		String typed = (text == null) ? "" : text.strip();
		if (typed.length() > LONGEST) {
			return new Reading(null, List.of("claims.problem.text-long"));
		}
		Set<ClaimNumber> numbers = new LinkedHashSet<>();
		Set<MemberId> members = new LinkedHashSet<>();
		Set<String> subscribers = new LinkedHashSet<>();
		Set<Npi> npis = new LinkedHashSet<>();
		TreeSet<LocalDate> dates = new TreeSet<>();
		Set<BigDecimal> amounts = new LinkedHashSet<>();
		Set<ClaimStatus> wanted = statuses.isEmpty() ? EnumSet.noneOf(ClaimStatus.class) : EnumSet.copyOf(statuses);
		List<String> words = new ArrayList<>();
		// A comma between words separates them, one inside a number ($1,245.00) does not.
		for (String piece : typed.split("[\\s;]+")) {
			String token = piece.replaceAll("^,+|,+$", "");
			if (token.isEmpty()) {
				continue;
			}
			String lower = token.toLowerCase(Locale.ROOT);
			if (ISO_DATE.matcher(token).matches() || US_DATE.matcher(token).matches()) {
				try {
					dates.add(LocalDate.parse(token, ISO_DATE.matcher(token).matches() ? ISO : US));
				}
				catch (DateTimeParseException ex) {
					problems.add("claims.problem.text-date");
				}
			}
			else if (AMOUNT.matcher(token).matches()) {
				amounts.add(new BigDecimal(token.replace("$", "").replace(",", "")).setScale(2));
			}
			else if (NUMBER.matcher(token).matches()) {
				number(token.replace("-", ""), numbers, members, subscribers, npis, problems);
			}
			else if (STATUS_WORDS.containsKey(lower)) {
				wanted.add(STATUS_WORDS.get(lower));
			}
			else {
				for (String word : SearchText.normalize(token).split(" ")) {
					if (!word.isEmpty()) {
						words.add(word);
					}
				}
			}
		}
		if (numbers.size() > 1 || members.size() > 1 || subscribers.size() > 1 || npis.size() > 1
				|| amounts.size() > 1) {
			problems.add("claims.problem.text-one-each");
		}
		if (dates.size() > 2) {
			problems.add("claims.problem.text-dates");
		}
		if (!dates.isEmpty() && (from != null || to != null)) {
			problems.add("claims.problem.text-dates-twice");
		}
		LocalDate serviceFrom = dates.isEmpty() ? from : dates.first();
		LocalDate serviceTo = dates.isEmpty() ? to : dates.last();
		if (serviceFrom != null && serviceTo != null && serviceTo.isBefore(serviceFrom)) {
			problems.add("claims.problem.dates-reversed");
		}
		else if (serviceFrom != null && serviceTo != null && !ClaimInquiry.withinLongestRange(serviceFrom, serviceTo)) {
			problems.add("claims.problem.dates-too-long");
		}
		if (!problems.isEmpty()) {
			return new Reading(null, problems.stream().distinct().toList());
		}
		ClaimCriteria criteria = new ClaimCriteria(first(numbers), first(members), first(subscribers), first(npis),
				words.stream().distinct().toList(), serviceFrom, serviceTo, first(amounts), wanted);
		if (criteria.isEmpty()) {
			return new Reading(null, List.of("claims.problem.text-empty"));
		}
		return new Reading(criteria, List.of());
	}

	private static void number(String digits, Set<ClaimNumber> numbers, Set<MemberId> members, Set<String> subscribers,
			Set<Npi> npis, List<String> problems) {
		switch (digits.length()) {
			case 12 -> numbers.add(new ClaimNumber(digits));
			case 11 -> {
				try {
					members.add(MemberId.parse(digits));
				}
				catch (IllegalArgumentException ex) {
					problems.add("claims.problem.member-id");
				}
			}
			case 10 -> {
				if (Npi.isValid(digits)) {
					npis.add(new Npi(digits));
				}
				else {
					problems.add("claims.problem.text-npi");
				}
			}
			case 9 -> subscribers.add(digits);
			default -> problems.add("claims.problem.text-number");
		}
	}

	private static <T> T first(Set<T> values) {
		return values.isEmpty() ? null : values.iterator().next();
	}

}
