package org.portico.members.web;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;

import jakarta.servlet.http.HttpSession;

import org.portico.access.AccessApi;
import org.portico.access.ProviderFunction;
import org.portico.audit.AuditEvent;
import org.portico.audit.AuditLog;
import org.portico.audit.AuditOutcome;
import org.portico.identity.PorticoUser;
import org.portico.members.CarePlan;
import org.portico.members.CarePlans;
import org.portico.members.MemberApi;
import org.portico.members.MemberId;
import org.portico.members.MemberSummary;
import org.portico.members.TreatingRelationship;
import org.portico.providers.Npi;
import org.portico.providers.ProviderApi;
import org.portico.providers.ProviderSummary;

import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.ModelAndView;

/**
 * Care plans of Unify members, opened from the member's Eligibility & Benefits report: to
 * users who hold the care plans function for the NPI they act for, for a member their own
 * search found, when that provider treats the member. Every list, view and download is
 * audited as a view of the member, with the documents' numbers.
 */
@Controller
class CarePlanController {

	private static final String VIEW = "member.view";

	private final CarePlans carePlans;

	private final TreatingRelationship treating;

	private final AccessApi access;

	private final AuditLog audit;

	private final FoundMembers found;

	private final MemberApi members;

	private final ProviderApi providers;

	private final CarePlanPdf pdfs;

	CarePlanController(CarePlans carePlans, TreatingRelationship treating, AccessApi access, AuditLog audit,
			FoundMembers found, MemberApi members, ProviderApi providers, CarePlanPdf pdfs) {
		this.carePlans = carePlans;
		this.treating = treating;
		this.access = access;
		this.audit = audit;
		this.found = found;
		this.members = members;
		this.providers = providers;
		this.pdfs = pdfs;
	}

	@GetMapping("/eligibility/members/{memberId}/care-plans")
	String list(@AuthenticationPrincipal PorticoUser user, @PathVariable String memberId,
			@RequestParam(defaultValue = "") String npi, HttpSession session, Model model) {
		Opened opened = open(user, memberId, npi, session);
		List<CarePlan.Summary> plans = this.carePlans.of(opened.member().id());
		record(user, opened, "care plans listed ["
				+ plans.stream().map((p) -> String.valueOf(p.id())).collect(Collectors.joining(", ")) + "]");
		opened.addTo(model);
		model.addAttribute("plans", plans);
		return "members/care-plans";
	}

	@GetMapping("/eligibility/members/{memberId}/care-plans/{planId}")
	String view(@AuthenticationPrincipal PorticoUser user, @PathVariable String memberId, @PathVariable String planId,
			@RequestParam(defaultValue = "") String npi, HttpSession session, Model model) {
		Opened opened = open(user, memberId, npi, session);
		CarePlan plan = plan(user, opened, planId);
		record(user, opened, "care plan " + plan.id() + " (page)");
		opened.addTo(model);
		model.addAttribute("plan", plan);
		model.addAttribute("teamNames", teamNames(plan));
		return "members/care-plan";
	}

	/** The same care plan as a PDF, to file in the member's record. */
	@GetMapping("/eligibility/members/{memberId}/care-plans/{planId}/care-plan.pdf")
	ResponseEntity<byte[]> pdf(@AuthenticationPrincipal PorticoUser user, @PathVariable String memberId,
			@PathVariable String planId, @RequestParam(defaultValue = "") String npi, HttpSession session,
			Locale locale) {
		Opened opened = open(user, memberId, npi, session);
		CarePlan plan = plan(user, opened, planId);
		record(user, opened, "care plan " + plan.id() + " (PDF)");
		byte[] pdf = this.pdfs.render(plan, opened.member(), opened.actingForLabel(), teamNames(plan), locale);
		return ResponseEntity.ok()
			.contentType(MediaType.APPLICATION_PDF)
			.header(HttpHeaders.CONTENT_DISPOSITION,
					ContentDisposition.attachment()
						.filename("care-plan-" + plan.member() + "-" + plan.id() + "-v" + plan.version() + ".pdf")
						.build()
						.toString())
			.header(HttpHeaders.CACHE_CONTROL, "no-store")
			.body(pdf);
	}

	/**
	 * The provider does not treat the member: a page that says who care plans open to,
	 * with the refusal's status.
	 */
	@ExceptionHandler(NotTreating.class)
	ModelAndView notTreating(NotTreating refused) {
		ModelAndView page = new ModelAndView("members/care-plans-closed", HttpStatus.FORBIDDEN);
		page.addObject("member", refused.member());
		page.addObject("npi", refused.actingFor().value());
		page.addObject("provider", refused.provider());
		return page;
	}

