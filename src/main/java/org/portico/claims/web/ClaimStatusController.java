package org.portico.claims.web;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import jakarta.servlet.http.HttpServletResponse;

import org.portico.access.AccessApi;
import org.portico.access.ProviderFunction;
import org.portico.audit.AuditEvent;
import org.portico.audit.AuditLog;
import org.portico.claims.AdjustmentCases;
import org.portico.claims.AdjustmentType;
import org.portico.claims.ClaimCriteria;
import org.portico.claims.ClaimDetail;
import org.portico.claims.ClaimInquiry;
import org.portico.claims.ClaimNumber;
import org.portico.claims.ClaimPage;
import org.portico.claims.ClaimSort;
import org.portico.claims.ClaimStatus;
import org.portico.claims.FreeFormSearch;
import org.portico.claims.TimelyFiling;
import org.portico.identity.PorticoUser;
import org.portico.members.MemberId;
import org.portico.providers.Npi;
import org.portico.providers.ProviderApi;

import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * Claim status inquiry: find claims by claim number, by member and dates of service, by
 * provider and dates of service, or with the free-form search, then read a claim on the
 * page or as a PDF. Only claims paid to a payee NPI the user holds claim status access
 * for are found; any other is "not found", audited by the claims module.
 */
@Controller
class ClaimStatusController {

	private static final ProviderFunction FUNCTION = ProviderFunction.CLAIM_STATUS;

	private final ClaimInquiry inquiry;

	private final AccessApi access;

	private final ProviderApi providers;

	private final AuditLog audit;

	private final ClaimPdf pdfs;

	private final Clock clock;

	private final AdjustmentCases adjustments;

	private final TimelyFiling timelyFiling;

	ClaimStatusController(ClaimInquiry inquiry, AccessApi access, ProviderApi providers, AuditLog audit, ClaimPdf pdfs,
			Clock clock, AdjustmentCases adjustments, TimelyFiling timelyFiling) {
		this.adjustments = adjustments;
		this.timelyFiling = timelyFiling;
		this.inquiry = inquiry;
		this.access = access;
		this.providers = providers;
		this.audit = audit;
		this.pdfs = pdfs;
		this.clock = clock;
	}

	/** The search form's fields, as typed. */
	record SearchForm(String way, String claimNumber, String memberId, String npi, String q, String status, String from,
			String to, String sort, String dir, String page) {

		static final List<String> WAYS = List.of("NUMBER", "MEMBER", "NPI", "TEXT");

		SearchForm {
			way = WAYS.contains(ClaimWeb.clean(way)) ? ClaimWeb.clean(way) : "NUMBER";
			claimNumber = ClaimWeb.clean(claimNumber);
			memberId = ClaimWeb.clean(memberId);
			npi = ClaimWeb.clean(npi);
			q = ClaimWeb.clean(q);
			status = ClaimWeb.clean(status);
			from = ClaimWeb.clean(from);
			to = ClaimWeb.clean(to);
			sort = ClaimWeb.clean(sort);
			dir = ClaimWeb.clean(dir);
			page = ClaimWeb.clean(page);
		}

		/** The address of this search with another sort and page. */
		String link(ClaimSort sort, int page) {
			UriComponentsBuilder uri = UriComponentsBuilder.fromPath("/claims/search").queryParam("way", this.way);
			switch (this.way) {
				case "NUMBER" -> uri.queryParam("claimNumber", this.claimNumber);
				case "MEMBER" -> uri.queryParam("memberId", this.memberId);
				case "NPI" -> uri.queryParam("npi", this.npi);
				default -> {
					uri.queryParam("q", this.q);
					if (!this.status.isEmpty()) {
						uri.queryParam("status", this.status);
					}
				}
			}
			if (!this.from.isEmpty() || !this.to.isEmpty()) {
				uri.queryParam("from", this.from).queryParam("to", this.to);
			}
			if (!sort.equals(ClaimSort.NEWEST_FIRST)) {
				uri.queryParam("sort", sort.column().param()).queryParam("dir", sort.direction());
			}
			if (page > 1) {
				uri.queryParam("page", page);
			}
			return uri.encode().build().toUriString();
		}

	}

