package org.portico.access.web;

import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

import jakarta.servlet.http.HttpServletResponse;

import org.portico.access.AccessAdministration;
import org.portico.access.AccessAdministration.Invitation;
import org.portico.access.AccessApi;
import org.portico.access.AccessApi.NpiAccess;
import org.portico.access.AccessRole;
import org.portico.access.ProviderFunction;
import org.portico.identity.AccountId;
import org.portico.identity.NewAccount;
import org.portico.notifications.Email;
import org.portico.identity.PorticoUser;
import org.portico.providers.Npi;
import org.portico.providers.ProviderApi;
import org.portico.providers.ProviderSummary;

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
 * Access Administration under Self Service: the users of my NPIs, inviting a user, and
 * deactivating or reactivating one.
 */
@Controller
class AccessAdministrationController {

	private final AccessAdministration administration;

	private final AccessApi access;

	private final ProviderApi providers;

	AccessAdministrationController(AccessAdministration administration, AccessApi access, ProviderApi providers) {
		this.administration = administration;
		this.access = access;
		this.providers = providers;
	}

	@GetMapping("/self-service/access")
	String users(@AuthenticationPrincipal PorticoUser admin, Model model) {
		model.addAttribute("users", this.administration.users(admin));
		return "access/administration";
	}

	@GetMapping("/self-service/access/invite")
	String inviteForm(@AuthenticationPrincipal PorticoUser admin, Model model) {
		return inviteForm(admin, model, new Form("", "", "", AccessRole.AU, Set.of(), Set.of()), List.of());
	}

	@PostMapping("/self-service/access/invite")
	String invite(@AuthenticationPrincipal PorticoUser admin, @RequestParam(defaultValue = "") String name,
			@RequestParam(defaultValue = "") String email, @RequestParam(defaultValue = "") String username,
			@RequestParam(defaultValue = "AU") AccessRole role, @RequestParam(required = false) List<String> npis,
			@RequestParam(required = false) List<ProviderFunction> functions, Model model, RedirectAttributes redirect,
			HttpServletResponse response) {
		Set<String> chosenNpis = (npis != null) ? new LinkedHashSet<>(npis) : Set.of();
		Set<ProviderFunction> chosenFunctions = EnumSet.noneOf(ProviderFunction.class);
		if (functions != null) {
			functions.stream().filter(java.util.Objects::nonNull).forEach(chosenFunctions::add);
		}
		Form form = new Form(name.strip(), email.strip(), username.strip().toLowerCase(), role, chosenNpis,
				chosenFunctions);
		List<String> problems = new java.util.ArrayList<>();
		if (form.name().isEmpty() || form.name().length() > 120) {
			problems.add("access.invite.problem.name");
		}
		if (!Email.isValidAddress(form.email())) {
			problems.add("access.invite.problem.email");
		}
		if (!NewAccount.isValidUsername(form.username())) {
			problems.add("access.invite.problem.username");
		}
		if (!chosenNpis.stream().allMatch(Npi::isValid)) {
			problems.add("access.invite.problem.more-than-you-hold");
		}
		if (problems.isEmpty()) {
			problems.addAll(this.administration.invite(admin, new Invitation(form.name(), form.email(), form.username(),
					role, chosenNpis.stream().map(Npi::new).collect(Collectors.toSet()), chosenFunctions)));
		}
		if (!problems.isEmpty()) {
			response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
			return inviteForm(admin, model, form, problems);
		}
		redirect.addFlashAttribute("invited", form.email());
		return "redirect:/self-service/access";
	}

	@PostMapping("/self-service/access/users/{id}/{action:deactivate|reactivate}")
	String setActive(@AuthenticationPrincipal PorticoUser admin, @PathVariable long id, @PathVariable String action,
			RedirectAttributes redirect) {
		boolean changed = this.administration.setActive(admin, new AccountId(id), action.equals("reactivate"));
		redirect.addFlashAttribute(changed ? action + "d" : "refused", true);
		return "redirect:/self-service/access";
	}

	@PostMapping("/self-service/access/users/{id}/confirm")
	String confirm(@AuthenticationPrincipal PorticoUser admin, @PathVariable long id, RedirectAttributes redirect) {
		redirect.addFlashAttribute(this.administration.confirm(admin, new AccountId(id)) ? "confirmed" : "refused",
				true);
		return "redirect:/self-service/access";
	}

	@PostMapping("/self-service/access/users/{id}/reset-two-step")
	String resetTwoStep(@AuthenticationPrincipal PorticoUser admin, @PathVariable long id,
			RedirectAttributes redirect) {
		redirect.addFlashAttribute(
				this.administration.resetTwoStep(admin, new AccountId(id)) ? "twoStepReset" : "refused", true);
		return "redirect:/self-service/access";
	}

	private String inviteForm(PorticoUser admin, Model model, Form form, List<String> problems) {
		List<NpiAccess> mine = this.access.administeredBy(admin.accountId());
		Map<Npi, ProviderSummary> names = this.providers.findAll(mine.stream().map(NpiAccess::npi).toList())
			.stream()
			.collect(Collectors.toMap(ProviderSummary::npi, Function.identity()));
		model.addAttribute("npis",
				mine.stream().map((a) -> new NpiChoice(a.npi().value(), names.get(a.npi()))).toList());
		model.addAttribute("roles", mine.stream().anyMatch((a) -> a.role() == AccessRole.SAA)
				? List.of(AccessRole.AU, AccessRole.AA) : List.of(AccessRole.AU));
		model.addAttribute("functions", ProviderFunction.values());
		model.addAttribute("form", form);
		model.addAttribute("problems", problems);
		return "access/invite";
	}

	record Form(String name, String email, String username, AccessRole role, Set<String> npis,
			Set<ProviderFunction> functions) {
	}

	record NpiChoice(String npi, ProviderSummary provider) {
	}

}
