package org.portico.authorizations.web;

import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import jakarta.servlet.http.HttpServletResponse;

import org.portico.audit.AuditEvent;
import org.portico.audit.AuditLog;
import org.portico.audit.AuditOutcome;
import org.portico.authorizations.ServiceCatalogue;
import org.portico.authorizations.ServiceCatalogue.Check;
import org.portico.authorizations.SmartSheet;
import org.portico.identity.PorticoUser;
import org.portico.members.MemberApi;
import org.portico.members.MemberId;
import org.portico.members.MemberSummary;
import org.portico.providers.Npi;

import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;

/**
 * "Is authorization required?": for a member, a service and a date, acting for one of the
 * user's NPIs. The member's coverage is PHI, so every look-up is audited, a member not
 * found too.
 */
@Controller
class RequiredCheckController {

	private final ServiceCatalogue catalogue;

	private final MemberApi members;

	private final ActingForProvider actingFor;

	private final AuditLog audit;

	private final Clock clock;

	RequiredCheckController(ServiceCatalogue catalogue, MemberApi members, ActingForProvider actingFor, AuditLog audit,
			Clock clock) {
		this.catalogue = catalogue;
		this.members = members;
		this.actingFor = actingFor;
		this.audit = audit;
		this.clock = clock;
	}

	/** The form's fields, as typed. */
	record CheckForm(String npi, String memberId, String service, String date) {

		CheckForm {
			npi = clean(npi);
			memberId = clean(memberId);
			service = clean(service);
			date = clean(date);
		}

		static String clean(String value) {
			return (value == null) ? "" : value.strip();
		}

	}

	@GetMapping("/authorizations/required")
	String form(@AuthenticationPrincipal PorticoUser user, Model model) {
		this.actingFor.requireAny(user, "authorization.required-check");
		return page(user, new CheckForm("", "", "", LocalDate.now(this.clock).toString()), List.of(), model);
	}

	@GetMapping("/authorizations/required/check")
	String check(@AuthenticationPrincipal PorticoUser user, @ModelAttribute CheckForm form, Model model,
			HttpServletResponse response) {
		List<Problem> problems = new ArrayList<>();
		Npi npi = this.actingFor.require(user, form.npi(), "npi", "authorization.required-check", problems);
		MemberId id = null;
		try {
			id = MemberId.parse(form.memberId());
		}
		catch (IllegalArgumentException ex) {
			problems.add(Problem.of("memberId", "prior-auth.problem.member-id"));
		}
		Optional<SmartSheet> service = this.catalogue.service(form.service());
		if (service.isEmpty()) {
			problems.add(Problem.of("service", "prior-auth.problem.service"));
		}
		LocalDate date = null;
		try {
			date = LocalDate.parse(form.date());
		}
		catch (DateTimeParseException ex) {
			problems.add(Problem.of("date", "prior-auth.problem.date"));
		}
		if (!problems.isEmpty()) {
			response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
			return page(user, form, problems, model);
		}
		Optional<MemberSummary> member = this.members.find(id);
		if (member.isEmpty()) {
			this.audit.record(new AuditEvent(user.getUsername(), "authorization.required-check", "member",
					id.toString(), AuditOutcome.FAILURE, "not on file, for NPI " + npi.value()));
			return page(user, form, List.of(Problem.of("memberId", "prior-auth.problem.member-unknown")), model);
		}
		Check check = this.catalogue.check(id, service.get(), date);
		this.audit.record(new AuditEvent(user.getUsername(), "authorization.required-check", "member", id.toString(),
				AuditOutcome.SUCCESS,
				service.get().service() + " on " + date + ": " + check.requirement() + ", for NPI " + npi.value()));
		model.addAttribute("member", member.get());
		model.addAttribute("check", check);
		model.addAttribute("date", date);
		return page(user, form, List.of(), model);
	}

	private String page(PorticoUser user, CheckForm form, List<Problem> problems, Model model) {
		model.addAttribute("form", form);
		model.addAttribute("problems", new Problems(problems));
		model.addAttribute("npis", this.actingFor.choices(user));
		model.addAttribute("services", this.catalogue.services());
		return "authorizations/required";
	}

}
