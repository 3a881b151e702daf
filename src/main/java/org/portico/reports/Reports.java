package org.portico.reports;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.portico.access.AccessApi;
import org.portico.access.ProviderFunction;
import org.portico.authorizations.RequestKind;
import org.portico.authorizations.RequestStatus;
import org.portico.claims.ClaimStatus;
import org.portico.identity.AccountId;
import org.portico.members.MemberId;
import org.portico.members.MemberSummary;
import org.portico.members.PanelReporting;
import org.portico.providers.Npi;
import org.portico.providers.ProviderApi;
import org.portico.providers.ProviderSummary;
import org.portico.providers.ProviderUnit;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * The reports module's facade: who may see which report, and the reports' numbers, read
 * from what the refresh computed (a scope never computed is computed on first view).
 *
 * <p>
 * Who may see what: a provider's reports need the reports function for its NPI. A
 * provider unit's reports need the reports function for every NPI in the unit: grants are
 * given per NPI, so holding all of a unit's NPIs is what makes a user that unit's user. A
 * user never sees a unit of which they hold only some NPIs.
 */
@Service
public class Reports {

	private final JdbcClient jdbc;

	private final AccessApi access;

	private final ProviderApi providers;

	private final ReportRefresh refresh;

	private final PanelReporting panels;

	private final Clock clock;

	Reports(JdbcClient jdbc, AccessApi access, ProviderApi providers, ReportRefresh refresh, PanelReporting panels,
			Clock clock) {
		this.jdbc = jdbc;
		this.access = access;
		this.providers = providers;
		this.refresh = refresh;
		this.panels = panels;
		this.clock = clock;
	}

	/** A scope the user may report on, with its name. */
	public record Choice(ReportScope scope, String name, List<Npi> npis) {
	}

	/** Every scope the user may report on: their units first, then each provider. */
	public List<Choice> choicesFor(AccountId user) {
		Set<Npi> npis = this.access.npisFor(user, ProviderFunction.REPORTS);
		List<Choice> choices = new ArrayList<>();
		for (ProviderUnit unit : this.providers.unitsWithAny(npis)) {
			if (npis.containsAll(unit.npis())) {
				choices.add(new Choice(ReportScope.unit(unit.id()), unit.name(), unit.npis()));
			}
		}
		for (ProviderSummary p : this.providers.findAll(npis)) {
			choices.add(new Choice(ReportScope.of(p.npi()), p.name(), List.of(p.npi())));
		}
		return choices;
	}

	/**
	 * The scope, when the user may report on it; empty as well for a scope not on file,
	 * so that the two cannot be told apart.
	 */
	public Optional<Choice> open(AccountId user, ReportScope scope) {
		Set<Npi> npis = this.access.npisFor(user, ProviderFunction.REPORTS);
		return switch (scope.kind()) {
			case NPI -> npis.contains(new Npi(scope.id()))
					? this.providers.find(new Npi(scope.id())).map((p) -> new Choice(scope, p.name(), List.of(p.npi())))
					: Optional.empty();
			case UNIT -> this.providers.unit(scope.unitId())
				.filter((u) -> !u.npis().isEmpty() && npis.containsAll(u.npis()))
				.map((u) -> new Choice(scope, u.name(), u.npis()));
		};
	}

	/** When the numbers were computed, and as of which date. */
	public record Freshness(Instant computedAt, LocalDate asOf) {
	}

	private Freshness scopeFreshness(ReportScope scope) {
		Optional<Freshness> found = this.jdbc
			.sql("SELECT computed_at, as_of FROM reports.scope_refresh WHERE scope_key = ?")
			.param(scope.key())
			.query((rs, row) -> new Freshness(rs.getTimestamp(1).toInstant(), rs.getObject(2, LocalDate.class)))
			.optional();
		if (found.isPresent()) {
			return found.get();
		}
		this.refresh.refreshScope(scope, LocalDate.now(this.clock));
		return scopeFreshness(scope);
	}

	/** When clinical quality was computed; computed now if it never was. */
	public Freshness qualityFreshness() {
		Optional<Freshness> found = this.jdbc.sql("SELECT computed_at, as_of FROM reports.quality_refresh")
			.query((rs, row) -> new Freshness(rs.getTimestamp(1).toInstant(), rs.getObject(2, LocalDate.class)))
			.optional();
		if (found.isPresent()) {
			return found.get();
		}
		this.refresh.refreshQuality(LocalDate.now(this.clock));
		return qualityFreshness();
	}

