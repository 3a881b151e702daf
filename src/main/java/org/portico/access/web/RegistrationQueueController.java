package org.portico.access.web;

import java.util.List;

import jakarta.servlet.http.HttpServletResponse;

import org.portico.access.RegistrationReviews;
import org.portico.access.RegistrationReviews.Decision;
import org.portico.access.RegistrationReviews.Review;

import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Provider Services' queue of registration requests that could not be verified online:
 * the open requests oldest first, one request, and its approval or rejection. Only
 * Provider Services staff reach it (see the security configuration).
 */
@Controller
class RegistrationQueueController {

	private final RegistrationReviews reviews;

	RegistrationQueueController(RegistrationReviews reviews) {
		this.reviews = reviews;
	}

	@GetMapping("/staff/registrations")
	String queue(Model model) {
		model.addAttribute("reviews", this.reviews.queue());
		return "access/registration-queue";
	}

	@GetMapping("/staff/registrations/{id}")
	String review(@PathVariable long id, Model model) {
		return show(find(id), model, "", List.of());
	}

	@PostMapping("/staff/registrations/{id}/approve")
	String approve(@AuthenticationPrincipal UserDetails staff, @PathVariable long id,
			@RequestParam(defaultValue = "false") boolean officeConfirmed, Model model, RedirectAttributes redirect,
			HttpServletResponse response) {
		Review review = find(id);
		return decided(this.reviews.approve(id, staff.getUsername(), officeConfirmed), review, model, redirect,
				response);
	}

	@PostMapping("/staff/registrations/{id}/reject")
	String reject(@AuthenticationPrincipal UserDetails staff, @PathVariable long id,
			@RequestParam(defaultValue = "") String reason, Model model, RedirectAttributes redirect,
			HttpServletResponse response) {
		Review review = find(id);
		Decision decision = this.reviews.reject(id, staff.getUsername(), reason);
		if (decision instanceof Decision.Problems) {
			model.addAttribute("reason", reason);
		}
		return decided(decision, review, model, redirect, response);
	}

	private String decided(Decision decision, Review review, Model model, RedirectAttributes redirect,
			HttpServletResponse response) {
		if (decision instanceof Decision.Problems problems) {
			response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
			return show(review, model, (String) model.getAttribute("reason"), FieldProblem.of(problems.messageKeys()));
		}
		if (decision instanceof Decision.AlreadyDecided) {
			redirect.addFlashAttribute("alreadyDecided", true);
			return "redirect:/staff/registrations/" + review.id();
		}
		redirect.addFlashAttribute("decidedName", review.name());
		if (decision instanceof Decision.Approved approved) {
			redirect.addFlashAttribute("approvedAs", approved.role());
		}
		return "redirect:/staff/registrations";
	}

	private String show(Review review, Model model, String reason, List<FieldProblem> problems) {
		model.addAttribute("review", review);
		model.addAttribute("reason", (reason != null) ? reason : "");
		model.addAttribute("problems", problems);
		return "access/registration-review";
	}

	private Review find(long id) {
		return this.reviews.find(id).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
	}

}
