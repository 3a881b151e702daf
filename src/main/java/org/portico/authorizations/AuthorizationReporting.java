package org.portico.authorizations;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import org.portico.providers.Npi;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What reports may ask about referrals and authorizations, in aggregate: counts by kind
 * and status, and how long decisions took. Callers check access and audit.
 */
@Service
@Transactional(readOnly = true)
public class AuthorizationReporting {

	private final JdbcClient jdbc;

	AuthorizationReporting(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * Requests received in the span that any of the NPIs asked for or is to give the care
	 * of, per kind: how many stand in each status, and for those decided, the time from
	 * receipt to decision.
	 */
	public List<KindSummary> summary(Collection<Npi> npis, Instant from, Instant to) {
		Map<RequestKind, Map<RequestStatus, Long>> counts = new EnumMap<>(RequestKind.class);
		Map<RequestKind, List<Long>> seconds = new EnumMap<>(RequestKind.class);
		for (RequestKind kind : RequestKind.values()) {
			Map<RequestStatus, Long> byStatus = new EnumMap<>(RequestStatus.class);
			for (RequestStatus status : RequestStatus.values()) {
				byStatus.put(status, 0L);
			}
			counts.put(kind, byStatus);
			seconds.put(kind, new ArrayList<>());
		}
		if (!npis.isEmpty()) {
			this.jdbc.sql("""
					SELECT kind, status, received_at, decided_at FROM authorizations.request
					WHERE received_at >= :from AND received_at < :to
					  AND (requesting_npi IN (:npis) OR servicing_npi IN (:npis))
					""")
				.param("from", Timestamp.from(from))
				.param("to", Timestamp.from(to))
				.param("npis", npis.stream().map(Npi::value).toList())
				.query((java.sql.ResultSet rs) -> {
					RequestKind kind = RequestKind.valueOf(rs.getString(1));
					RequestStatus status = RequestStatus.valueOf(rs.getString(2));
					counts.get(kind).merge(status, 1L, Long::sum);
					if (status.isDecided() && rs.getTimestamp(4) != null) {
						seconds.get(kind)
							.add(Duration.between(rs.getTimestamp(3).toInstant(), rs.getTimestamp(4).toInstant())
								.toSeconds());
					}
				});
		}
		List<KindSummary> summaries = new ArrayList<>();
		for (RequestKind kind : RequestKind.values()) {
			List<Long> s = seconds.get(kind);
			s.sort(null);
			Duration average = s.isEmpty() ? null
					: Duration.ofSeconds(Math.round(s.stream().mapToLong(Long::longValue).average().orElse(0)));
			Duration median = s.isEmpty() ? null : Duration.ofSeconds(
					(s.size() % 2 == 1) ? s.get(s.size() / 2) : (s.get(s.size() / 2 - 1) + s.get(s.size() / 2)) / 2);
			summaries.add(new KindSummary(kind, counts.get(kind), average, median));
		}
		return summaries;
	}

	/**
	 * One kind of request: how many in each status, and the mean and median time from
	 * receipt to decision (null without decisions).
	 */
	public record KindSummary(RequestKind kind, Map<RequestStatus, Long> byStatus, Duration averageTurnaround,
			Duration medianTurnaround) {

		public long requests() {
			return this.byStatus.values().stream().mapToLong(Long::longValue).sum();
		}

		public long decided() {
			return this.byStatus.entrySet()
				.stream()
				.filter((e) -> e.getKey().isDecided())
				.mapToLong(Map.Entry::getValue)
				.sum();
		}

		/** Approved fully or partly. */
		public long approved() {
			return this.byStatus.get(RequestStatus.APPROVED) + this.byStatus.get(RequestStatus.PARTIALLY_APPROVED);
		}

	}

}