	/** One product's line of the PCP panel roster. */
	public record RosterRow(String productCode, String productName, long assigned, long added, long ended) {
	}

	public record Roster(Freshness freshness, List<RosterRow> rows, RosterRow total) {
	}

	public Roster roster(ReportScope scope) {
		Freshness freshness = scopeFreshness(scope);
		List<RosterRow> rows = this.jdbc.sql("""
				SELECT product_code, product_name, assigned, added, ended FROM reports.roster
				WHERE scope_key = ? ORDER BY product_name, product_code
				""")
			.param(scope.key())
			.query((rs, row) -> new RosterRow(rs.getString(1), rs.getString(2), rs.getLong(3), rs.getLong(4),
					rs.getLong(5)))
			.list();
		RosterRow total = new RosterRow("", "", rows.stream().mapToLong(RosterRow::assigned).sum(),
				rows.stream().mapToLong(RosterRow::added).sum(), rows.stream().mapToLong(RosterRow::ended).sum());
		return new Roster(freshness, rows, total);
	}

	/** One month of the claims summary: claims per status, and the month's totals. */
	public record ClaimMonth(YearMonth month, Map<ClaimStatus, Long> byStatus, long claims, BigDecimal billed,
			BigDecimal paid) {
	}

	/** A denial reason of the claims summary. */
	public record DenialRow(String code, String description, long claims, BigDecimal amount) {
	}

	public record ClaimsSummary(Freshness freshness, List<ClaimMonth> months, List<DenialRow> denials) {
	}

	public ClaimsSummary claims(ReportScope scope) {
		Freshness freshness = scopeFreshness(scope);
		Map<YearMonth, Object[]> months = new LinkedHashMap<>();
		YearMonth last = YearMonth.from(freshness.asOf());
		for (int i = ReportRefresh.CLAIM_MONTHS - 1; i >= 0; i--) {
			Map<ClaimStatus, Long> statuses = new EnumMap<>(ClaimStatus.class);
			for (ClaimStatus s : ClaimStatus.values()) {
				statuses.put(s, 0L);
			}
			months.put(last.minusMonths(i), new Object[] { statuses, BigDecimal.ZERO, BigDecimal.ZERO });
		}
		this.jdbc.sql("SELECT month_start, status, claims, billed, paid FROM reports.claim_month WHERE scope_key = ?")
			.param(scope.key())
			.query((rs) -> {
				Object[] m = months.get(YearMonth.from(rs.getObject(1, LocalDate.class)));
				if (m != null) {
					@SuppressWarnings("unchecked")
					Map<ClaimStatus, Long> statuses = (Map<ClaimStatus, Long>) m[0];
					statuses.merge(ClaimStatus.valueOf(rs.getString(2)), rs.getLong(3), Long::sum);
					m[1] = ((BigDecimal) m[1]).add(rs.getBigDecimal(4));
					m[2] = ((BigDecimal) m[2]).add(rs.getBigDecimal(5));
				}
			});
		List<ClaimMonth> rows = new ArrayList<>();
		months.forEach((month, m) -> {
			@SuppressWarnings("unchecked")
			Map<ClaimStatus, Long> statuses = (Map<ClaimStatus, Long>) m[0];
			rows.add(new ClaimMonth(month, statuses, statuses.values().stream().mapToLong(Long::longValue).sum(),
					(BigDecimal) m[1], (BigDecimal) m[2]));
		});
		List<DenialRow> denials = this.jdbc
			.sql("""
					SELECT carc, description, claims, amount FROM reports.denial_reason WHERE scope_key = ? ORDER BY list_order
					""")
			.param(scope.key())
			.query((rs, row) -> new DenialRow(rs.getString(1), rs.getString(2), rs.getLong(3), rs.getBigDecimal(4)))
			.list();
		return new ClaimsSummary(freshness, rows, denials);
	}

