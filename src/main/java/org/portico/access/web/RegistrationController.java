package org.portico.access.web;

import java.util.List;
import java.util.Optional;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.portico.access.Registration;
import org.portico.access.Registration.Outcome;
import org.portico.access.RegistrationReviews;
import org.portico.access.RegistrationReviews.Sent;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * "Register here": the public registration pages, sending a request that could not be
 * verified online to Provider Services, and the page where a provider approves or rejects
 * a registration made on their behalf.
 */
@Controller
class RegistrationController {

	private final Registration registration;

	private final RegistrationReviews reviews;

	RegistrationController(Registration registration, RegistrationReviews reviews) {
		this.registration = registration;
		this.reviews = reviews;
	}

	@GetMapping("/register")
	String landing() {
		return "access/register-start";
	}

	@GetMapping("/register/new")
	String form(Model model) {
		model.addAttribute("form", Form.EMPTY);
		return "access/register";
	}

	@PostMapping("/register/new")
	String register(@ModelAttribute Form form, HttpServletRequest request, HttpServletResponse response, Model model) {
		Outcome outcome = this.registration.register(form.toRequest(), request.getRemoteAddr());
		model.addAttribute("form", form);
		if (outcome instanceof Outcome.Registered) {
			return "redirect:/login?registered";
		}
		if (outcome instanceof Outcome.AwaitingProvider awaiting) {
			model.addAttribute("providerEmail", awaiting.providerEmail());
			return "access/register-awaiting";
		}
		if (outcome instanceof Outcome.Problems problems) {
			response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
			model.addAttribute("problems", FieldProblem.of(problems.messageKeys()));
		}
		else if (outcome instanceof Outcome.NotVerified notVerified) {
			response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
			if (notVerified.tooManyAttempts()) {
				// Verifying online is over for now: offer to send the request to Provider
				// Services, who verify by phone, with what was typed so far.
				model.addAttribute("offered", true);
				model.addAttribute("form",
						new ReviewForm(form.npi(), form.name(), form.email(), "", form.username(), "", ""));
				return "access/register-review";
			}
			model.addAttribute("problems", FieldProblem.of(List.of("registration.not-verified")));
		}
		else if (outcome instanceof Outcome.SaaExists) {
			response.setStatus(HttpStatus.CONFLICT.value());
			model.addAttribute("saaExists", true);
		}
		return "access/register";
	}

	@GetMapping("/register/review")
	String reviewForm(Model model) {
		model.addAttribute("form", ReviewForm.EMPTY);
		return "access/register-review";
	}

	@PostMapping("/register/review")
	String sendForReview(@ModelAttribute ReviewForm form, HttpServletRequest request, HttpServletResponse response,
			Model model, RedirectAttributes redirect) {
		Sent sent = this.reviews.send(form.toRequest(), request.getRemoteAddr());
		if (sent instanceof Sent.Queued queued) {
			redirect.addFlashAttribute("email", queued.email());
			return "redirect:/register/review/sent";
		}
		response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
		model.addAttribute("form", form);
		model.addAttribute("problems", FieldProblem.of(((Sent.Problems) sent).messageKeys()));
		return "access/register-review";
	}

	@GetMapping("/register/review/sent")
	String sentForReview() {
		return "access/register-review-sent";
	}

	@GetMapping("/register/decide")
	String decision(@RequestParam(defaultValue = "") String token, Model model, HttpServletResponse response) {
		Optional<Registration.PendingDecision> pending = this.registration.pendingDecision(token);
		if (pending.isEmpty()) {
			response.setStatus(HttpStatus.GONE.value());
			return "access/register-decide-unusable";
		}
		model.addAttribute("pending", pending.get());
		model.addAttribute("token", token);
		return "access/register-decide";
	}

	@PostMapping("/register/decide")
	String decide(@RequestParam(defaultValue = "") String token, @RequestParam String decision,
			@RequestParam(defaultValue = "") String confirmation, Model model, HttpServletResponse response) {
		boolean approve = "approve".equals(decision);
		Optional<String> problem = this.registration.decide(token, approve, confirmation);
		if (problem.isEmpty()) {
			model.addAttribute("approved", approve);
			return "access/register-decided";
		}
		if (problem.get().equals("registration.decide.unusable")) {
			response.setStatus(HttpStatus.GONE.value());
			return "access/register-decide-unusable";
		}
		response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
		Optional<Registration.PendingDecision> pending = this.registration.pendingDecision(token);
		if (pending.isEmpty()) {
			response.setStatus(HttpStatus.GONE.value());
			return "access/register-decide-unusable";
		}
		model.addAttribute("pending", pending.get());
		model.addAttribute("token", token);
		model.addAttribute("problem", problem.get());
		return "access/register-decide";
	}

	/** The registration form's fields; passwords are never sent back to the page. */
	record Form(String npi, String identification, String tin, String ssnLastFour, String claim1Number,
			String claim1Date, String claim1Billed, String claim2Number, String claim2Date, String claim2Billed,
			String registeringAs, String providerEmail, String replaceSaa, String name, String email, String username,
			String password, String confirmation) implements ProviderProofFields {

		static final Form EMPTY = new Form("", "TIN", "", "", "", "", "", "", "", "", "PROVIDER", "", "", "", "", "",
				"", "");

		Registration.Request toRequest() {
			return new Registration.Request(proof(), acting(), this.name, this.email, this.username, this.password,
					this.confirmation);
		}

		@Override
		public String toString() {
			return "Form[" + this.npi + "]";
		}

	}

	/**
	 * What a person sends to Provider Services; passwords are never sent back to the
	 * page.
	 */
	record ReviewForm(String npi, String name, String email, String phone, String username, String password,
			String confirmation) {

		static final ReviewForm EMPTY = new ReviewForm("", "", "", "", "", "", "");

		RegistrationReviews.Request toRequest() {
			return new RegistrationReviews.Request(this.npi, this.name, this.email, this.phone, this.username,
					this.password, this.confirmation);
		}

		@Override
		public String toString() {
			return "ReviewForm[" + this.npi + "]";
		}

	}

}
