package org.portico.identity.web;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.portico.identity.EmailAddresses;
import org.portico.identity.PorticoUser;

import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Account Services' Email address: asking for a change with the current password, and the
 * emailed link that confirms it. Opening the link shows a button, so mail scanners that
 * follow links cannot use it up.
 */
@Controller
class EmailAddressController {

	/** The field each problem is about, for the error summary's links. */
	private static final Map<String, String> FIELDS = Map.of("email.problem.address", "email", "email.problem.same",
			"email", "email.problem.password", "password", "email.problem.wait", "password");

	private final EmailAddresses addresses;

	EmailAddressController(EmailAddresses addresses) {
		this.addresses = addresses;
	}

	@GetMapping("/self-service/email")
	String form(@AuthenticationPrincipal PorticoUser user, Model model) {
		return form(user, "", List.of(), model);
	}

	@PostMapping("/self-service/email")
	String requestChange(@AuthenticationPrincipal PorticoUser user, @RequestParam(defaultValue = "") String email,
			@RequestParam(defaultValue = "") String password, HttpServletRequest request, Model model,
			RedirectAttributes redirect, HttpServletResponse response) {
		List<String> problems = this.addresses.requestChange(user.accountId(), email, password,
				request.getRemoteAddr());
		if (!problems.isEmpty()) {
			response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
			return form(user, email.strip(), problems, model);
		}
		redirect.addFlashAttribute("sent", email.strip());
		return "redirect:/self-service/email";
	}

	@GetMapping("/confirm-email")
	String confirmation(@RequestParam(defaultValue = "") String token, Model model, HttpServletResponse response) {
		Optional<String> address = this.addresses.pendingAddress(token);
		if (address.isEmpty()) {
			response.setStatus(HttpStatus.GONE.value());
			return "identity/email-link-unusable";
		}
		model.addAttribute("token", token);
		model.addAttribute("address", address.get());
		return "identity/email-confirm";
	}

	@PostMapping("/confirm-email")
	String confirm(@RequestParam(defaultValue = "") String token, Model model, HttpServletResponse response) {
		Optional<String> address = this.addresses.pendingAddress(token);
		if (address.isEmpty() || !this.addresses.confirmChange(token)) {
			response.setStatus(HttpStatus.GONE.value());
			return "identity/email-link-unusable";
		}
		model.addAttribute("address", address.get());
		return "identity/email-confirmed";
	}

	private String form(PorticoUser user, String email, List<String> problems, Model model) {
		model.addAttribute("current", this.addresses.current(user.accountId()));
		model.addAttribute("email", email);
		model.addAttribute("problems", problems.stream().map((p) -> new Problem(p, FIELDS.get(p))).toList());
		model.addAttribute("invalid", problems.stream().map(FIELDS::get).toList());
		return "identity/email";
	}

	/** A problem for the error summary, with the id of the field it is about, if any. */
	record Problem(String messageKey, String field) {
	}

}
