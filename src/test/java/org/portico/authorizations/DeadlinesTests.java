package org.portico.authorizations;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;

import org.junit.jupiter.api.Test;

import org.portico.authorizations.Deadlines.Urgency;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Due times of CMS-0057-F: 72 hours when expedited, 7 calendar days when standard,
 * weekends included, counted on the plan's clock.
 */
class DeadlinesTests {

	private static final ZoneId NEW_YORK = ZoneId.of("America/New_York");

	private final Deadlines deadlines = Deadlines.in(NEW_YORK);

	private static Instant newYork(int year, int month, int day, int hour, int minute) {
		return LocalDateTime.of(year, month, day, hour, minute).atZone(NEW_YORK).toInstant();
	}

	@Test
	void aStandardRequestReceivedOnFridayIsDueTheNextFridayWeekendIncluded() {
		Instant friday = newYork(2026, 11, 20, 16, 30);
		assertThat(this.deadlines.dueAt(friday, Priority.STANDARD)).isEqualTo(newYork(2026, 11, 27, 16, 30));
	}

	@Test
	void anExpeditedRequestReceivedOnFridayIsDueOnMondayNotAfterTheWeekend() {
		Instant friday = newYork(2026, 11, 20, 16, 30);
		assertThat(this.deadlines.dueAt(friday, Priority.EXPEDITED)).isEqualTo(newYork(2026, 11, 23, 16, 30));
	}

	@Test
	void aStandardWeekAcrossTheSpringChangeIsSevenDaysOnThePlansClockAndOneHourShort() {
		// Daylight saving time began on Sunday 8 March 2026 in New York.
		Instant thursday = newYork(2026, 3, 5, 10, 0);
		Instant due = this.deadlines.dueAt(thursday, Priority.STANDARD);
		assertThat(due.atZone(NEW_YORK).toLocalDateTime()).isEqualTo(LocalDateTime.of(2026, 3, 12, 10, 0));
		assertThat(Duration.between(thursday, due)).isEqualTo(Duration.ofHours(167));
	}

	@Test
	void aStandardWeekAcrossTheAutumnChangeIsOneHourLonger() {
		// Daylight saving time ended on Sunday 1 November 2026 in New York.
		Instant friday = newYork(2026, 10, 30, 9, 15);
		Instant due = this.deadlines.dueAt(friday, Priority.STANDARD);
		assertThat(due.atZone(NEW_YORK).toLocalDateTime()).isEqualTo(LocalDateTime.of(2026, 11, 6, 9, 15));
		assertThat(Duration.between(friday, due)).isEqualTo(Duration.ofHours(169));
	}

	@Test
	void expeditedHoursAreElapsedHoursEvenAcrossTheChange() {
		Instant saturday = newYork(2026, 3, 7, 10, 0);
		Instant due = this.deadlines.dueAt(saturday, Priority.EXPEDITED);
		assertThat(Duration.between(saturday, due)).isEqualTo(Duration.ofHours(72));
		// On the plan's clock it reads an hour later than the time received.
		assertThat(due.atZone(NEW_YORK).toLocalDateTime()).isEqualTo(LocalDateTime.of(2026, 3, 10, 11, 0));
	}

	@Test
	void calendarDaysAreThePlansNotTheServersOrTheProvidersZone() {
		// 11 pm on Sunday in Los Angeles is already Monday in New York.
		Instant received = ZonedDateTime.of(2026, 11, 22, 23, 0, 0, 0, ZoneId.of("America/Los_Angeles")).toInstant();
		assertThat(this.deadlines.dueAt(received, Priority.STANDARD)).isEqualTo(newYork(2026, 11, 30, 2, 0));
		Deadlines inUtc = Deadlines.in(ZoneId.of("UTC"));
		assertThat(Duration.between(received, inUtc.dueAt(received, Priority.STANDARD))).isEqualTo(Duration.ofDays(7));
	}

	@Test
	void lessThanADayLeftIsAtRiskAndAPassedDueTimeIsOverdue() {
		Instant due = newYork(2026, 11, 27, 16, 30);
		assertThat(this.deadlines.urgency(due, due.minus(Duration.ofHours(25)))).isEqualTo(Urgency.ON_TIME);
		assertThat(this.deadlines.urgency(due, due.minus(Duration.ofHours(23)))).isEqualTo(Urgency.AT_RISK);
		assertThat(this.deadlines.urgency(due, due)).isEqualTo(Urgency.OVERDUE);
		assertThat(this.deadlines.urgency(due, due.plusSeconds(1))).isEqualTo(Urgency.OVERDUE);
	}

}
