package org.portico.reports;

import java.sql.Date;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import javax.sql.DataSource;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.portico.access.AccessApi;
import org.portico.access.ProviderFunction;
import org.portico.authorizations.AuthorizationReporting;
import org.portico.authorizations.AuthorizationReporting.KindSummary;
import org.portico.authorizations.RequestStatus;
import org.portico.claims.ClaimReporting;
import org.portico.claims.ClaimReporting.DenialReason;
import org.portico.claims.ClaimReporting.MonthlyClaims;
import org.portico.members.MemberApi;
import org.portico.members.PanelReporting;
import org.portico.members.PanelReporting.RosterCount;
import org.portico.providers.Npi;
import org.portico.providers.ProviderApi;
import org.portico.providers.ProviderUnit;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Computes the reports ahead of time into the reports schema: clinical quality for every
 * PCP's panel at once, then the roster and claims of every provider and provider unit
 * someone may report on. Runs nightly, at start-up when nothing was ever computed, and
 * when plan staff ask; one run at a time, its progress kept in {@code refresh_run}. Each
 * part is replaced in one transaction, so a page shows either the old or the new numbers.
 */
@Service
public class ReportRefresh implements DisposableBean {

	private static final Logger log = LoggerFactory.getLogger(ReportRefresh.class);

	/** Months of claims in the claims summary, the as-of date's month last. */
	static final int CLAIM_MONTHS = 12;

	/** How many denial reasons the claims summary lists. */
	static final int TOP_DENIAL_REASONS = 10;

	private final JdbcClient jdbc;

	private final TransactionTemplate transaction;

	private final PanelReporting panels;

	private final ClaimReporting claims;

	private final ProviderApi providers;

	private final AccessApi access;

	private final MemberApi members;

	private final AuthorizationReporting authorizations;

	private final Clock clock;

	private final JdbcTemplate batch;

	/** Held while a run is begun, apart from the lock the computation holds. */
	private final Object starting = new Object();

	private final ExecutorService worker = Executors.newSingleThreadExecutor((r) -> {
		Thread thread = new Thread(r, "report-refresh");
		thread.setDaemon(true);
		return thread;
	});

	ReportRefresh(JdbcClient jdbc, TransactionTemplate transaction, PanelReporting panels, ClaimReporting claims,
			ProviderApi providers, AccessApi access, MemberApi members, AuthorizationReporting authorizations,
			Clock clock, DataSource dataSource) {
		this.authorizations = authorizations;
		this.jdbc = jdbc;
		this.batch = new JdbcTemplate(dataSource);
		this.transaction = transaction;
		this.panels = panels;
		this.claims = claims;
		this.providers = providers;
		this.access = access;
		this.members = members;
		this.clock = clock;
	}

	/** A run of the refresh job. */
	public record Run(long id, String requestedBy, Instant startedAt, Instant finishedAt, String status, int stepsDone,
			int stepsTotal) {

		public boolean running() {
			return "RUNNING".equals(this.status);
		}

		public int percentDone() {
			return (this.stepsTotal == 0) ? 0 : (int) (100L * this.stepsDone / this.stepsTotal);
		}

	}

	public Optional<Run> latestRun() {
		return this.jdbc.sql("""
				SELECT id, requested_by, started_at, finished_at, status, steps_done, steps_total
				FROM reports.refresh_run ORDER BY id DESC FETCH FIRST 1 ROWS ONLY
				""")
			.query((rs, row) -> new Run(rs.getLong(1), rs.getString(2), rs.getTimestamp(3).toInstant(),
					(rs.getTimestamp(4) != null) ? rs.getTimestamp(4).toInstant() : null, rs.getString(5), rs.getInt(6),
					rs.getInt(7)))
			.optional();
	}

	/**
	 * Starts a run in the background unless one is running.
	 * @return whether a run was started
	 */
	public boolean start(String requestedBy) {
		synchronized (this.starting) {
			if (latestRun().filter(Run::running).isPresent()) {
				return false;
			}
			long id = begin(requestedBy);
			this.worker.submit(() -> run(id, LocalDate.now(this.clock)));
			return true;
		}
	}

	/** Every night, before offices open. */
	@Scheduled(cron = "${portico.reports.refresh-cron:0 30 2 * * *}")
	void nightly() {
		start("nightly");
	}

