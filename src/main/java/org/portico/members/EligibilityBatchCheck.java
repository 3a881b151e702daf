package org.portico.members;

import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.portico.members.EligibilityBatchRow.Outcome;
import org.portico.members.EligibilityBatchRow.Problem;
import org.portico.members.EligibilityReport.Coverage;
import org.portico.members.MemberSearch.Match;
import org.portico.platform.SearchText;

import org.springframework.stereotype.Component;

/**
 * One row of a batch, checked as the one-at-a-time search would check it: a member is
 * found only by an exact identifying match (the member ID, or the first and last name
 * with the date of birth naming one member and no other), then their coverage on the date
 * of service is read.
 */
@Component
class EligibilityBatchCheck {

	private static final int NAME_LENGTH = 60;

	/** How people write dates: 2026-11-23, or 11/23/2026 as US spreadsheets do. */
	private static final List<DateTimeFormatter> DATES = List.of(DateTimeFormatter.ISO_LOCAL_DATE,
			DateTimeFormatter.ofPattern("M/d/uuuu").withResolverStyle(ResolverStyle.STRICT));

	private final MemberSearch search;

	private final Eligibility eligibility;

	private final Clock clock;

	EligibilityBatchCheck(MemberSearch search, Eligibility eligibility, Clock clock) {
		this.search = search;
		this.eligibility = eligibility;
		this.clock = clock;
	}

	/**
	 * @param row the row as typed
	 * @param uploadDay the date of service of a row that gives none
	 */
	EligibilityBatchRow check(EligibilityBatchFile.Row row, LocalDate uploadDay) {
		List<Problem> problems = new ArrayList<>();
		LocalDate dateOfService = row.dateOfService().isEmpty() ? uploadDay
				: date(row.dateOfService(), Problem.DATE_OF_SERVICE, problems);
		boolean byId = !row.memberId().isEmpty();
		boolean named = !row.firstName().isEmpty() || !row.lastName().isEmpty() || !row.birthDate().isEmpty();
		if (!byId && !named) {
			return error(row, dateOfService, List.of(Problem.NO_IDENTIFIER));
		}
		MemberId id = null;
		if (byId) {
			try {
				id = MemberId.parse(row.memberId());
			}
			catch (IllegalArgumentException ex) {
				problems.add(Problem.MEMBER_ID);
			}
		}
		else {
			if (row.firstName().isEmpty()) {
				problems.add(Problem.FIRST_NAME);
			}
			if (row.lastName().isEmpty()) {
				problems.add(Problem.LAST_NAME);
			}
		}
		if (row.firstName().length() > NAME_LENGTH || row.lastName().length() > NAME_LENGTH) {
			problems.add(Problem.NAME_TOO_LONG);
		}
		LocalDate birthDate = null;
		if (!row.birthDate().isEmpty() || !byId) {
			birthDate = date(row.birthDate(), Problem.BIRTH_DATE, problems);
			if (birthDate != null && birthDate.isAfter(LocalDate.now(this.clock))) {
				problems.add(Problem.BIRTH_DATE_FUTURE);
			}
		}
		if (!problems.isEmpty()) {
			return error(row, dateOfService, problems);
		}
		List<Match> matches = byId ? this.search.byMemberId(id)
				: this.search.byNameAndBirthDate(row.firstName(), row.lastName(), birthDate);
		if (matches.isEmpty()) {
			return error(row, dateOfService, List.of(Problem.NOT_FOUND));
		}
		if (matches.size() > 1) {
			return error(row, dateOfService, List.of(Problem.AMBIGUOUS));
		}
		Match member = matches.get(0);
		if (byId && named && !sameMember(row, birthDate, member)) {
			return error(row, dateOfService, List.of(Problem.DOES_NOT_MATCH));
		}
		Optional<Eligibility.OnDate> found = this.eligibility.onDate(member.id(), dateOfService, null);
		Optional<Coverage> coverage = found.flatMap(Eligibility.OnDate::coverage);
		return new EligibilityBatchRow(row.line(), row, coverage.isPresent() ? Outcome.COVERED : Outcome.NOT_COVERED,
				dateOfService, member.id(), member.firstName(), member.lastName(),
				coverage
					.map((c) -> new EligibilityBatchRow.Coverage(c.productName(), c.lineOfBusiness(), c.groupNumber(),
							c.groupName(), c.effectiveDate(), c.terminationDate()))
					.orElse(null),
				found.flatMap(Eligibility.OnDate::pcpNpi).orElse(null), List.of());
	}

	/** A row that gives a member ID and a name or birth date too: they must agree. */
	private static boolean sameMember(EligibilityBatchFile.Row row, LocalDate birthDate, Match member) {
		return (row.firstName().isEmpty()
				|| SearchText.normalize(row.firstName()).equals(SearchText.normalize(member.firstName())))
				&& (row.lastName().isEmpty()
						|| SearchText.normalize(row.lastName()).equals(SearchText.normalize(member.lastName())))
				&& (birthDate == null || birthDate.equals(member.birthDate()));
	}

	static EligibilityBatchRow error(EligibilityBatchFile.Row row, LocalDate dateOfService, List<Problem> problems) {
		return new EligibilityBatchRow(row.line(), row, Outcome.ERROR, dateOfService, null, null, null, null, null,
				List.copyOf(problems));
	}

	/** A date as people write it, or null with the problem noted. */
	static LocalDate date(String typed, Problem problem, List<Problem> problems) {
		for (DateTimeFormatter format : DATES) {
			try {
				return LocalDate.parse(typed, format);
			}
			catch (DateTimeParseException ex) {
				// Try the next way of writing it.
			}
		}
		problems.add(problem);
		return null;
	}

}
