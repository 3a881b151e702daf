package org.portico.access.web;

import java.util.List;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.portico.access.Registration;
import org.portico.access.Registration.Outcome;
import org.portico.identity.PorticoUser;

import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * "I need additional access": a signed-in provider-office user adds providers (NPIs) to
 * the login they have, verified as a registration is. Provider-office accounts only (see
 * the security configuration).
 */
@Controller
class AdditionalAccessController {

	private final Registration registration;

	AdditionalAccessController(Registration registration) {
		this.registration = registration;
	}

	@GetMapping("/self-service/additional-access")
	String form(Model model) {
		model.addAttribute("form", Form.EMPTY);
		return "access/additional-access";
	}

	@PostMapping("/self-service/additional-access")
	String add(@AuthenticationPrincipal PorticoUser user, @ModelAttribute Form form, HttpServletRequest request,
			HttpServletResponse response, Model model, RedirectAttributes redirect) {
		Outcome outcome = this.registration.addAccess(user, form.proof(), form.acting(), request.getRemoteAddr());
		if (outcome instanceof Outcome.Added added) {
			redirect.addFlashAttribute("added", added.npis().get(0).value());
			redirect.addFlashAttribute("addedMore", added.npis().size() - 1);
			return "redirect:/self-service/additional-access";
		}
		if (outcome instanceof Outcome.AwaitingProvider awaiting) {
			redirect.addFlashAttribute("awaiting", awaiting.providerEmail());
			return "redirect:/self-service/additional-access";
		}
		model.addAttribute("form", form);
		if (outcome instanceof Outcome.AlreadyAdministers already) {
			model.addAttribute("alreadyNpi", already.npi().value());
			model.addAttribute("alreadyRole", already.role());
		}
		else if (outcome instanceof Outcome.Problems problems) {
			response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
			model.addAttribute("problems", FieldProblem.of(problems.messageKeys()));
		}
		else if (outcome instanceof Outcome.NotVerified notVerified) {
			response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
			model.addAttribute("problems", FieldProblem.of(List.of(notVerified.tooManyAttempts()
					? "registration.not-verified.too-many" : "registration.not-verified")));
		}
		else if (outcome instanceof Outcome.SaaExists) {
			response.setStatus(HttpStatus.CONFLICT.value());
			model.addAttribute("saaExists", true);
		}
		return "access/additional-access";
	}

	/** The form's fields: those that prove the user acts for the provider. */
	record Form(String npi, String identification, String tin, String ssnLastFour, String claim1Number,
			String claim1Date, String claim1Billed, String claim2Number, String claim2Date, String claim2Billed,
			String registeringAs, String providerEmail, String replaceSaa) implements ProviderProofFields {

		static final Form EMPTY = new Form("", "TIN", "", "", "", "", "", "", "", "", "PROVIDER", "", "");

		@Override
		public String toString() {
			return "Form[" + this.npi + "]";
		}

	}

}