	/**
	 * A new portal shows reports from its first minutes: compute them once at start-up.
	 */
	@EventListener(ApplicationReadyEvent.class)
	void atStart() {
		boolean computed = this.jdbc.sql("SELECT COUNT(*) FROM reports.quality_refresh").query(Long.class).single() > 0;
		boolean interrupted = latestRun().filter(Run::running).isPresent();
		if (interrupted) {
			this.jdbc.sql("UPDATE reports.refresh_run SET status = 'FAILED', finished_at = ? WHERE status = 'RUNNING'")
				.param(Timestamp.from(this.clock.instant()))
				.update();
		}
		if ((!computed || interrupted) && this.members.anyMemberOnFile()) {
			start("start-up");
		}
	}

	/** Runs a whole refresh now, in the caller's thread, as of the date. */
	public void runNow(String requestedBy, LocalDate asOf) {
		long id;
		synchronized (this.starting) {
			id = begin(requestedBy);
		}
		run(id, asOf);
	}

	private long begin(String requestedBy) {
		this.jdbc.sql("""
				INSERT INTO reports.refresh_run (requested_by, started_at, status, steps_done, steps_total)
				VALUES (?, ?, 'RUNNING', 0, 1)
				""").params(requestedBy, Timestamp.from(this.clock.instant())).update();
		return this.jdbc.sql("SELECT MAX(id) FROM reports.refresh_run").query(Long.class).single();
	}

	private synchronized void run(long id, LocalDate asOf) {
		try {
			Set<ReportScope> scopes = new LinkedHashSet<>();
			this.access.npisAnyoneMay(ProviderFunction.REPORTS).forEach((npi) -> scopes.add(ReportScope.of(npi)));
			this.providers.unitIds().forEach((unit) -> scopes.add(ReportScope.unit(unit)));
			this.jdbc.sql("SELECT scope_key FROM reports.scope_refresh").query(String.class).list().forEach((key) -> {
				int colon = key.indexOf(':');
				scopes
					.add(new ReportScope(ReportScope.Kind.valueOf(key.substring(0, colon)), key.substring(colon + 1)));
			});
			progress(id, 0, scopes.size() + 1);
			long started = System.nanoTime();
			refreshQuality(asOf);
			log.info("Clinical quality computed in {} ms", (System.nanoTime() - started) / 1_000_000);
			int done = 1;
			for (ReportScope scope : scopes) {
				refreshScope(scope, asOf);
				progress(id, ++done, scopes.size() + 1);
			}
			finish(id, "DONE");
		}
		catch (RuntimeException ex) {
			log.error("The report refresh failed", ex);
			finish(id, "FAILED");
		}
	}

	private void progress(long id, int done, int total) {
		this.jdbc.sql("UPDATE reports.refresh_run SET steps_done = ?, steps_total = ? WHERE id = ?")
			.params(done, total, id)
			.update();
	}

	private void finish(long id, String status) {
		this.jdbc.sql("UPDATE reports.refresh_run SET status = ?, finished_at = ? WHERE id = ?")
			.params(status, Timestamp.from(this.clock.instant()), id)
			.update();
	}

	/** The NPIs a scope reports on; none for a unit not on file. */
	List<Npi> npisOf(ReportScope scope) {
		return switch (scope.kind()) {
			case NPI -> List.of(new Npi(scope.id()));
			case UNIT -> this.providers.unit(scope.unitId()).map(ProviderUnit::npis).orElse(List.of());
		};
	}

