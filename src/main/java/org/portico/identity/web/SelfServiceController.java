package org.portico.identity.web;

import java.util.List;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;

import org.portico.identity.PasswordPolicy;
import org.portico.identity.Passwords;
import org.portico.identity.PorticoUser;
import org.portico.identity.Sessions;

import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Self Service and its Account Services: Personal Password and the user's sessions.
 */
@Controller
class SelfServiceController {

	private final Passwords passwords;

	private final PasswordPolicy policy;

	private final Sessions sessions;

	SelfServiceController(Passwords passwords, PasswordPolicy policy, Sessions sessions) {
		this.passwords = passwords;
		this.policy = policy;
		this.sessions = sessions;
	}

	@GetMapping("/self-service")
	String selfService() {
		return "identity/self-service";
	}

	@GetMapping("/self-service/password")
	String passwordForm() {
		return "identity/password";
	}

	@PostMapping("/self-service/password")
	String changePassword(@AuthenticationPrincipal PorticoUser user, @RequestParam String current,
			@RequestParam String password, @RequestParam String confirmation, HttpSession session, Model model,
			RedirectAttributes redirect, HttpServletRequest request, HttpServletResponse response) {
		List<String> problems = this.passwords.change(user.accountId(), current, password, confirmation,
				session.getId(), request.getRemoteAddr());
		if (!problems.isEmpty()) {
			response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
			model.addAttribute("problems", problems);
			return "identity/password";
		}
		redirect.addFlashAttribute("changed", true);
		return "redirect:/self-service/password";
	}

	/** The strength meter beside a new password, updated as it is typed (htmx). */
	@PostMapping("/password/strength")
	String strength(@AuthenticationPrincipal PorticoUser user, @RequestParam(defaultValue = "") String password,
			Model model) {
		model.addAttribute("score", password.isEmpty() ? -1 : this.policy.strength(password));
		model.addAttribute("problems", password.isEmpty() ? List.of()
				: this.policy.problems(password, (user != null) ? user.getUsername() : null, false));
		return "identity/strength :: meter";
	}

	@GetMapping("/self-service/sessions")
	String sessions(@AuthenticationPrincipal PorticoUser user, HttpSession session, Model model) {
		model.addAttribute("sessions", this.sessions.of(user.getUsername()));
		model.addAttribute("current", session.getId());
		return "identity/sessions";
	}

	@PostMapping("/self-service/sessions/{id}/end")
	String endSession(@AuthenticationPrincipal PorticoUser user, @PathVariable String id, RedirectAttributes redirect) {
		redirect.addFlashAttribute("ended", this.sessions.end(user.getUsername(), id));
		return "redirect:/self-service/sessions";
	}

}
