package org.portico.claims;

import java.time.Clock;
import java.time.LocalDate;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The plan's timely-filing rule for corrected and voided claims: a claim may be corrected
 * or voided within {@code portico.claims.timely-filing-days} days (365 unless configured)
 * from its first date of service, counting that day.
 */
@Component
public class TimelyFiling {

	private final int days;

	private final Clock clock;

	TimelyFiling(@Value("${portico.claims.timely-filing-days:365}") int days, Clock clock) {
		if (days < 1) {
			throw new IllegalArgumentException("portico.claims.timely-filing-days must be at least 1");
		}
		this.days = days;
		this.clock = clock;
	}

	public int days() {
		return this.days;
	}

	/**
	 * The last day a claim with this first date of service may be corrected or voided.
	 */
	public LocalDate lastDay(LocalDate serviceFrom) {
		return serviceFrom.plusDays(this.days - 1L);
	}

	public boolean isPast(LocalDate serviceFrom) {
		return LocalDate.now(this.clock).isAfter(lastDay(serviceFrom));
	}

}