	/** Recomputes one scope's roster and claims summary as of the date. */
	public synchronized void refreshScope(ReportScope scope, LocalDate asOf) {
		List<Npi> npis = npisOf(scope);
		List<RosterCount> roster = this.panels.roster(npis, asOf);
		LocalDate from = YearMonth.from(asOf).minusMonths(CLAIM_MONTHS - 1).atDay(1);
		List<MonthlyClaims> months = this.claims.monthlyTotals(npis, from, asOf);
		List<DenialReason> denials = this.claims.topDenialReasons(npis, from, asOf, TOP_DENIAL_REASONS);
		List<KindSummary> requests = this.authorizations.summary(npis,
				from.atStartOfDay(this.clock.getZone()).toInstant(),
				asOf.plusDays(1).atStartOfDay(this.clock.getZone()).toInstant());
		String key = scope.key();
		this.transaction.executeWithoutResult((tx) -> {
			for (String table : List.of("roster", "claim_month", "denial_reason", "authorization_summary",
					"scope_refresh")) {
				this.jdbc.sql("DELETE FROM reports." + table + " WHERE scope_key = ?").param(key).update();
			}
			Map<String, long[]> byProduct = new java.util.TreeMap<>();
			Map<String, String> names = new java.util.HashMap<>();
			for (RosterCount r : roster) {
				long[] c = byProduct.computeIfAbsent(r.productCode(), (p) -> new long[3]);
				c[0] += r.assigned();
				c[1] += r.added();
				c[2] += r.ended();
				names.put(r.productCode(), r.productName());
			}
			byProduct.forEach((product, c) -> this.jdbc.sql("""
					INSERT INTO reports.roster (scope_key, product_code, product_name, assigned, added, ended)
					VALUES (?, ?, ?, ?, ?, ?)
					""").params(key, product, names.get(product), c[0], c[1], c[2]).update());
			for (MonthlyClaims m : months) {
				this.jdbc.sql("""
						INSERT INTO reports.claim_month (scope_key, month_start, status, claims, billed, paid)
						VALUES (?, ?, ?, ?, ?, ?)
						""")
					.params(key, Date.valueOf(m.month().atDay(1)), m.status().name(), m.claims(), m.billed(), m.paid())
					.update();
			}
			int order = 0;
			for (DenialReason d : denials) {
				this.jdbc.sql("""
						INSERT INTO reports.denial_reason (scope_key, list_order, carc, description, claims, amount)
						VALUES (?, ?, ?, ?, ?, ?)
						""")
					.params(key, ++order, d.code(), (d.description() != null) ? d.description() : "", d.claims(),
							d.amount())
					.update();
			}
			for (KindSummary k : requests) {
				Map<RequestStatus, Long> c = k.byStatus();
				this.jdbc.sql("""
						INSERT INTO reports.authorization_summary (scope_key, kind, pended, in_review, info_requested,
						  approved, partially_approved, denied, average_minutes, median_minutes)
						VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
						""")
					.params(key, k.kind().name(), c.get(RequestStatus.PENDED), c.get(RequestStatus.IN_REVIEW),
							c.get(RequestStatus.INFO_REQUESTED), c.get(RequestStatus.APPROVED),
							c.get(RequestStatus.PARTIALLY_APPROVED), c.get(RequestStatus.DENIED),
							(k.averageTurnaround() != null) ? k.averageTurnaround().toMinutes() : null,
							(k.medianTurnaround() != null) ? k.medianTurnaround().toMinutes() : null)
					.update();
			}
			this.jdbc.sql("INSERT INTO reports.scope_refresh (scope_key, computed_at, as_of) VALUES (?, ?, ?)")
				.params(key, Timestamp.from(this.clock.instant()), Date.valueOf(asOf))
				.update();
		});
	}

	/**
	 * Recomputes registries and care gaps for every PCP's panel and the plan as of the
	 * date.
	 */
	public synchronized void refreshQuality(LocalDate asOf) {
		QualityComputation quality = new QualityComputation(asOf);
		this.claims.clinicalEvidence(quality.evidenceFrom(), asOf, QualityComputation.diagnosisCodes(),
				QualityComputation.procedureCodes(), quality::add);
		this.panels.panelMembers(asOf, quality::count);
		List<Object[]> registries = new ArrayList<>();
		quality.registries.forEach((pcp, counts) -> counts
			.forEach((registry, members) -> registries.add(new Object[] { pcp, registry.name(), members })));
		List<Object[]> rates = new ArrayList<>();
		quality.rates.forEach((pcp, measures) -> measures.forEach((measure, months) -> months.forEach((month,
				c) -> rates.add(new Object[] { pcp, measure.name(), Date.valueOf(month.atDay(1)), c[0], c[1] }))));
		List<Object[]> gaps = new ArrayList<>();
		quality.openGaps.forEach((pcp, measures) -> measures.forEach((measure, list) -> list
			.forEach((m) -> gaps.add(new Object[] { pcp, measure.name(), m.subscriberId(), m.suffix() }))));
		this.transaction.executeWithoutResult((tx) -> {
			for (String table : List.of("registry_count", "quality_rate", "open_gap", "quality_refresh")) {
				this.jdbc.sql("DELETE FROM reports." + table).update();
			}
			this.batch.batchUpdate("INSERT INTO reports.registry_count (pcp_npi, registry, members) VALUES (?, ?, ?)",
					registries);
			this.batch.batchUpdate("""
					INSERT INTO reports.quality_rate (pcp_npi, measure, month_start, denominator, numerator)
					VALUES (?, ?, ?, ?, ?)
					""", rates);
			this.batch.batchUpdate("""
					INSERT INTO reports.open_gap (pcp_npi, measure, subscriber_id, member_suffix) VALUES (?, ?, ?, ?)
					""", gaps);
			this.jdbc.sql("INSERT INTO reports.quality_refresh (id, computed_at, as_of) VALUES (1, ?, ?)")
				.params(Timestamp.from(this.clock.instant()), Date.valueOf(asOf))
				.update();
		});
	}

	@Override
	public void destroy() {
		this.worker.shutdownNow();
	}

}
