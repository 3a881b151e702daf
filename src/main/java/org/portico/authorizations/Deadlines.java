package org.portico.authorizations;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * When a decision is due (CMS-0057-F): 72 hours after receipt for an expedited request, 7
 * calendar days for a standard one. Weekends and holidays count; nothing moves a due time
 * to a business day.
 * <p>
 * The 72 hours are elapsed time, the same anywhere. Calendar days are days of the plan's
 * time zone, where its reviewers work and where the rule's days are counted: a standard
 * request received at 4:30 pm on a Friday is due at 4:30 pm on the Friday after, on the
 * plan's clock, even when daylight saving time begins or ends in between (the week is
 * then 167 or 169 hours long).
 */
@Component
public class Deadlines {

	/** What the rule allows for an expedited decision. */
	public static final Duration EXPEDITED = Duration.ofHours(72);

	/** Calendar days allowed for a standard decision. */
	public static final int STANDARD_DAYS = 7;

	/** Less time than this left is at risk of being late. */
	public static final Duration AT_RISK = Duration.ofHours(24);

	private final ZoneId planZone;

	Deadlines(@Value("${portico.authorizations.plan-zone:America/New_York}") String planZone) {
		this.planZone = ZoneId.of(planZone);
	}

	public static Deadlines in(ZoneId planZone) {
		return new Deadlines(planZone.getId());
	}

	public ZoneId planZone() {
		return this.planZone;
	}

	public Instant dueAt(Instant receivedAt, Priority priority) {
		if (priority == Priority.EXPEDITED) {
			return receivedAt.plus(EXPEDITED);
		}
		return ZonedDateTime.ofInstant(receivedAt, this.planZone).plusDays(STANDARD_DAYS).toInstant();
	}

	/** How a due time stands at a moment. */
	public Urgency urgency(Instant dueAt, Instant now) {
		if (!now.isBefore(dueAt)) {
			return Urgency.OVERDUE;
		}
		return Duration.between(now, dueAt).compareTo(AT_RISK) < 0 ? Urgency.AT_RISK : Urgency.ON_TIME;
	}

	/** A moment as the plan's clock shows it. */
	public ZonedDateTime local(Instant instant) {
		return instant.atZone(this.planZone);
	}

	/** How an open request's due time stands. */
	public enum Urgency {

		ON_TIME, AT_RISK, OVERDUE;

		public String messageKey() {
			return "authorizations.urgency." + name();
		}

	}

}
