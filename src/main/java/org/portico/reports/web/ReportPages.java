package org.portico.reports.web;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.text.NumberFormat;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.portico.authorizations.RequestStatus;
import org.portico.claims.ClaimStatus;
import org.portico.reports.CareGapMeasure;
import org.portico.reports.Reports;
import org.portico.reports.Reports.ClaimMonth;
import org.portico.reports.Reports.ClaimsSummary;
import org.portico.reports.Reports.DenialRow;
import org.portico.reports.Reports.MeasureRow;
import org.portico.reports.Reports.Quality;
import org.portico.reports.Reports.Rate;
import org.portico.reports.Reports.RegistryRow;
import org.portico.reports.Reports.RequestRow;
import org.portico.reports.Reports.RequestSummary;
import org.portico.reports.Reports.Roster;
import org.portico.reports.Reports.RosterRow;
import org.portico.reports.Reports.TrendPoint;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * Turns each report's numbers into its tables and charts, in the page's words. The page,
 * the CSV and the PDF are all made from these tables.
 */
@Component
class ReportPages {

	private static final DateTimeFormatter MONTH = DateTimeFormatter.ofPattern("MMM yyyy", Locale.US);

	private final MessageSource messages;

	ReportPages(MessageSource messages) {
		this.messages = messages;
	}

	List<DataTable> rosterTables(Roster roster, Locale locale) {
		List<List<String>> rows = new ArrayList<>();
		for (RosterRow r : roster.rows()) {
			rows.add(List.of(product(r, locale), count(r.assigned()), count(r.added()), count(r.ended())));
		}
		RosterRow t = roster.total();
		rows.add(List.of(word(locale, "reports.total"), count(t.assigned()), count(t.added()), count(t.ended())));
		return List.of(new DataTable("roster-table", word(locale, "reports.roster.caption"),
				List.of(word(locale, "reports.roster.product"), word(locale, "reports.roster.assigned"),
						word(locale, "reports.roster.added"), word(locale, "reports.roster.ended")),
				rows));
	}

	Chart rosterChart(Roster roster, Locale locale) {
		List<String> categories = new ArrayList<>();
		Double[][] values = new Double[roster.rows().size()][];
		int i = 0;
		for (RosterRow r : roster.rows()) {
			categories.add(product(r, locale));
			values[i++] = new Double[] { (double) r.assigned(), (double) r.added(), (double) r.ended() };
		}
		List<String> series = List.of(word(locale, "reports.roster.assigned"), word(locale, "reports.roster.added"),
				word(locale, "reports.roster.ended"));
		return Chart.of("roster-chart", word(locale, "reports.roster.chart.title"),
				word(locale, "reports.roster.chart.desc"), series, series, categories, categories, values, "", "");
	}

	private String product(RosterRow r, Locale locale) {
		return r.productName().isEmpty() ? word(locale, "reports.roster.no-coverage") : r.productName();
	}

	List<DataTable> claimsTables(ClaimsSummary summary, Locale locale) {
		List<String> headers = new ArrayList<>();
		headers.add(word(locale, "reports.claims.month"));
		for (ClaimStatus s : ClaimStatus.values()) {
			headers.add(word(locale, "reports.claims.status." + s.name()));
		}
		headers.add(word(locale, "reports.claims.total"));
		headers.add(word(locale, "reports.claims.billed"));
		headers.add(word(locale, "reports.claims.paid"));
		List<List<String>> rows = new ArrayList<>();
		for (ClaimMonth m : summary.months()) {
			List<String> row = new ArrayList<>();
			row.add(MONTH.format(m.month()));
			for (ClaimStatus s : ClaimStatus.values()) {
				row.add(count(m.byStatus().get(s)));
			}
			row.add(count(m.claims()));
			row.add(money(m.billed()));
			row.add(money(m.paid()));
			rows.add(row);
		}
		List<List<String>> denials = new ArrayList<>();
		for (DenialRow d : summary.denials()) {
			denials.add(List.of(d.code(), d.description(), count(d.claims()), money(d.amount())));
		}
		return List.of(new DataTable("claims-table", word(locale, "reports.claims.caption"), headers, rows),
				new DataTable("denials-table", word(locale, "reports.claims.denials.caption"),
						List.of(word(locale, "reports.claims.carc"), word(locale, "reports.claims.carc.description"),
								word(locale, "reports.claims.denied-claims"), word(locale, "reports.claims.amount")),
						denials));
	}

