package org.portico.authorizations;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;

/**
 * The rule of a smart sheet that decides whether the clinical criteria are met, built
 * from the sheet's {@code criteria} block. A question left unanswered meets no condition
 * about it, so an optional question can only help when it is answered.
 */
public sealed interface Criterion {

	boolean metBy(Answers answers);

	/** Every part is met. */
	record All(List<Criterion> parts) implements Criterion {

		@Override
		public boolean metBy(Answers answers) {
			return this.parts.stream().allMatch((p) -> p.metBy(answers));
		}

	}

	/** At least one part is met. */
	record Any(List<Criterion> parts) implements Criterion {

		@Override
		public boolean metBy(Answers answers) {
			return this.parts.stream().anyMatch((p) -> p.metBy(answers));
		}

	}

	/** The part is not met. */
	record Not(Criterion part) implements Criterion {

		@Override
		public boolean metBy(Answers answers) {
			return !this.part.metBy(answers);
		}

	}

	/** A yes/no answer is the one given, or a choice is the option given. */
	record Is(String question, Object value) implements Criterion {

		@Override
		public boolean metBy(Answers answers) {
			return this.value.equals(answers.value(this.question));
		}

	}

	/** A choice is one of the options given. */
	record OneOf(String question, Set<String> values) implements Criterion {

		@Override
		public boolean metBy(Answers answers) {
			return answers.value(this.question) instanceof String s && this.values.contains(s);
		}

	}

	/** A number is at least the one given. */
	record AtLeast(String question, BigDecimal minimum) implements Criterion {

		@Override
		public boolean metBy(Answers answers) {
			return answers.value(this.question) instanceof BigDecimal n && n.compareTo(this.minimum) >= 0;
		}

	}

	/** A number is at most the one given. */
	record AtMost(String question, BigDecimal maximum) implements Criterion {

		@Override
		public boolean metBy(Answers answers) {
			return answers.value(this.question) instanceof BigDecimal n && n.compareTo(this.maximum) <= 0;
		}

	}

	/**
	 * A date is no more than so many days before the day of the request (nor after it).
	 */
	record WithinDays(String question, int days) implements Criterion {

		@Override
		public boolean metBy(Answers answers) {
			return answers.value(this.question) instanceof LocalDate d && !d.isAfter(answers.asOf())
					&& !d.isBefore(answers.asOf().minusDays(this.days));
		}

	}

	/** A date is more than so many days before the day of the request. */
	record OlderThanDays(String question, int days) implements Criterion {

		@Override
		public boolean metBy(Answers answers) {
			return answers.value(this.question) instanceof LocalDate d
					&& d.isBefore(answers.asOf().minusDays(this.days));
		}

	}

	/** The question was answered at all: for optional questions. */
	record Answered(String question) implements Criterion {

		@Override
		public boolean metBy(Answers answers) {
			return answers.value(this.question) != null;
		}

	}

}
