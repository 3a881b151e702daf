package org.portico.reports.web;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.portico.audit.AuditEvent;
import org.portico.audit.AuditLog;
import org.portico.audit.AuditOutcome;
import org.portico.identity.PorticoUser;
import org.portico.members.MemberSummary;
import org.portico.providers.Npi;
import org.portico.reports.CareGapMeasure;
import org.portico.reports.Registry;
import org.portico.reports.ReportScope;
import org.portico.reports.Reports;
import org.portico.reports.Reports.Choice;
import org.portico.reports.Reports.ClaimsSummary;
import org.portico.reports.Reports.Freshness;
import org.portico.reports.Reports.Quality;
import org.portico.reports.Reports.Roster;
import org.portico.reports.Reports.TrendPoint;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;

/**
 * Provider and provider-unit reports: the PCP panel roster, the claims summary and
 * clinical quality, each a page with a chart and a table and as CSV and PDF. A scope the
 * user may not report on answers as one not on file (404), and the refusal is audited.
 * The drill-down to members with an open care gap is audited as a view of each member.
 */
@Controller
class ReportController {

	private static final DateTimeFormatter FRESH = DateTimeFormatter.ofPattern("MMMM d, yyyy 'at' h:mm a z", Locale.US);

	private final Reports reports;

	private final ReportPages pages;

	private final ReportExports exports;

	private final AuditLog audit;

	ReportController(Reports reports, ReportPages pages, ReportExports exports, AuditLog audit) {
		this.reports = reports;
		this.pages = pages;
		this.exports = exports;
		this.audit = audit;
	}

	@GetMapping("/reports")
	String index(@AuthenticationPrincipal PorticoUser user, Model model) {
		model.addAttribute("choices",
				(user.accountId() != null) ? this.reports.choicesFor(user.accountId()) : List.of());
		return "reports/index";
	}

	@GetMapping("/reports/{scope}/roster")
	String roster(@AuthenticationPrincipal PorticoUser user, @PathVariable String scope, Model model, Locale locale) {
		Choice choice = open(user, scope, "roster");
		Roster roster = this.reports.roster(choice.scope());
		page(model, choice, "roster", roster.freshness(), this.pages.rosterTables(roster, locale),
				List.of(this.pages.rosterChart(roster, locale)));
		return "reports/report";
	}

	@GetMapping({ "/reports/{scope}/roster.csv", "/reports/{scope}/roster.pdf" })
	ResponseEntity<byte[]> rosterExport(@AuthenticationPrincipal PorticoUser user, @PathVariable String scope,
			jakarta.servlet.http.HttpServletRequest request, Locale locale) {
		Choice choice = open(user, scope, "roster");
		Roster roster = this.reports.roster(choice.scope());
		return export(request, choice, "roster", roster.freshness(), this.pages.rosterTables(roster, locale), locale);
	}

	@GetMapping("/reports/{scope}/claims")
	String claims(@AuthenticationPrincipal PorticoUser user, @PathVariable String scope, Model model, Locale locale) {
		Choice choice = open(user, scope, "claims");
		ClaimsSummary summary = this.reports.claims(choice.scope());
		page(model, choice, "claims", summary.freshness(), this.pages.claimsTables(summary, locale),
				List.of(this.pages.claimsChart(summary, locale)));
		return "reports/report";
	}

	@GetMapping({ "/reports/{scope}/claims.csv", "/reports/{scope}/claims.pdf" })
	ResponseEntity<byte[]> claimsExport(@AuthenticationPrincipal PorticoUser user, @PathVariable String scope,
			jakarta.servlet.http.HttpServletRequest request, Locale locale) {
		Choice choice = open(user, scope, "claims");
		ClaimsSummary summary = this.reports.claims(choice.scope());
		return export(request, choice, "claims", summary.freshness(), this.pages.claimsTables(summary, locale), locale);
	}

	@GetMapping("/reports/{scope}/authorizations")
	String authorizations(@AuthenticationPrincipal PorticoUser user, @PathVariable String scope, Model model,
			Locale locale) {
		Choice choice = open(user, scope, "authorizations");
		Reports.RequestSummary summary = this.reports.authorizations(choice.scope());
		page(model, choice, "authorizations", summary.freshness(), this.pages.authorizationTables(summary, locale),
				List.of(this.pages.authorizationChart(summary, locale)));
		return "reports/report";
	}

	@GetMapping({ "/reports/{scope}/authorizations.csv", "/reports/{scope}/authorizations.pdf" })
	ResponseEntity<byte[]> authorizationsExport(@AuthenticationPrincipal PorticoUser user, @PathVariable String scope,
			jakarta.servlet.http.HttpServletRequest request, Locale locale) {
		Choice choice = open(user, scope, "authorizations");
		Reports.RequestSummary summary = this.reports.authorizations(choice.scope());
		return export(request, choice, "authorizations", summary.freshness(),
				this.pages.authorizationTables(summary, locale), locale);
	}