	Chart claimsChart(ClaimsSummary summary, Locale locale) {
		List<String> categories = new ArrayList<>();
		Double[][] values = new Double[summary.months().size()][];
		int i = 0;
		for (ClaimMonth m : summary.months()) {
			categories.add(MONTH.format(m.month()));
			values[i++] = new Double[] { (double) m.claims(), (double) m.byStatus().get(ClaimStatus.DENIED) };
		}
		List<String> series = List.of(word(locale, "reports.claims.total"),
				word(locale, "reports.claims.status.DENIED"));
		return Chart.of("claims-chart", word(locale, "reports.claims.chart.title"),
				word(locale, "reports.claims.chart.desc"), series, series, categories, categories, values, "", "");
	}

	List<DataTable> qualityTables(Quality quality, List<TrendPoint> trend, CareGapMeasure measure, Locale locale) {
		List<List<String>> registries = new ArrayList<>();
		for (RegistryRow r : quality.registries()) {
			registries
				.add(List.of(word(locale, r.registry().messageKey()), count(r.scopeMembers()), count(r.planMembers())));
		}
		List<List<String>> measures = new ArrayList<>();
		for (MeasureRow m : quality.measures()) {
			measures.add(List.of(word(locale, m.measure().messageKey()), count(m.scope().denominator()),
					count(m.scope().numerator()), percent(m.scope(), locale), count(m.plan().denominator()),
					count(m.plan().numerator()), percent(m.plan(), locale)));
		}
		List<List<String>> months = new ArrayList<>();
		for (TrendPoint p : trend) {
			months.add(List.of(MONTH.format(p.month()), count(p.scope().denominator()), count(p.scope().numerator()),
					percent(p.scope(), locale), percent(p.plan(), locale)));
		}
		List<String> rateHeaders = List.of(word(locale, "reports.quality.measure"),
				word(locale, "reports.quality.denominator"), word(locale, "reports.quality.numerator"),
				word(locale, "reports.quality.rate"), word(locale, "reports.quality.plan-denominator"),
				word(locale, "reports.quality.plan-numerator"), word(locale, "reports.quality.plan-rate"));
		return List.of(
				new DataTable("measures-table", word(locale, "reports.quality.measures.caption"), rateHeaders,
						measures),
				new DataTable("trend-table",
						word(locale, "reports.quality.trend.caption", word(locale, measure.messageKey())),
						List.of(word(locale, "reports.claims.month"), word(locale, "reports.quality.denominator"),
								word(locale, "reports.quality.numerator"), word(locale, "reports.quality.rate"),
								word(locale, "reports.quality.plan-rate")),
						months),
				new DataTable("registries-table", word(locale, "reports.quality.registries.caption"),
						List.of(word(locale, "reports.quality.registry"), word(locale, "reports.quality.members"),
								word(locale, "reports.quality.plan-members")),
						registries));
	}

	Chart measuresChart(Quality quality, Locale locale) {
		List<String> categories = new ArrayList<>();
		List<String> rows = new ArrayList<>();
		Double[][] values = new Double[quality.measures().size()][];
		int i = 0;
		for (MeasureRow m : quality.measures()) {
			categories.add(word(locale, m.measure().messageKey() + ".short"));
			rows.add(word(locale, m.measure().messageKey()));
			values[i++] = new Double[] { pct(m.scope()), pct(m.plan()) };
		}
		return Chart.of("measures-chart", word(locale, "reports.quality.chart.title"),
				word(locale, "reports.quality.chart.desc"),
				List.of(word(locale, "reports.quality.this-scope"), word(locale, "reports.quality.plan")),
				List.of(word(locale, "reports.quality.rate"), word(locale, "reports.quality.plan-rate")), categories,
				rows, values, "%", word(locale, "reports.quality.no-members"));
	}

