package org.portico.authorizations.web;

import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import jakarta.servlet.http.HttpServletResponse;

import org.portico.authorizations.AuthorizationRequest;
import org.portico.authorizations.Authorizations;
import org.portico.authorizations.Authorizations.Step;
import org.portico.authorizations.Deadlines;
import org.portico.authorizations.DenialReason;
import org.portico.authorizations.RequestKind;
import org.portico.identity.PorticoUser;

import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The clinical reviewer's queues, soonest due first, and the steps of a review: take, ask
 * for information, approve fully or partly, deny with a reason. The behavioral health
 * queue is the same queue holding only behavioral health requests.
 */
@Controller
class ReviewController {

	static final String BEHAVIORAL_HEALTH = "behavioral-health";

	private final Authorizations authorizations;

	private final RequestPage page;

	private final Deadlines deadlines;

	private final Offices offices;

	ReviewController(Authorizations authorizations, RequestPage page, Deadlines deadlines, Offices offices) {
		this.authorizations = authorizations;
		this.page = page;
		this.deadlines = deadlines;
		this.offices = offices;
	}

	/** A queued request and how its due time stands. */
	record Queued(AuthorizationRequest request, Deadlines.Urgency urgency) {
	}

	@GetMapping("/staff/reviews")
	String queue(@AuthenticationPrincipal PorticoUser reviewer, @RequestParam(defaultValue = "") String queue,
			Model model) {
		boolean bh = BEHAVIORAL_HEALTH.equals(queue);
		Set<RequestKind> kinds = bh ? EnumSet.of(RequestKind.BEHAVIORAL_HEALTH) : EnumSet.allOf(RequestKind.class);
		Instant now = Instant.now();
		List<Queued> open = this.authorizations.queue(reviewer, kinds)
			.stream()
			.map((r) -> new Queued(r, this.deadlines.urgency(r.dueAt(), now)))
			.toList();
		model.addAttribute("queue", open);
		model.addAttribute("bh", bh);
		model.addAttribute("deadlines", this.deadlines);
		model.addAttribute("overdue", open.stream().filter((q) -> q.urgency() == Deadlines.Urgency.OVERDUE).count());
		model.addAttribute("atRisk", open.stream().filter((q) -> q.urgency() == Deadlines.Urgency.AT_RISK).count());
		return "authorizations/review-queue";
	}

	@GetMapping("/staff/reviews/{trackingNumber}")
	String review(@AuthenticationPrincipal PorticoUser reviewer, @PathVariable String trackingNumber, Model model) {
		AuthorizationRequest request = read(reviewer, trackingNumber);
		return review(request, null, model);
	}

	private String review(AuthorizationRequest request, String problem, Model model) {
		this.page.describe(request, model, "/staff/reviews");
		model.addAttribute("reasons", DenialReason.values());
		model.addAttribute("problem", problem);
		return "authorizations/review";
	}

	@PostMapping("/staff/reviews/{trackingNumber}/take")
	String take(@AuthenticationPrincipal PorticoUser reviewer, @PathVariable String trackingNumber, Model model,
			RedirectAttributes redirect, HttpServletResponse response) {
		return after(reviewer, trackingNumber, this.authorizations.take(reviewer, trackingNumber), "review.done.take",
				model, redirect, response);
	}

	@PostMapping("/staff/reviews/{trackingNumber}/information")
	String information(@AuthenticationPrincipal PorticoUser reviewer, @PathVariable String trackingNumber,
			@RequestParam(defaultValue = "") String whatIsNeeded, Model model, RedirectAttributes redirect,
			HttpServletResponse response) {
		return after(reviewer, trackingNumber,
				this.authorizations.requestInformation(reviewer, trackingNumber, whatIsNeeded),
				"review.done.information", model, redirect, response);
	}

	@PostMapping("/staff/reviews/{trackingNumber}/approve")
	String approve(@AuthenticationPrincipal PorticoUser reviewer, @PathVariable String trackingNumber,
			@RequestParam(defaultValue = "") String units, @RequestParam(defaultValue = "") String from,
			@RequestParam(defaultValue = "") String to, Model model, RedirectAttributes redirect,
			HttpServletResponse response) {
		int approved;
		LocalDate first;
		LocalDate last;
		try {
			approved = Integer.parseInt(units.strip());
			first = LocalDate.parse(from.strip());
			last = LocalDate.parse(to.strip());
		}
		catch (NumberFormatException | DateTimeParseException ex) {
			return after(reviewer, trackingNumber, new Step.Refused("authorizations.review.problem.approval"), null,
					model, redirect, response);
		}
		return after(reviewer, trackingNumber,
				this.authorizations.approve(reviewer, trackingNumber, approved, first, last), "review.done.approve",
				model, redirect, response);
	}

	@PostMapping("/staff/reviews/{trackingNumber}/deny")
	String deny(@AuthenticationPrincipal PorticoUser reviewer, @PathVariable String trackingNumber,
			@RequestParam(defaultValue = "") String reason, @RequestParam(defaultValue = "") String explanation,
			Model model, RedirectAttributes redirect, HttpServletResponse response) {
		DenialReason chosen = null;
		for (DenialReason r : DenialReason.values()) {
			if (r.name().equals(reason)) {
				chosen = r;
			}
		}
		return after(reviewer, trackingNumber, this.authorizations.deny(reviewer, trackingNumber, chosen, explanation),
				"review.done.deny", model, redirect, response);
	}

	private String after(PorticoUser reviewer, String trackingNumber, Step step, String doneKey, Model model,
			RedirectAttributes redirect, HttpServletResponse response) {
		if (step instanceof Step.Done done) {
			redirect.addFlashAttribute("done", doneKey);
			return "redirect:/staff/reviews/" + done.request().trackingNumber();
		}
		AuthorizationRequest request = read(reviewer, trackingNumber);
		response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
		return review(request, ((Step.Refused) step).messageKey(), model);
	}

	private AuthorizationRequest read(PorticoUser reviewer, String trackingNumber) {
		return this.authorizations.find(reviewer, trackingNumber)
			.orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
	}

}
