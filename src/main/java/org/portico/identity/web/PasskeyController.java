package org.portico.identity.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;

import org.portico.identity.Passkeys;
import org.portico.identity.PasswordCheck;
import org.portico.identity.Passwords;
import org.portico.identity.PorticoUser;
import org.portico.identity.RecentPassword;
import org.portico.identity.SecondStep;

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
 * Passkeys under Self Service (behind the password typed again), and a passkey as the
 * second factor set up at the first sign-in. Adding one is Spring Security's WebAuthn
 * endpoints, driven by passkeys.js.
 */
@Controller
class PasskeyController {

	private final Passkeys passkeys;

	private final Passwords passwords;

	private final SecondStep secondStep;

	PasskeyController(Passkeys passkeys, Passwords passwords, SecondStep secondStep) {
		this.passkeys = passkeys;
		this.passwords = passwords;
		this.secondStep = secondStep;
	}

	@GetMapping("/self-service/passkeys")
	String list(@AuthenticationPrincipal PorticoUser user, HttpSession session, Model model) {
		model.addAttribute("passkeys", this.passkeys.of(user.accountId()));
		model.addAttribute("confirmed", RecentPassword.isRecent(session));
		return "identity/passkeys";
	}

	@PostMapping("/self-service/passkeys/confirm-password")
	String confirmPassword(@AuthenticationPrincipal PorticoUser user, @RequestParam(defaultValue = "") String password,
			HttpSession session, Model model, HttpServletRequest request, HttpServletResponse response) {
		PasswordCheck check = this.passwords.reconfirm(user.accountId(), password, "passkeys", request.getRemoteAddr());
		if (check != PasswordCheck.RIGHT) {
			response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
			model.addAttribute((check == PasswordCheck.WRONG) ? "wrongPassword" : "mustWait", true);
			return list(user, session, model);
		}
		RecentPassword.confirmed(session);
		return "redirect:/self-service/passkeys";
	}

	@PostMapping("/self-service/passkeys/{id}/remove")
	String remove(@AuthenticationPrincipal PorticoUser user, @PathVariable String id, HttpSession session,
			RedirectAttributes redirect) {
		if (!RecentPassword.isRecent(session)) {
			return "redirect:/self-service/passkeys";
		}
		redirect.addFlashAttribute(
				this.passkeys.remove(user.accountId(), user.getUsername(), id) ? "removed" : "notRemoved", true);
		return "redirect:/self-service/passkeys";
	}

	/** At the first sign-in: the passkey just added completes it. */
	@PostMapping("/login/set-up/passkey")
	String setUpDone(@AuthenticationPrincipal PorticoUser user, HttpServletRequest request,
			HttpServletResponse response) {
		if (!this.passkeys.any(user.accountId())) {
			return "redirect:/login/set-up";
		}
		this.secondStep.signInFully(user, request, response);
		return "redirect:/";
	}

}
