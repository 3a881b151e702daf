package org.portico.authorizations;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.portico.members.LineOfBusiness;
import org.portico.members.ServiceCategory;

/**
 * A service's clinical criteria questionnaire, as read from its versioned data file: the
 * questions the office answers, the documents to attach and the rule that decides whether
 * the criteria are met. The clinical wording is the sheet's own content, kept with it and
 * versioned with it, not interface text.
 *
 * @param service the service's code in the catalogue, such as {@code MRI-LUMBAR}
 * @param version the sheet's version, recorded with every request answered on it
 * @param name the service's name
 * @param category the benefit category whose coverage and prior authorization flag apply
 * @param codes the CPT, HCPCS or revenue codes the service groups
 * @param requiredFor the lines of business whose products always need prior authorization
 * for the service; when empty, the product's benefit for the category decides
 * @param maxUnits the most units approved at once without a clinical review
 * @param validDays how many days an approval is valid from its start date
 * @param questions the questions, in order
 * @param attachments the documents asked for
 * @param criteria the rule
 * @param source the file it was read from
 */
public record SmartSheet(String service, int version, String name, ServiceCategory category, List<String> codes,
		Set<LineOfBusiness> requiredFor, int maxUnits, int validDays, List<Question> questions,
		List<Attachment> attachments, Criterion criteria, String source) {

	/**
	 * One question.
	 *
	 * @param id its id, unique on the sheet, used in the rule and as the form field
	 * @param text the question as the office reads it
	 * @param type the kind of answer
	 * @param required whether it must be answered
	 * @param min the smallest number allowed, for numbers
	 * @param max the largest number allowed, for numbers
	 * @param options the choices, for choice questions
	 * @param hint a line of help under the question, or null
	 */
	public record Question(String id, String text, AnswerType type, boolean required, BigDecimal min, BigDecimal max,
			List<Option> options, String hint) {

		/** The form field's name: the id, kept apart from the request's own fields. */
		public String field() {
			return "answer." + this.id;
		}

	}

	/** An option of a choice question. */
	public record Option(String value, String text) {
	}

	/**
	 * A document asked for. A sheet with any required document always goes to a clinical
	 * reviewer, who reads it.
	 */
	public record Attachment(String id, String text, boolean required) {
	}

	/**
	 * A problem with one answer, to show beside its field.
	 *
	 * @param question the question's id
	 * @param messageKey what is wrong, in words
	 * @param arguments the message's arguments
	 */
	public record AnswerProblem(String question, String messageKey, List<Object> arguments) {
	}

	/** The answers read from a form, with the problems found reading them. */
	public record Reading(Answers answers, List<AnswerProblem> problems) {
	}

	/**
	 * Whether any document must be attached, and so whether a reviewer must read them.
	 */
	public boolean documentsNeeded() {
		return this.attachments.stream().anyMatch(Attachment::required);
	}

	public Optional<Question> question(String id) {
		return this.questions.stream().filter((q) -> q.id().equals(id)).findFirst();
	}

	/**
	 * Reads the answers as typed into the form, field by field, checking that each
	 * required question is answered and that each answer fits its type.
	 * @param typed the form's answer fields by question id
	 * @param asOf the day of the request
	 */
	public Reading read(Map<String, String> typed, LocalDate asOf) {
		Map<String, Object> values = new LinkedHashMap<>();
		List<AnswerProblem> problems = new ArrayList<>();
		for (Question q : this.questions) {
			String given = typed.get(q.id());
			String raw = (given == null) ? "" : given.strip();
			if (raw.isEmpty()) {
				if (q.required()) {
					problems.add(new AnswerProblem(q.id(), "smart-sheet.problem.required", List.of(q.text())));
				}
				continue;
			}
			Object value = switch (q.type()) {
				case YES_NO -> switch (raw) {
					case "yes" -> Boolean.TRUE;
					case "no" -> Boolean.FALSE;
					default -> null;
				};
				case NUMBER -> number(q, raw);
				case DATE -> date(raw, asOf);
				case CHOICE -> q.options().stream().anyMatch((o) -> o.value().equals(raw)) ? raw : null;
				case TEXT -> (raw.length() <= 2000) ? raw : null;
			};
			if (value == null) {
				problems.add(new AnswerProblem(q.id(), "smart-sheet.problem." + q.type().name().toLowerCase(),
						problemArguments(q)));
			}
			else {
				values.put(q.id(), value);
			}
		}
		return new Reading(new Answers(values, asOf), List.copyOf(problems));
	}

	private static List<Object> problemArguments(Question q) {
		if (q.type() == AnswerType.NUMBER) {
			return List.of(q.text(), (q.min() != null) ? q.min().toPlainString() : "0",
					(q.max() != null) ? q.max().toPlainString() : "99999");
		}
		return List.of(q.text());
	}

	private static BigDecimal number(Question q, String raw) {
		try {
			BigDecimal n = new BigDecimal(raw);
			if ((q.min() != null && n.compareTo(q.min()) < 0) || (q.max() != null && n.compareTo(q.max()) > 0)) {
				return null;
			}
			return n;
		}
		catch (NumberFormatException ex) {
			return null;
		}
	}

	/** A date in the past or today: clinical history is never in the future. */
	private static LocalDate date(String raw, LocalDate asOf) {
		try {
			LocalDate d = LocalDate.parse(raw);
			return d.isAfter(asOf) ? null : d;
		}
		catch (DateTimeParseException ex) {
			return null;
		}
	}

	/** Whether the answers meet the sheet's criteria. */
	public boolean criteriaMet(Answers answers) {
		return this.criteria.metBy(answers);
	}

}
