package org.portico.members.web;

import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;

import org.portico.access.AccessApi;
import org.portico.access.ProviderFunction;
import org.portico.audit.AuditEvent;
import org.portico.audit.AuditLog;
import org.portico.audit.AuditOutcome;
import org.portico.identity.PorticoUser;
import org.portico.members.Eligibility;
import org.portico.members.EligibilityReport;
import org.portico.members.MemberId;
import org.portico.members.MemberSearch;
import org.portico.members.PcpChanges;
import org.portico.members.MemberSearch.Match;
import org.portico.providers.Npi;
import org.portico.providers.ProviderApi;
import org.portico.providers.ProviderSummary;

import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;

/**
 * Eligibility & Benefits: find a member by an exact identifying match, acting for one of
 * the user's NPIs, then read their report. Every search and every view is audited; a
 * member not found by this session's own search is "not found".
 */
@Controller
class EligibilityController {

	private final MemberSearch search;

	private final Eligibility eligibility;

	private final AccessApi access;

	private final ProviderApi providers;

	private final AuditLog audit;

	private final PcpChanges pcpChanges;

	private final FoundMembers found;

	private final EligibilityPdf pdfs;

	private final Clock clock;

	private final ActingFor actingFor;

	EligibilityController(MemberSearch search, Eligibility eligibility, AccessApi access, ProviderApi providers,
			AuditLog audit, PcpChanges pcpChanges, FoundMembers found, EligibilityPdf pdfs, Clock clock,
			ActingFor actingFor) {
		this.actingFor = actingFor;
		this.pdfs = pdfs;
		this.found = found;
		this.pcpChanges = pcpChanges;
		this.search = search;
		this.eligibility = eligibility;
		this.access = access;
		this.providers = providers;
		this.audit = audit;
		this.clock = clock;
	}

	/** The search form's fields, as typed. */
	record SearchForm(String npi, String way, String firstName, String lastName, String birthDate, String memberId,
			String subscriberId, String dateOfService) {

		private static final List<String> WAYS = List.of("NAME", "ID", "SUBSCRIBER");

		SearchForm {
			npi = clean(npi);
			way = WAYS.contains(clean(way)) ? clean(way) : "NAME";
			firstName = clean(firstName);
			lastName = clean(lastName);
			birthDate = clean(birthDate);
			memberId = clean(memberId);
			subscriberId = clean(subscriberId);
			dateOfService = clean(dateOfService);
		}

		private static String clean(String value) {
			return (value == null) ? "" : value.strip();
		}

	}

	@GetMapping("/eligibility")
	String form(@AuthenticationPrincipal PorticoUser user, @RequestParam(defaultValue = "NAME") String way,
			Model model) {
		return form(user, new SearchForm("", way, "", "", "", "", "", ""), List.of(), model);
	}

	@GetMapping("/eligibility/search")
	String search(@AuthenticationPrincipal PorticoUser user, @ModelAttribute SearchForm form, HttpSession session,
			Model model, HttpServletResponse response) {
		List<String> problems = new ArrayList<>();
		Npi npi = actingFor(user, form.npi(), problems);
		LocalDate today = LocalDate.now(this.clock);
		LocalDate dateOfService = form.dateOfService().isEmpty() ? today
				: date(form.dateOfService(), "eligibility.problem.date-of-service", problems);
		List<Match> matches = List.of();
		if ("ID".equals(form.way())) {
			MemberId id = memberId(form.memberId(), problems);
			if (problems.isEmpty()) {
				matches = this.search.byMemberId(id);
			}
		}
		else if ("SUBSCRIBER".equals(form.way())) {
			String subscriber = form.subscriberId().replaceAll("[\\s-]", "");
			if (!subscriber.matches("[0-9]{9}")) {
				problems.add("eligibility.problem.subscriber-id");
			}
			if (problems.isEmpty()) {
				matches = this.search.bySubscriber(subscriber);
			}
		}
		else {
			if (form.firstName().isEmpty() || form.firstName().length() > 60) {
				problems.add("eligibility.problem.first-name");
			}
			if (form.lastName().isEmpty() || form.lastName().length() > 60) {
				problems.add("eligibility.problem.last-name");
			}
			LocalDate birth = date(form.birthDate(), "eligibility.problem.birth-date", problems);
			if (birth != null && birth.isAfter(today)) {
				problems.add("eligibility.problem.birth-date-future");
			}
			if (problems.isEmpty()) {
				matches = this.search.byNameAndBirthDate(form.firstName(), form.lastName(), birth);
			}
		}
		if (!problems.isEmpty()) {
			response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
			return form(user, form, problems, model);
		}
		this.audit.record(new AuditEvent(user.getUsername(), "member.search", "npi", npi.value(), AuditOutcome.SUCCESS,
				"by " + form.way().toLowerCase() + ", " + matches.size() + " found"));
		if (matches.isEmpty()) {
			return form(user, form, List.of("eligibility.no-match"), model);
		}
		if ("NAME".equals(form.way()) && matches.size() > 1) {
			return form(user, form, List.of("eligibility.ambiguous"), model);
		}
		this.found.remember(session, user.accountId(), matches.stream().map(Match::id).toList());
		if (matches.size() == 1) {
			return "redirect:" + reportLink(matches.get(0).id(), npi, dateOfService);
		}
		model.addAttribute("family", matches);
		model.addAttribute("npi", npi.value());
		model.addAttribute("dateOfService", dateOfService);
		return "members/family";
	}

