package org.portico.identity.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.portico.identity.Passkeys;
import org.portico.identity.PorticoUser;
import org.portico.identity.SecondStep;
import org.portico.identity.TwoStepSignIn;

import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The sign-in pages: the password (Spring Security handles the form's POST), the second
 * step, and the choice of a second factor at the first sign-in. The second step and the
 * choice offer both kinds of factor; setting each up is its own controller's
 * (/login/set-up/app in TwoStepController, /login/set-up/passkey in PasskeyController).
 */
@Controller
class LoginController {

	private final TwoStepSignIn twoStep;

	private final Passkeys passkeys;

	private final SecondStep secondStep;

	LoginController(TwoStepSignIn twoStep, Passkeys passkeys, SecondStep secondStep) {
		this.twoStep = twoStep;
		this.passkeys = passkeys;
		this.secondStep = secondStep;
	}

	@GetMapping("/login")
	String login() {
		return "identity/login";
	}

	/**
	 * At sign-in, an account without a second factor sets one up before going on.
	 */
	@GetMapping("/login/set-up")
	String setUpChoice() {
		return "identity/set-up";
	}

	@GetMapping("/login/second-step")
	String secondStepForm(@AuthenticationPrincipal PorticoUser user, Model model) {
		showSecondSteps(user, model);
		return "identity/second-step";
	}

	/** A code from the app or a recovery code; a passkey signs in through WebAuthn. */
	@PostMapping("/login/second-step")
	String secondStep(@AuthenticationPrincipal PorticoUser user, @RequestParam(defaultValue = "") String code,
			HttpServletRequest request, HttpServletResponse response, Model model) {
		SecondStep.Result result = this.secondStep.complete(user, code, request, response);
		if (result == SecondStep.Result.SIGNED_IN) {
			return "redirect:/";
		}
		if (result == SecondStep.Result.ENDED) {
			return "redirect:/login?error";
		}
		response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
		model.addAttribute("wrong", true);
		showSecondSteps(user, model);
		return "identity/second-step";
	}

	/** Which second steps the account has: a code from its app, its passkey, or both. */
	private void showSecondSteps(PorticoUser user, Model model) {
		model.addAttribute("totp", this.twoStep.enrolled(user.accountId()));
		model.addAttribute("passkey", this.passkeys.any(user.accountId()));
	}

}