	/** Where the result list's sortable headers and pages lead. */
	record ResultLinks(SearchForm form, ClaimSort sort) {

		public String sortBy(String column) {
			return this.form.link(this.sort.toggled(column(column)), 1);
		}

		public String page(int page) {
			return this.form.link(this.sort, page);
		}

		/** The header's aria-sort: only the column sorted by has one. */
		public String ariaSort(String column) {
			return (this.sort.column() == column(column)) ? (this.sort.ascending() ? "ascending" : "descending") : null;
		}

		/** What a click on the header will do, for the header's hidden hint. */
		public String nextDirection(String column) {
			return this.sort.toggled(column(column)).direction();
		}

		private static ClaimSort.Column column(String column) {
			return ClaimSort.Column.valueOf(column);
		}

	}

	@GetMapping("/claims")
	String form(@AuthenticationPrincipal PorticoUser user, @RequestParam(defaultValue = "NUMBER") String way,
			Model model) {
		LocalDate today = LocalDate.now(this.clock);
		boolean dated = "MEMBER".equals(way) || "NPI".equals(way);
		SearchForm form = new SearchForm(way, "", "", "", "", "", dated ? today.minusYears(1).toString() : "",
				dated ? today.toString() : "", "", "", "");
		return form(user, form, List.of(), model);
	}

	@GetMapping("/claims/search")
	String search(@AuthenticationPrincipal PorticoUser user, @ModelAttribute SearchForm form,
			@RequestHeader(name = "HX-Request", required = false) String htmx, Model model,
			HttpServletResponse response) {
		List<String> problems = new ArrayList<>();
		ClaimCriteria criteria = criteria(user, form, problems);
		if (!problems.isEmpty()) {
			response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
			return form(user, form, problems, model);
		}
		ClaimSort sort = ClaimSort.parse(form.sort(), form.dir());
		ClaimPage page = this.inquiry.search(user, criteria, sort, ClaimWeb.pageNumber(form.page()));
		if ("NUMBER".equals(form.way())) {
			if (page.claims().size() == 1) {
				return "redirect:/claims/" + page.claims().get(0).number();
			}
			return form(user, form, List.of("claims.no-claim"), model);
		}
		model.addAttribute("results", page);
		model.addAttribute("criteria", criteria);
		model.addAttribute("links", new ResultLinks(form, sort));
		model.addAttribute("names", ClaimWeb.names(this.providers
			.findAll(page.claims().stream().flatMap((c) -> Stream.of(c.renderingNpi(), c.billingNpi())).toList())));
		if ("true".equals(htmx)) {
			model.addAttribute("form", form);
			return "claims/search :: results";
		}
		return form(user, form, List.of(), model);
	}

	@GetMapping("/claims/{number:[0-9]{12}}")
	String claim(@AuthenticationPrincipal PorticoUser user, @PathVariable String number, Model model) {
		ClaimDetail claim = this.inquiry.claim(user, new ClaimNumber(number), "page")
			.orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
		model.addAttribute("claim", claim);
		model.addAttribute("names", ClaimWeb.names(this.providers.findAll(npisOf(claim))));
		model.addAttribute("mayAdjust", this.adjustments.mayAdjust(user, claim));
		model.addAttribute("adjustmentTypes", AdjustmentType.values());
		Map<String, String> refusals = new HashMap<>();
		for (AdjustmentType type : AdjustmentType.values()) {
			this.adjustments.refusal(claim, type).ifPresent((why) -> refusals.put(type.name(), why));
		}
		model.addAttribute("refusals", refusals);
		model.addAttribute("timelyFilingDays", this.timelyFiling.days());
		model.addAttribute("adjustmentCases", this.adjustments.casesOfClaim(claim.number()));
		return "claims/claim";
	}