	/** Who may see the care plans, and as whom. */
	private record Opened(MemberSummary member, Npi actingFor, ProviderSummary provider,
			TreatingRelationship.Basis basis) {

		String actingForLabel() {
			return ((this.provider != null) ? this.provider.name() + " " : "") + "(NPI " + this.actingFor.value() + ")";
		}

		void addTo(Model model) {
			model.addAttribute("member", this.member);
			model.addAttribute("npi", this.actingFor.value());
			model.addAttribute("provider", this.provider);
			model.addAttribute("basis", this.basis);
		}

	}

	/** Refused because the provider acted for does not treat the member. */
	private static final class NotTreating extends RuntimeException {

		private final transient MemberSummary member;

		private final transient Npi actingFor;

		private final transient ProviderSummary provider;

		NotTreating(MemberSummary member, Npi actingFor, ProviderSummary provider) {
			super(null, null, false, false);
			this.member = member;
			this.actingFor = actingFor;
			this.provider = provider;
		}

		MemberSummary member() {
			return this.member;
		}

		Npi actingFor() {
			return this.actingFor;
		}

		ProviderSummary provider() {
			return this.provider;
		}

	}

	/**
	 * Opens a member's care plans to the user acting for the NPI, or refuses: without the
	 * care plans function for the NPI (403), for a member this user's search did not find
	 * (404), or when the provider does not treat the member. Each refusal is audited.
	 */
	private Opened open(PorticoUser user, String memberId, String npi, HttpSession session) {
		if (!Npi.isValid(npi) || !this.access.may(user.accountId(), ProviderFunction.CARE_PLANS, Npi.parse(npi))) {
			String npiNamed = Npi.isValid(npi) ? "NPI " + Npi.parse(npi).value() : "no NPI";
			boolean named = memberId.matches("[0-9]{9}-[0-9]{2}");
			this.audit.record(new AuditEvent(user.getUsername(), VIEW, named ? "member" : null, named ? memberId : null,
					AuditOutcome.DENIED, "care plans: no care plans function for " + npiNamed));
			throw new AccessDeniedException("No care plans function for " + npiNamed);
		}
		Npi actingFor = Npi.parse(npi);
		MemberId id = this.found.require(session, user, memberId, VIEW);
		MemberSummary member = this.members.find(id)
			.orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
		ProviderSummary provider = this.providers.find(actingFor).orElse(null);
		TreatingRelationship.Basis basis = this.treating.between(actingFor, id).orElse(null);
		if (basis == null) {
			this.audit.record(new AuditEvent(user.getUsername(), VIEW, "member", id.toString(), AuditOutcome.DENIED,
					"care plans: NPI " + actingFor.value() + " is not the PCP and has no claim in the last 12 months"));
			throw new NotTreating(member, actingFor, provider);
		}
		return new Opened(member, actingFor, provider, basis);
	}

	/** The care plan with the number in the address, when it is this member's. */
	private CarePlan plan(PorticoUser user, Opened opened, String planId) {
		MemberId id = opened.member().id();
		CarePlan plan = planId.matches("[0-9]{1,18}") ? this.carePlans.find(id, Long.parseLong(planId)).orElse(null)
				: null;
		if (plan == null) {
			this.audit.record(new AuditEvent(user.getUsername(), VIEW, "member", id.toString(), AuditOutcome.DENIED,
					"care plan not on file for the member"));
			throw new ResponseStatusException(HttpStatus.NOT_FOUND);
		}
		return plan;
	}

	private void record(PorticoUser user, Opened opened, String what) {
		this.audit.record(new AuditEvent(user.getUsername(), VIEW, "member", opened.member().id().toString(),
				AuditOutcome.SUCCESS,
				what + " for NPI " + opened.actingFor().value() + " as " + opened.basis().name().toLowerCase()));
	}

	/** The directory's names of the care team's providers, by NPI. */
	private Map<String, String> teamNames(CarePlan plan) {
		List<Npi> npis = plan.careTeam().stream().map(CarePlan.TeamMember::npi).filter(Objects::nonNull).toList();
		return this.providers.findAll(npis)
			.stream()
			.collect(Collectors.toMap((p) -> p.npi().value(), ProviderSummary::name, (a, b) -> a));
	}

}
