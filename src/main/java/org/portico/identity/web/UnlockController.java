package org.portico.identity.web;

import jakarta.servlet.http.HttpServletResponse;

import org.portico.identity.SignInGuard;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.ui.Model;

/**
 * The emailed link that unlocks an account locked after repeated failed sign-ins. Opening
 * it shows a button, so mail scanners that follow links cannot use it up.
 */
@Controller
class UnlockController {

	private final SignInGuard guard;

	UnlockController(SignInGuard guard) {
		this.guard = guard;
	}

	@GetMapping("/unlock")
	String confirm(@RequestParam(defaultValue = "") String token, Model model) {
		model.addAttribute("token", token);
		return "identity/unlock";
	}

	@PostMapping("/unlock")
	String unlock(@RequestParam(defaultValue = "") String token, HttpServletResponse response) {
		if (!this.guard.unlock(token)) {
			response.setStatus(HttpStatus.GONE.value());
			return "identity/unlock-unusable";
		}
		return "redirect:/login?unlocked";
	}

}