	/**
	 * One kind of request of the referral and authorization summary: how many in each
	 * status, and the mean and median minutes from receipt to decision (null without
	 * decisions).
	 */
	public record RequestRow(RequestKind kind, Map<RequestStatus, Long> byStatus, Long averageMinutes,
			Long medianMinutes) {

		public long requests() {
			return this.byStatus.values().stream().mapToLong(Long::longValue).sum();
		}

		public Rate approval() {
			long decided = this.byStatus.entrySet()
				.stream()
				.filter((e) -> e.getKey().isDecided())
				.mapToLong(Map.Entry::getValue)
				.sum();
			return new Rate(decided,
					this.byStatus.get(RequestStatus.APPROVED) + this.byStatus.get(RequestStatus.PARTIALLY_APPROVED));
		}

	}

	public record RequestSummary(Freshness freshness, List<RequestRow> rows) {
	}

	public RequestSummary authorizations(ReportScope scope) {
		Freshness freshness = scopeFreshness(scope);
		Map<RequestKind, RequestRow> rows = new EnumMap<>(RequestKind.class);
		for (RequestKind kind : RequestKind.values()) {
			Map<RequestStatus, Long> none = new EnumMap<>(RequestStatus.class);
			for (RequestStatus s : RequestStatus.values()) {
				none.put(s, 0L);
			}
			rows.put(kind, new RequestRow(kind, none, null, null));
		}
		this.jdbc.sql("""
				SELECT kind, pended, in_review, info_requested, approved, partially_approved, denied, average_minutes,
				       median_minutes
				FROM reports.authorization_summary WHERE scope_key = ?
				""").param(scope.key()).query((rs) -> {
			Map<RequestStatus, Long> c = new EnumMap<>(RequestStatus.class);
			c.put(RequestStatus.PENDED, rs.getLong(2));
			c.put(RequestStatus.IN_REVIEW, rs.getLong(3));
			c.put(RequestStatus.INFO_REQUESTED, rs.getLong(4));
			c.put(RequestStatus.APPROVED, rs.getLong(5));
			c.put(RequestStatus.PARTIALLY_APPROVED, rs.getLong(6));
			c.put(RequestStatus.DENIED, rs.getLong(7));
			long average = rs.getLong(8);
			Long averageMinutes = rs.wasNull() ? null : average;
			long median = rs.getLong(9);
			Long medianMinutes = rs.wasNull() ? null : median;
			RequestKind kind = RequestKind.valueOf(rs.getString(1));
			rows.put(kind, new RequestRow(kind, c, averageMinutes, medianMinutes));
		});
		return new RequestSummary(freshness, List.copyOf(rows.values()));
	}

	/** A rate: numerator over denominator. */
	public record Rate(long denominator, long numerator) {

		/** The rate in whole percent, or null without a denominator. */
		public Integer percent() {
			return (this.denominator == 0) ? null : (int) Math.round(100.0 * this.numerator / this.denominator);
		}

	}

	public record RegistryRow(Registry registry, long scopeMembers, long planMembers) {
	}

	public record MeasureRow(CareGapMeasure measure, Rate scope, Rate plan) {
	}

	public record TrendPoint(YearMonth month, Rate scope, Rate plan) {
	}

	/** A PCP of the scope and how many of their members have the gap open. */
	public record OpenGaps(Npi pcp, String name, long members) {
	}

	public record Quality(Freshness freshness, List<RegistryRow> registries, List<MeasureRow> measures) {
	}

	public Quality quality(Choice choice) {
		Freshness freshness = qualityFreshness();
		List<String> pcps = pcpKeys(choice);
		Map<Registry, long[]> registries = new EnumMap<>(Registry.class);
		for (Registry r : Registry.values()) {
			registries.put(r, new long[2]);
		}
		this.jdbc.sql("""
				SELECT pcp_npi, registry, members FROM reports.registry_count WHERE pcp_npi IN (:pcps)
				""").param("pcps", pcps).query((rs) -> {
			registries.get(Registry.valueOf(rs.getString(2)))[QualityComputation.PLAN.equals(rs.getString(1)) ? 1
					: 0] += rs.getLong(3);
		});
		List<RegistryRow> registryRows = new ArrayList<>();
		registries.forEach((r, c) -> registryRows.add(new RegistryRow(r, c[0], c[1])));
		Map<CareGapMeasure, long[]> rates = new EnumMap<>(CareGapMeasure.class);
		for (CareGapMeasure m : CareGapMeasure.values()) {
			rates.put(m, new long[4]);
		}
		this.jdbc.sql("""
				SELECT pcp_npi, measure, SUM(denominator), SUM(numerator) FROM reports.quality_rate
				WHERE pcp_npi IN (:pcps) AND month_start = :month GROUP BY pcp_npi, measure
				""").param("pcps", pcps).param("month", freshness.asOf().withDayOfMonth(1)).query((rs) -> {
			long[] c = rates.get(CareGapMeasure.valueOf(rs.getString(2)));
			int at = QualityComputation.PLAN.equals(rs.getString(1)) ? 2 : 0;
			c[at] += rs.getLong(3);
			c[at + 1] += rs.getLong(4);
		});
		List<MeasureRow> measureRows = new ArrayList<>();
		rates.forEach((m, c) -> measureRows.add(new MeasureRow(m, new Rate(c[0], c[1]), new Rate(c[2], c[3]))));
		return new Quality(freshness, registryRows, measureRows);
	}