	Chart trendChart(List<TrendPoint> trend, CareGapMeasure measure, Locale locale) {
		List<String> categories = new ArrayList<>();
		Double[][] values = new Double[trend.size()][];
		int i = 0;
		for (TrendPoint p : trend) {
			categories.add(MONTH.format(p.month()));
			values[i++] = new Double[] { pct(p.scope()), pct(p.plan()) };
		}
		return Chart.of("trend-chart",
				word(locale, "reports.quality.trend.chart.title", word(locale, measure.messageKey())),
				word(locale, "reports.quality.trend.chart.desc"),
				List.of(word(locale, "reports.quality.this-scope"), word(locale, "reports.quality.plan")),
				List.of(word(locale, "reports.quality.rate"), word(locale, "reports.quality.plan-rate")), categories,
				categories, values, "%", word(locale, "reports.quality.no-members"));
	}

	List<DataTable> authorizationTables(RequestSummary summary, Locale locale) {
		List<String> headers = new ArrayList<>();
		headers.add(word(locale, "reports.authorizations.kind"));
		for (RequestStatus s : RequestStatus.values()) {
			headers.add(word(locale, s.messageKey()));
		}
		headers.add(word(locale, "reports.authorizations.all"));
		headers.add(word(locale, "reports.authorizations.approved"));
		headers.add(word(locale, "reports.authorizations.approval-rate"));
		headers.add(word(locale, "reports.authorizations.average"));
		headers.add(word(locale, "reports.authorizations.median"));
		List<List<String>> rows = new ArrayList<>();
		for (RequestRow r : summary.rows()) {
			List<String> row = new ArrayList<>();
			row.add(word(locale, r.kind().messageKey()));
			for (RequestStatus s : RequestStatus.values()) {
				row.add(count(r.byStatus().get(s)));
			}
			row.add(count(r.requests()));
			row.add(count(r.approval().numerator()));
			row.add((r.approval().percent() == null) ? word(locale, "reports.authorizations.no-decisions")
					: r.approval().percent() + "%");
			row.add(hours(r.averageMinutes(), locale));
			row.add(hours(r.medianMinutes(), locale));
			rows.add(row);
		}
		return List
			.of(new DataTable("authorizations-table", word(locale, "reports.authorizations.caption"), headers, rows));
	}

	Chart authorizationChart(RequestSummary summary, Locale locale) {
		List<String> categories = new ArrayList<>();
		Double[][] values = new Double[summary.rows().size()][];
		int i = 0;
		for (RequestRow r : summary.rows()) {
			categories.add(word(locale, r.kind().messageKey()));
			values[i++] = new Double[] { (double) r.requests(), (double) r.approval().numerator(),
					(double) r.byStatus().get(RequestStatus.DENIED) };
		}
		return Chart.of("authorizations-chart", word(locale, "reports.authorizations.chart.title"),
				word(locale, "reports.authorizations.chart.desc"),
				List.of(word(locale, "reports.authorizations.all"), word(locale, "reports.authorizations.approved"),
						word(locale, RequestStatus.DENIED.messageKey())),
				List.of(word(locale, "reports.authorizations.all"), word(locale, "reports.authorizations.approved"),
						word(locale, RequestStatus.DENIED.messageKey())),
				categories, categories, values, "", "");
	}

	private String hours(Long minutes, Locale locale) {
		return (minutes == null) ? word(locale, "reports.authorizations.no-decisions")
				: String.format(Locale.US, "%.1f", minutes / 60.0);
	}

	private static Double pct(Rate rate) {
		Integer p = rate.percent();
		return (p == null) ? null : p.doubleValue();
	}

	private String percent(Rate rate, Locale locale) {
		Integer p = rate.percent();
		return (p == null) ? word(locale, "reports.quality.no-members") : p + "%";
	}

	static String count(long n) {
		return NumberFormat.getIntegerInstance(Locale.US).format(n);
	}

	static String money(BigDecimal amount) {
		NumberFormat format = NumberFormat.getCurrencyInstance(Locale.US);
		return format.format(amount.setScale(2, RoundingMode.HALF_UP));
	}

	String word(Locale locale, String key, Object... args) {
		return this.messages.getMessage(key, args, locale);
	}

}
