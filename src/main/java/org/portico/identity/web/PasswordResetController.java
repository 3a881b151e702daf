package org.portico.identity.web;

import java.util.List;

import jakarta.servlet.http.HttpServletResponse;

import org.portico.identity.Passwords;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * Forgot password: a single-use emailed link to choose a new one. The answer to a request
 * is the same whether or not the account exists.
 */
@Controller
class PasswordResetController {

	private final Passwords passwords;

	PasswordResetController(Passwords passwords) {
		this.passwords = passwords;
	}

	@GetMapping("/forgot-password")
	String forgotForm() {
		return "identity/forgot-password";
	}

	@PostMapping("/forgot-password")
	String forgot(@RequestParam(defaultValue = "") String username) {
		this.passwords.requestReset(username);
		return "identity/forgot-password-sent";
	}

	@GetMapping("/reset-password")
	String resetForm(@RequestParam(defaultValue = "") String token, Model model, HttpServletResponse response) {
		if (!this.passwords.resetLinkUsable(token)) {
			response.setStatus(HttpStatus.GONE.value());
			return "identity/reset-link-unusable";
		}
		model.addAttribute("token", token);
		return "identity/reset-password";
	}

	@PostMapping("/reset-password")
	String reset(@RequestParam(defaultValue = "") String token, @RequestParam String password,
			@RequestParam String confirmation, Model model, HttpServletResponse response) {
		List<String> problems = this.passwords.reset(token, password, confirmation);
		if (problems.contains("password.reset.link-unusable")) {
			response.setStatus(HttpStatus.GONE.value());
			return "identity/reset-link-unusable";
		}
		if (!problems.isEmpty()) {
			response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
			model.addAttribute("token", token);
			model.addAttribute("problems", problems);
			return "identity/reset-password";
		}
		return "redirect:/login?reset";
	}

}
