package org.portico.authorizations.web;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import jakarta.servlet.http.HttpServletResponse;

import org.portico.access.ProviderFunction;
import org.portico.authorizations.Authorizations;
import org.portico.authorizations.Deadlines;
import org.portico.authorizations.Diagnoses;
import org.portico.authorizations.Problem;
import org.portico.authorizations.Referral;
import org.portico.authorizations.Referrals;
import org.portico.authorizations.Referrals.Outcome;
import org.portico.authorizations.Referrals.ReferralForm;
import org.portico.authorizations.RequestStatus;
import org.portico.identity.PorticoUser;
import org.portico.members.MemberId;
import org.portico.providers.Npi;
import org.portico.providers.ProviderApi;

import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * Referral submission, decided at once, and referral inquiry.
 */
@Controller
class ReferralController {

	private final Referrals referrals;

	private final Offices offices;

	private final ProviderApi providers;

	private final Deadlines deadlines;

	ReferralController(Referrals referrals, Offices offices, ProviderApi providers, Deadlines deadlines) {
		this.referrals = referrals;
		this.offices = offices;
		this.providers = providers;
		this.deadlines = deadlines;
	}

	@GetMapping("/referrals/new")
	String form(@AuthenticationPrincipal PorticoUser user, @RequestParam(defaultValue = "") String npi, Model model) {
		return form(user, ReferralForm.empty(npi), List.of(), model);
	}

	@PostMapping("/referrals/new")
	String submit(@AuthenticationPrincipal PorticoUser user, @ModelAttribute ReferralForm form, Model model,
			HttpServletResponse response) {
		Outcome outcome = this.referrals.submit(user, form);
		if (outcome instanceof Outcome.Invalid invalid) {
			response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
			return form(user, form, invalid.problems(), model);
		}
		return "redirect:/referrals/requests/" + ((Outcome.Submitted) outcome).request().trackingNumber()
				+ "?submitted";
	}

	private String form(PorticoUser user, ReferralForm form, List<Problem> problems, Model model) {
		model.addAttribute("form", form);
		model.addAttribute("problems", problems);
		model.addAttribute("npis", this.offices.choices(user, ProviderFunction.REFERRALS_AUTHORIZATIONS));
		model.addAttribute("specialties", this.providers.specialties());
		model.addAttribute("diagnoses", Diagnoses.listed());
		return "authorizations/referral-new";
	}

	/** The inquiry's fields as typed. */
	record InquiryForm(String member, String npi, String status, String from, String to, String q) {
	}

	@GetMapping("/referrals/inquiry")
	String inquiry(@AuthenticationPrincipal PorticoUser user, @ModelAttribute InquiryForm form,
			@RequestParam(required = false) String search,
			@RequestHeader(name = "HX-Request", required = false) String htmx, Model model,
			HttpServletResponse response) {
		model.addAttribute("form", form);
		model.addAttribute("npis", this.offices.choices(user, ProviderFunction.REFERRALS_AUTHORIZATIONS));
		model.addAttribute("statuses", RequestStatus.values());
		model.addAttribute("deadlines", this.deadlines);
		List<String> problems = new ArrayList<>();
		if (search != null) {
			Authorizations.RequestSearch criteria = criteria(form, problems);
			if (problems.isEmpty()) {
				List<Referral> found = this.referrals.search(user, criteria);
				model.addAttribute("results", found);
				model.addAttribute("names", this.offices.names(found.stream()
					.flatMap((r) -> java.util.stream.Stream.of(r.request().requestingNpi(), r.request().servicingNpi()))
					.toList()));
				model.addAttribute("members",
						this.offices.memberNames(found.stream().map((r) -> r.request().member()).toList()));
			}
			else {
				response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
			}
		}
		model.addAttribute("problems", problems);
		return (htmx != null && problems.isEmpty()) ? "authorizations/referral-inquiry :: results"
				: "authorizations/referral-inquiry";
	}

	private static Authorizations.RequestSearch criteria(InquiryForm form, List<String> problems) {
		MemberId member = null;
		Npi npi = null;
		String tracking = null;
		if (notBlank(form.member())) {
			try {
				member = MemberId.parse(form.member());
			}
			catch (IllegalArgumentException ex) {
				problems.add("referral.inquiry.problem.member");
			}
		}
		if (notBlank(form.npi())) {
			if (Npi.isValid(form.npi())) {
				npi = Npi.parse(form.npi());
			}
			else {
				problems.add("referral.inquiry.problem.npi");
			}
		}
		RequestStatus status = null;
		if (notBlank(form.status())) {
			try {
				status = RequestStatus.valueOf(form.status().strip());
			}
			catch (IllegalArgumentException ex) {
				problems.add("referral.inquiry.problem.status");
			}
		}
		LocalDate from = date(form.from(), "referral.inquiry.problem.from", problems);
		LocalDate to = date(form.to(), "referral.inquiry.problem.to", problems);
		if (from != null && to != null && to.isBefore(from)) {
			problems.add("referral.inquiry.problem.dates");
		}
		if (notBlank(form.q())) {
			// Free-form: a tracking number, a member ID or an NPI, each recognized by its
			// shape.
			for (String word : form.q().strip().split("\\s+")) {
				String upper = word.toUpperCase(Locale.ROOT);
				if (upper.matches("REF-?[0-9]{1,8}")) {
					tracking = "REF-" + String.format("%08d", Long.parseLong(upper.replaceAll("[^0-9]", "")));
				}
				else if (Npi.isValid(word) && npi == null) {
					npi = Npi.parse(word);
				}
				else if (member == null && isMemberId(word)) {
					member = MemberId.parse(word);
				}
				else if (status == null && statusWord(upper) != null) {
					status = statusWord(upper);
				}
				else {
					problems.add("referral.inquiry.problem.q");
					break;
				}
			}
		}
		return new Authorizations.RequestSearch(Set.of(), member, npi, status, from, to, tracking);
	}

	private static RequestStatus statusWord(String upper) {
		for (RequestStatus s : EnumSet.allOf(RequestStatus.class)) {
			if (s.name().equals(upper) || s.name().replace("_", "").equals(upper.replace("-", ""))) {
				return s;
			}
		}
		return null;
	}

	private static boolean isMemberId(String word) {
		try {
			MemberId.parse(word);
			return true;
		}
		catch (IllegalArgumentException ex) {
			return false;
		}
	}

	private static LocalDate date(String typed, String key, List<String> problems) {
		if (!notBlank(typed)) {
			return null;
		}
		try {
			return LocalDate.parse(typed.strip());
		}
		catch (DateTimeParseException ex) {
			problems.add(key);
			return null;
		}
	}

	private static boolean notBlank(String s) {
		return s != null && !s.isBlank();
	}

}
