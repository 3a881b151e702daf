package org.portico.authorizations;

import java.time.Duration;

/**
 * The CMS-0057-F figures of one priority over a period: of the requests decided, how many
 * were approved (fully or partly), denied and extended, and how long decisions took.
 *
 * @param priority standard or expedited
 * @param decided requests decided in the period
 * @param approved of those, approved fully or partly
 * @param denied of those, denied
 * @param extended of those, whose deadline was extended
 * @param average the mean time from receipt to decision, or null without decisions
 * @param median the median time from receipt to decision, or null without decisions
 */
public record DecisionFigures(Priority priority, long decided, long approved, long denied, long extended,
		Duration average, Duration median) {

	public Double approvedPercent() {
		return percent(this.approved);
	}

	public Double deniedPercent() {
		return percent(this.denied);
	}

	public Double extendedPercent() {
		return percent(this.extended);
	}

	private Double percent(long count) {
		return (this.decided == 0) ? null : 100.0 * count / this.decided;
	}

	/** Hours, to one decimal. */
	public static Double hours(Duration duration) {
		return (duration == null) ? null : Math.round(duration.toMinutes() / 6.0) / 10.0;
	}

}