	@GetMapping("/eligibility/members/{memberId}")
	String report(@AuthenticationPrincipal PorticoUser user, @PathVariable String memberId,
			@RequestParam(defaultValue = "") String npi, @RequestParam(defaultValue = "") String dos,
			HttpSession session, Model model) {
		Viewed viewed = view(user, memberId, npi, dos, session, "page");
		EligibilityReport report = viewed.report();
		Npi actingFor = viewed.actingFor();
		MemberId id = report.id();
		model.addAttribute("report", report);
		model.addAttribute("npi", actingFor.value());
		boolean pcpChanges = report.coverage().map(EligibilityReport.Coverage::pcpRequired).orElse(false)
				&& this.access.may(user.accountId(), ProviderFunction.PCP_CHANGES, actingFor);
		model.addAttribute("pcpChanges", pcpChanges);
		if (pcpChanges) {
			model.addAttribute("pendingPcpChange", this.pcpChanges.pending(id).orElse(null));
			model.addAttribute("pcpChangeDate", this.pcpChanges.nextEffectiveDate());
		}
		model.addAttribute("carePlans", report.coverage().map(EligibilityReport.Coverage::carePlans).orElse(false)
				&& this.access.may(user.accountId(), ProviderFunction.CARE_PLANS, actingFor));
		Map<String, String> names = providerNames(report, actingFor);
		model.addAttribute("provider", names.get(actingFor.value()));
		model.addAttribute("pcpNames", names);
		return "members/report";
	}

	/** The same report as a PDF, to file or send. */
	@GetMapping(path = "/eligibility/members/{memberId}/report.pdf")
	ResponseEntity<byte[]> pdf(@AuthenticationPrincipal PorticoUser user, @PathVariable String memberId,
			@RequestParam(defaultValue = "") String npi, @RequestParam(defaultValue = "") String dos,
			HttpSession session, Locale locale) {
		Viewed viewed = view(user, memberId, npi, dos, session, "PDF");
		Map<String, String> names = providerNames(viewed.report(), viewed.actingFor());
		String provider = names.get(viewed.actingFor().value());
		String actingFor = ((provider != null) ? provider + " " : "") + "(NPI " + viewed.actingFor().value() + ")";
		byte[] pdf = this.pdfs.render(viewed.report(), actingFor, names, locale);
		return ResponseEntity.ok()
			.contentType(MediaType.APPLICATION_PDF)
			.header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
				.filename("eligibility-" + viewed.report().id() + "-" + viewed.report().dateOfService() + ".pdf")
				.build()
				.toString())
			.header(HttpHeaders.CACHE_CONTROL, "no-store")
			.body(pdf);
	}

	private record Viewed(EligibilityReport report, Npi actingFor) {
	}

	/**
	 * A member's report for the NPI the user acts for, when they may see it, audited as
	 * viewed.
	 */
	private Viewed view(PorticoUser user, String memberId, String npi, String dos, HttpSession session, String as) {
		List<String> problems = new ArrayList<>();
		Npi actingFor = actingFor(user, npi, problems);
		LocalDate dateOfService = dos.isBlank() ? LocalDate.now(this.clock) : date(dos, "", problems);
		if (!problems.isEmpty()) {
			throw new ResponseStatusException(HttpStatus.BAD_REQUEST);
		}
		MemberId id = this.found.require(session, user, memberId, "member.view");
		EligibilityReport report = this.eligibility.report(id, dateOfService)
			.orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
		this.audit
			.record(new AuditEvent(user.getUsername(), "member.view", "member", id.toString(), AuditOutcome.SUCCESS,
					"eligibility (" + as + ") for NPI " + actingFor.value() + " on " + dateOfService));
		return new Viewed(report, actingFor);
	}

	/**
	 * The names of the provider acted for and of the member's PCPs, by NPI: one lookup
	 * for both.
	 */
	private Map<String, String> providerNames(EligibilityReport report, Npi actingFor) {
		List<Npi> npis = Stream
			.concat(Stream.of(actingFor), report.pcpHistory().stream().map((p) -> new Npi(p.pcpNpi())))
			.distinct()
			.toList();
		return this.providers.findAll(npis)
			.stream()
			.collect(Collectors.toMap((p) -> p.npi().value(), ProviderSummary::name, (a, b) -> a));
	}

	static String reportLink(MemberId id, Npi npi, LocalDate dateOfService) {
		return "/eligibility/members/" + id + "?npi=" + npi.value() + "&dos=" + dateOfService;
	}

	private Npi actingFor(PorticoUser user, String typed, List<String> problems) {
		return this.actingFor.require(user, typed, "member.search", problems);
	}

	private static MemberId memberId(String typed, List<String> problems) {
		try {
			return MemberId.parse(typed);
		}
		catch (IllegalArgumentException ex) {
			problems.add("eligibility.problem.member-id");
			return null;
		}
	}

	private static LocalDate date(String typed, String problem, List<String> problems) {
		try {
			return LocalDate.parse(typed);
		}
		catch (DateTimeParseException ex) {
			problems.add(problem);
			return null;
		}
	}

	private String form(PorticoUser user, SearchForm form, List<String> problems, Model model) {
		model.addAttribute("npis", this.actingFor.choices(user));
		model.addAttribute("form", form);
		model.addAttribute("problems", problems);
		return "members/search";
	}

}