	/** The measure's rate for the scope and the plan at the end of each month. */
	public List<TrendPoint> trend(Choice choice, CareGapMeasure measure) {
		Freshness freshness = qualityFreshness();
		Map<YearMonth, long[]> months = new LinkedHashMap<>();
		YearMonth last = YearMonth.from(freshness.asOf());
		for (int i = QualityComputation.TREND_MONTHS - 1; i >= 0; i--) {
			months.put(last.minusMonths(i), new long[4]);
		}
		this.jdbc.sql("""
				SELECT pcp_npi, month_start, denominator, numerator FROM reports.quality_rate
				WHERE pcp_npi IN (:pcps) AND measure = :measure
				""").param("pcps", pcpKeys(choice)).param("measure", measure.name()).query((rs) -> {
			long[] c = months.get(YearMonth.from(rs.getObject(2, LocalDate.class)));
			if (c != null) {
				int at = QualityComputation.PLAN.equals(rs.getString(1)) ? 2 : 0;
				c[at] += rs.getLong(3);
				c[at + 1] += rs.getLong(4);
			}
		});
		List<TrendPoint> points = new ArrayList<>();
		months.forEach((m, c) -> points.add(new TrendPoint(m, new Rate(c[0], c[1]), new Rate(c[2], c[3]))));
		return points;
	}

	/** The scope's PCPs with members whose gap is open, and how many. */
	public List<OpenGaps> openGaps(Choice choice, CareGapMeasure measure) {
		qualityFreshness();
		Map<String, Long> counts = new LinkedHashMap<>();
		this.jdbc.sql("""
				SELECT pcp_npi, COUNT(*) FROM reports.open_gap WHERE pcp_npi IN (:pcps) AND measure = :measure
				GROUP BY pcp_npi ORDER BY pcp_npi
				""")
			.param("pcps", choice.npis().stream().map(Npi::value).toList())
			.param("measure", measure.name())
			.query((rs) -> {
				counts.put(rs.getString(1), rs.getLong(2));
			});
		Map<String, String> names = new LinkedHashMap<>();
		this.providers.findAll(counts.keySet().stream().map(Npi::new).toList())
			.forEach((p) -> names.put(p.npi().value(), p.name()));
		List<OpenGaps> rows = new ArrayList<>();
		counts.forEach((npi, n) -> rows.add(new OpenGaps(new Npi(npi), names.getOrDefault(npi, npi), n)));
		return rows;
	}

	/**
	 * The members of the PCP's panel whose gap is open, by name. The caller checks that
	 * the PCP is in a scope the user may see, and audits every member shown.
	 */
	public List<MemberSummary> membersWithOpenGap(Npi pcp, CareGapMeasure measure) {
		qualityFreshness();
		List<MemberId> ids = this.jdbc.sql("""
				SELECT subscriber_id, member_suffix FROM reports.open_gap WHERE pcp_npi = ? AND measure = ?
				ORDER BY subscriber_id, member_suffix
				""")
			.params(pcp.value(), measure.name())
			.query((rs, row) -> new MemberId(rs.getString(1), rs.getString(2)))
			.list();
		List<MemberSummary> members = new ArrayList<>(this.panels.members(ids).values());
		members.sort(java.util.Comparator.comparing(MemberSummary::lastName).thenComparing(MemberSummary::firstName));
		return members;
	}

	private static List<String> pcpKeys(Choice choice) {
		Set<String> keys = new LinkedHashSet<>();
		choice.npis().forEach((n) -> keys.add(n.value()));
		keys.add(QualityComputation.PLAN);
		return List.copyOf(keys);
	}

}
