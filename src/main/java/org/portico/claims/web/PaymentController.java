package org.portico.claims.web;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import jakarta.servlet.http.HttpServletResponse;

import org.portico.access.AccessApi;
import org.portico.access.ProviderFunction;
import org.portico.audit.AuditEvent;
import org.portico.audit.AuditLog;
import org.portico.claims.PaymentInquiry;
import org.portico.claims.PaymentInquiry.Payment;
import org.portico.claims.PaymentInquiry.PaymentPage;
import org.portico.claims.PaymentInquiry.Remittance;
import org.portico.claims.PaymentNumber;
import org.portico.identity.PorticoUser;
import org.portico.providers.Npi;
import org.portico.providers.ProviderApi;

import org.springframework.http.HttpStatus;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * Payments and remittance: find a check or EFT by its number, or the payments of a span
 * of dates, then read the remittance: the claims it paid, with their amounts and
 * adjustments. Only payments to a payee NPI the user holds claim status access for are
 * found.
 */
@Controller
class PaymentController {

	private final PaymentInquiry inquiry;

	private final AccessApi access;

	private final ProviderApi providers;

	private final AuditLog audit;

	private final Clock clock;

	PaymentController(PaymentInquiry inquiry, AccessApi access, ProviderApi providers, AuditLog audit, Clock clock) {
		this.inquiry = inquiry;
		this.access = access;
		this.providers = providers;
		this.audit = audit;
		this.clock = clock;
	}

	/** The payment search form's fields, as typed. */
	record PaymentForm(String way, String number, String npi, String from, String to, String page) {

		PaymentForm {
			way = "DATES".equals(ClaimWeb.clean(way)) ? "DATES" : "NUMBER";
			number = ClaimWeb.clean(number);
			npi = ClaimWeb.clean(npi);
			from = ClaimWeb.clean(from);
			to = ClaimWeb.clean(to);
			page = ClaimWeb.clean(page);
		}

		String link(int page) {
			UriComponentsBuilder uri = UriComponentsBuilder.fromPath("/claims/payments/search")
				.queryParam("way", this.way)
				.queryParam("npi", this.npi)
				.queryParam("from", this.from)
				.queryParam("to", this.to);
			if (page > 1) {
				uri.queryParam("page", page);
			}
			return uri.encode().build().toUriString();
		}

	}

	@GetMapping("/claims/payments")
	String form(@AuthenticationPrincipal PorticoUser user, @RequestParam(defaultValue = "NUMBER") String way,
			Model model) {
		LocalDate today = LocalDate.now(this.clock);
		return form(user, new PaymentForm(way, "", "", today.minusMonths(3).toString(), today.toString(), ""),
				List.of(), model);
	}

	@GetMapping("/claims/payments/search")
	String search(@AuthenticationPrincipal PorticoUser user, @ModelAttribute PaymentForm form, Model model,
			HttpServletResponse response) {
		List<String> problems = new ArrayList<>();
		if ("NUMBER".equals(form.way())) {
			PaymentNumber number = null;
			try {
				number = PaymentNumber.parse(form.number());
			}
			catch (IllegalArgumentException ex) {
				problems.add("payments.problem.number");
			}
			if (!problems.isEmpty()) {
				response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
				return form(user, form, problems, model);
			}
			Optional<Payment> payment = this.inquiry.find(user, number);
			if (payment.isPresent()) {
				return "redirect:/claims/payments/" + payment.get().number();
			}
			return form(user, form, List.of("payments.no-payment"), model);
		}
		Npi payee = null;
		if (!form.npi().isEmpty()) {
			payee = payee(user, form.npi(), problems);
		}
		ClaimWeb.Dates dates = ClaimWeb.range(form.from(), form.to(), problems);
		if (!problems.isEmpty()) {
			response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
			return form(user, form, problems, model);
		}
		PaymentPage page = this.inquiry.search(user, dates.from(), dates.to(), payee, ClaimWeb.pageNumber(form.page()));
		model.addAttribute("results", page);
		model.addAttribute("previousPage", form.link(page.page() - 1));
		model.addAttribute("nextPage", form.link(page.page() + 1));
		model.addAttribute("names", ClaimWeb
			.names(this.providers.findAll(page.payments().stream().map(Payment::payeeNpi).distinct().toList())));
		return form(user, form, List.of(), model);
	}

	@GetMapping("/claims/payments/{number:[A-Za-z0-9]{1,20}}")
	String remittance(@AuthenticationPrincipal PorticoUser user, @PathVariable String number,
			@RequestParam(defaultValue = "1") String page, Model model) {
		Remittance remittance = this.inquiry.remittance(user, PaymentNumber.parse(number), ClaimWeb.pageNumber(page))
			.orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
		model.addAttribute("remittance", remittance);
		model.addAttribute("payee", this.providers.find(remittance.payment().payeeNpi()).orElse(null));
		return "claims/remittance";
	}

	/**
	 * An NPI to narrow the search to: one the user holds claim status access for. Any
	 * other is refused with the 403 page and audited.
	 */
	private Npi payee(PorticoUser user, String typed, List<String> problems) {
		if (!Npi.isValid(typed)) {
			problems.add("claims.problem.npi");
			return null;
		}
		Npi npi = Npi.parse(typed);
		if (!this.access.may(user.accountId(), ProviderFunction.CLAIM_STATUS, npi)) {
			this.audit.record(AuditEvent.denied(user.getUsername(), "payment.search", "npi", npi.value()));
			throw new AccessDeniedException("No claim status access for " + npi.value());
		}
		return npi;
	}

	private String form(PorticoUser user, PaymentForm form, List<String> problems, Model model) {
		List<Npi> npis = List.copyOf(this.access.npisFor(user.accountId(), ProviderFunction.CLAIM_STATUS));
		model.addAttribute("npis", ClaimWeb.NpiChoice.of(npis, this.providers.findAll(npis)));
		model.addAttribute("form", form);
		model.addAttribute("problems", problems);
		return "claims/payments";
	}

}
