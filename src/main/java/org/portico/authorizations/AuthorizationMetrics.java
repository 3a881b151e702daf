package org.portico.authorizations;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.Year;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import org.portico.identity.PorticoUser;
import org.portico.providers.Npi;

import org.portico.access.AccessApi;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The figures CMS-0057-F asks a plan to publish each year, for requests decided in a
 * calendar year of the plan's time zone, standard and expedited apart; and the same
 * figures for one office's own requests, to read beside the plan's. Decisions made at
 * once by the rules count, with a time to decision of a moment.
 */
@Service
@Transactional(readOnly = true)
public class AuthorizationMetrics {

	private final JdbcClient jdbc;

	private final Deadlines deadlines;

	private final AccessApi access;

	private final Clock clock;

	AuthorizationMetrics(JdbcClient jdbc, Deadlines deadlines, AccessApi access, Clock clock) {
		this.jdbc = jdbc;
		this.deadlines = deadlines;
		this.access = access;
		this.clock = clock;
	}

	/** The last full calendar year, on the plan's clock. */
	public Year lastYear() {
		return Year.from(LocalDate.now(this.clock.withZone(this.deadlines.planZone()))).minusYears(1);
	}

	/** The plan's figures for the year, standard first. */
	public List<DecisionFigures> plan(Year year) {
		return figures(year, null);
	}

	/** The figures of the requests made by the NPIs the user acts for, standard first. */
	public List<DecisionFigures> office(PorticoUser user, Year year) {
		return figures(year, this.access.npisFor(user.accountId(), Authorizations.FUNCTION));
	}

	private List<DecisionFigures> figures(Year year, Collection<Npi> npis) {
		Instant from = year.atDay(1).atStartOfDay(this.deadlines.planZone()).toInstant();
		Instant to = year.plusYears(1).atDay(1).atStartOfDay(this.deadlines.planZone()).toInstant();
		Map<Priority, List<Long>> seconds = new EnumMap<>(Priority.class);
		Map<Priority, long[]> counts = new EnumMap<>(Priority.class);
		for (Priority p : Priority.values()) {
			seconds.put(p, new ArrayList<>());
			counts.put(p, new long[3]);
		}
		if (npis != null && npis.isEmpty()) {
			return build(seconds, counts);
		}
		StringBuilder sql = new StringBuilder("""
				SELECT priority, status, extended, received_at, decided_at FROM authorizations.request
				WHERE decided_at >= :from AND decided_at < :to
				""");
		if (npis != null) {
			sql.append(" AND requesting_npi IN (:npis)");
		}
		var statement = this.jdbc.sql(sql.toString())
			.param("from", Timestamp.from(from))
			.param("to", Timestamp.from(to));
		if (npis != null) {
			statement = statement.param("npis", npis.stream().map(Npi::value).toList());
		}
		statement.query((java.sql.ResultSet rs) -> {
			Priority priority = Priority.valueOf(rs.getString(1));
			RequestStatus status = RequestStatus.valueOf(rs.getString(2));
			long[] c = counts.get(priority);
			if (status == RequestStatus.APPROVED || status == RequestStatus.PARTIALLY_APPROVED) {
				c[0]++;
			}
			else if (status == RequestStatus.DENIED) {
				c[1]++;
			}
			if (rs.getBoolean(3)) {
				c[2]++;
			}
			seconds.get(priority)
				.add(Duration.between(rs.getTimestamp(4).toInstant(), rs.getTimestamp(5).toInstant()).toSeconds());
		});
		return build(seconds, counts);
	}

	private static List<DecisionFigures> build(Map<Priority, List<Long>> seconds, Map<Priority, long[]> counts) {
		List<DecisionFigures> figures = new ArrayList<>();
		for (Priority p : Priority.values()) {
			List<Long> s = seconds.get(p);
			s.sort(null);
			long[] c = counts.get(p);
			Duration average = s.isEmpty() ? null
					: Duration.ofSeconds(Math.round(s.stream().mapToLong(Long::longValue).average().orElse(0)));
			Duration median = s.isEmpty() ? null : Duration.ofSeconds(
					(s.size() % 2 == 1) ? s.get(s.size() / 2) : (s.get(s.size() / 2 - 1) + s.get(s.size() / 2)) / 2);
			figures.add(new DecisionFigures(p, s.size(), c[0], c[1], c[2], average, median));
		}
		return figures;
	}

}