	@GetMapping("/reports/{scope}/quality")
	String quality(@AuthenticationPrincipal PorticoUser user, @PathVariable String scope,
			@RequestParam(defaultValue = "hba1c-testing") String measure, Model model, Locale locale) {
		Choice choice = open(user, scope, "quality");
		CareGapMeasure m = measure(measure);
		Quality quality = this.reports.quality(choice);
		List<TrendPoint> trend = this.reports.trend(choice, m);
		page(model, choice, "quality", quality.freshness(), this.pages.qualityTables(quality, trend, m, locale),
				List.of(this.pages.measuresChart(quality, locale), this.pages.trendChart(trend, m, locale)));
		model.addAttribute("measure", m);
		model.addAttribute("measures", CareGapMeasure.values());
		model.addAttribute("registries", Registry.values());
		model.addAttribute("openGaps", this.reports.openGaps(choice, m));
		return "reports/report";
	}

	@GetMapping({ "/reports/{scope}/quality.csv", "/reports/{scope}/quality.pdf" })
	ResponseEntity<byte[]> qualityExport(@AuthenticationPrincipal PorticoUser user, @PathVariable String scope,
			@RequestParam(defaultValue = "hba1c-testing") String measure,
			jakarta.servlet.http.HttpServletRequest request, Locale locale) {
		Choice choice = open(user, scope, "quality");
		CareGapMeasure m = measure(measure);
		Quality quality = this.reports.quality(choice);
		return export(request, choice, "quality", quality.freshness(),
				this.pages.qualityTables(quality, this.reports.trend(choice, m), m, locale), locale);
	}

	/**
	 * The members of one PCP's panel with the gap open: each shown is audited as viewed.
	 */
	@GetMapping("/reports/{scope}/quality/{measure}/open/{pcp}")
	String openGap(@AuthenticationPrincipal PorticoUser user, @PathVariable String scope, @PathVariable String measure,
			@PathVariable String pcp, Model model) {
		Choice choice = open(user, scope, "care gap members");
		CareGapMeasure m = measure(measure);
		Npi npi = Npi.isValid(pcp) ? Npi.parse(pcp) : null;
		if (npi == null || !choice.npis().contains(npi)) {
			this.audit.record(new AuditEvent(user.getUsername(), "member.view", null, null, AuditOutcome.DENIED,
					"care gap members of " + (npi != null ? "NPI " + npi.value() : "no NPI") + " outside report "
							+ choice.scope().slug()));
			throw new ResponseStatusException(HttpStatus.NOT_FOUND);
		}
		List<MemberSummary> members = this.reports.membersWithOpenGap(npi, m);
		List<AuditEvent> viewed = new ArrayList<>();
		for (MemberSummary member : members) {
			viewed.add(new AuditEvent(user.getUsername(), "member.view", "member", member.id().toString(),
					AuditOutcome.SUCCESS, "open care gap " + m.name() + " of PCP " + npi.value()));
		}
		if (viewed.isEmpty()) {
			this.audit.record(new AuditEvent(user.getUsername(), "report.view", "report", choice.scope().slug(),
					AuditOutcome.SUCCESS, "care gap members " + m.name() + " of PCP " + npi.value() + ": none"));
		}
		else {
			this.audit.recordAll(viewed);
		}
		model.addAttribute("choice", choice);
		model.addAttribute("measure", m);
		model.addAttribute("pcp", npi.value());
		model.addAttribute("members", members);
		return "reports/open-gap";
	}

	private static CareGapMeasure measure(String slug) {
		CareGapMeasure m = CareGapMeasure.fromSlug(slug);
		if (m == null) {
			throw new ResponseStatusException(HttpStatus.NOT_FOUND);
		}
		return m;
	}

	private Choice open(PorticoUser user, String slug, String report) {
		Choice choice = ReportScope.fromSlug(slug)
			.flatMap((s) -> (user.accountId() != null) ? this.reports.open(user.accountId(), s)
					: java.util.Optional.empty())
			.orElse(null);
		if (choice == null) {
			this.audit.record(new AuditEvent(user.getUsername(), "report.view", "report",
					slug.length() > 40 ? slug.substring(0, 40) : slug, AuditOutcome.DENIED,
					report + ": no reports function for the scope"));
			throw new ResponseStatusException(HttpStatus.NOT_FOUND);
		}
		this.audit.record(new AuditEvent(user.getUsername(), "report.view", "report", choice.scope().slug(),
				AuditOutcome.SUCCESS, report));
		return choice;
	}

	private void page(Model model, Choice choice, String report, Freshness freshness, List<DataTable> tables,
			List<Chart> charts) {
		model.addAttribute("choice", choice);
		model.addAttribute("report", report);
		model.addAttribute("fresh", FRESH.format(freshness.computedAt().atZone(ZoneId.systemDefault())));
		model.addAttribute("asOf", freshness.asOf());
		model.addAttribute("tables", tables);
		model.addAttribute("charts", charts);
	}

	private ResponseEntity<byte[]> export(jakarta.servlet.http.HttpServletRequest request, Choice choice, String report,
			Freshness freshness, List<DataTable> tables, Locale locale) {
		String name = report + "-" + choice.scope().slug() + "-" + freshness.asOf();
		String title = this.pages.word(locale, "reports." + report + ".title") + " · " + choice.name();
		List<String> facts = List.of(this.pages.word(locale, "reports.report-for"), choice.name(),
				this.pages.word(locale, "reports.as-of"), freshness.asOf().toString(),
				this.pages.word(locale, "reports.computed"),
				FRESH.format(freshness.computedAt().atZone(ZoneId.systemDefault())));
		if (request.getRequestURI().endsWith(".pdf")) {
			return this.exports.pdf(name, title, facts, tables, locale);
		}
		return this.exports.csv(name, facts, tables);
	}

}