	/** The same claim as a PDF, to file or send. */
	@GetMapping("/claims/{number:[0-9]{12}}/claim.pdf")
	ResponseEntity<byte[]> pdf(@AuthenticationPrincipal PorticoUser user, @PathVariable String number, Locale locale) {
		ClaimDetail claim = this.inquiry.claim(user, new ClaimNumber(number), "PDF")
			.orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
		byte[] pdf = this.pdfs.render(claim, ClaimWeb.names(this.providers.findAll(npisOf(claim))), locale);
		return ResponseEntity.ok()
			.contentType(MediaType.APPLICATION_PDF)
			.header(HttpHeaders.CONTENT_DISPOSITION,
					ContentDisposition.attachment().filename("claim-" + claim.number() + ".pdf").build().toString())
			.header(HttpHeaders.CACHE_CONTROL, "no-store")
			.body(pdf);
	}

	private static List<Npi> npisOf(ClaimDetail claim) {
		Set<Npi> npis = new HashSet<>(List.of(claim.billingNpi(), claim.renderingNpi(), claim.payeeNpi()));
		if (claim.payment() != null) {
			npis.add(claim.payment().payeeNpi());
		}
		return List.copyOf(npis);
	}

	/** The search the form asks for, or null with the problems added. */
	private ClaimCriteria criteria(PorticoUser user, SearchForm form, List<String> problems) {
		switch (form.way()) {
			case "NUMBER" -> {
				try {
					return ClaimCriteria.byNumber(ClaimNumber.parse(form.claimNumber()));
				}
				catch (IllegalArgumentException ex) {
					problems.add("claims.problem.claim-number");
					return null;
				}
			}
			case "MEMBER" -> {
				MemberId member = null;
				try {
					member = MemberId.parse(form.memberId());
				}
				catch (IllegalArgumentException ex) {
					problems.add("claims.problem.member-id");
				}
				ClaimWeb.Dates dates = ClaimWeb.range(form.from(), form.to(), problems);
				return problems.isEmpty() ? ClaimCriteria.byMember(member, dates.from(), dates.to()) : null;
			}
			case "NPI" -> {
				Npi npi = actingFor(user, form.npi(), problems);
				ClaimWeb.Dates dates = ClaimWeb.range(form.from(), form.to(), problems);
				return problems.isEmpty() ? ClaimCriteria.byProvider(npi, dates.from(), dates.to()) : null;
			}
			default -> {
				ClaimWeb.Dates dates = ClaimWeb.optionalRange(form.from(), form.to(), problems);
				Set<ClaimStatus> statuses = Stream.of(ClaimStatus.values())
					.filter((s) -> s.name().equals(form.status()))
					.collect(Collectors.toSet());
				if (!problems.isEmpty()) {
					return null;
				}
				FreeFormSearch.Reading reading = FreeFormSearch.read(form.q(), statuses, dates.from(), dates.to());
				problems.addAll(reading.problems());
				return reading.criteria();
			}
		}
	}

	/**
	 * The NPI whose claims to list: one the user holds claim status access for. Any other
	 * is refused with the 403 page and audited.
	 */
	private Npi actingFor(PorticoUser user, String typed, List<String> problems) {
		if (!Npi.isValid(typed)) {
			problems.add("claims.problem.npi");
			return null;
		}
		Npi npi = Npi.parse(typed);
		if (!this.access.may(user.accountId(), FUNCTION, npi)) {
			this.audit.record(AuditEvent.denied(user.getUsername(), "claim.search", "npi", npi.value()));
			throw new AccessDeniedException("No claim status access for " + npi.value());
		}
		return npi;
	}

	private String form(PorticoUser user, SearchForm form, List<String> problems, Model model) {
		List<Npi> npis = List.copyOf(this.access.npisFor(user.accountId(), FUNCTION));
		model.addAttribute("npis", ClaimWeb.NpiChoice.of(npis, this.providers.findAll(npis)));
		model.addAttribute("statuses", ClaimStatus.values());
		model.addAttribute("form", form);
		model.addAttribute("problems", problems);
		model.addAttribute("longestRange", ClaimInquiry.LONGEST_RANGE_MONTHS);
		return "claims/search";
	}

}
