package org.portico.identity.web;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Optional;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

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
 * Turning on two-step sign-in with an authenticator app: under Account Services, or at
 * the first sign-in (/login/set-up/app). Passkeys are PasskeyController's; the sign-in
 * pages that offer both kinds of factor are LoginController's.
 */
@Controller
class TwoStepController {

	private static final Path SELF_SERVICE = new Path("/self-service/two-step", "/self-service/two-step/confirm");

	private static final Path AT_SIGN_IN = new Path("/login/set-up", "/login/set-up/app/confirm");

	private final TwoStepSignIn twoStep;

	private final SecondStep secondStep;

	private final org.portico.identity.Accounts accounts;

	TwoStepController(TwoStepSignIn twoStep, SecondStep secondStep, org.portico.identity.Accounts accounts) {
		this.twoStep = twoStep;
		this.secondStep = secondStep;
		this.accounts = accounts;
	}

	@GetMapping("/self-service/two-step")
	String status(@AuthenticationPrincipal PorticoUser user, Model model) {
		model.addAttribute("enrolled", this.twoStep.enrolled(user.accountId()));
		return "identity/two-step";
	}

	@PostMapping("/self-service/two-step/begin")
	String begin(@AuthenticationPrincipal PorticoUser user, Model model) {
		return begin(user, SELF_SERVICE, model);
	}

	@PostMapping("/self-service/two-step/confirm")
	String confirm(@AuthenticationPrincipal PorticoUser user, @RequestParam(defaultValue = "") String password,
			@RequestParam(defaultValue = "") String code, HttpServletRequest request, Model model,
			HttpServletResponse response) {
		return confirm(user, SELF_SERVICE, password, code, request, response, model);
	}

	@PostMapping("/login/set-up/app")
	String setUpApp(@AuthenticationPrincipal PorticoUser user, Model model) {
		return begin(user, AT_SIGN_IN, model);
	}

	@PostMapping("/login/set-up/app/confirm")
	String setUpAppConfirm(@AuthenticationPrincipal PorticoUser user, @RequestParam(defaultValue = "") String password,
			@RequestParam(defaultValue = "") String code, HttpServletRequest request, Model model,
			HttpServletResponse response) {
		return confirm(user, AT_SIGN_IN, password, code, request, response, model);
	}

	private String begin(PorticoUser user, Path path, Model model) {
		if (this.twoStep.enrolled(user.accountId())) {
			return "redirect:" + path.start();
		}
		show(this.twoStep.begin(user.accountId(), user.getUsername()), path, model);
		return "identity/two-step-enroll";
	}

	private String confirm(PorticoUser user, Path path, String password, String code, HttpServletRequest request,
			HttpServletResponse response, Model model) {
		String email = this.accounts.summaries(List.of(user.accountId())).get(0).email();
		TwoStepSignIn.Confirmation confirmation = this.twoStep.confirm(user.accountId(), user.getUsername(), email,
				password, code, request.getRemoteAddr());
		if (confirmation instanceof TwoStepSignIn.Confirmation.Refused refused) {
			response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
			model.addAttribute("problem", refused.messageKey());
			Optional<TwoStepSignIn.Enrollment> pending = this.twoStep.pending(user.accountId(), user.getUsername());
			if (pending.isEmpty()) {
				return "redirect:" + path.start();
			}
			show(pending.get(), path, model);
			return "identity/two-step-enroll";
		}
		if (path == AT_SIGN_IN) {
			this.secondStep.signInFully(user, request, response);
		}
		model.addAttribute("codes", ((TwoStepSignIn.Confirmation.Confirmed) confirmation).recoveryCodes());
		return "identity/two-step-codes";
	}

	/** Where enrollment starts and where its form posts: Self Service, or at sign-in. */
	private record Path(String start, String confirm) {
	}

	private static void show(TwoStepSignIn.Enrollment enrollment, Path path, Model model) {
		model.addAttribute("confirmAction", path.confirm());
		model.addAttribute("secret", enrollment.secret().replaceAll("(.{4})", "$1 ").trim());
		model.addAttribute("qr", "data:image/svg+xml;base64,"
				+ Base64.getEncoder().encodeToString(enrollment.qrSvg().getBytes(StandardCharsets.UTF_8)));
	}

}
