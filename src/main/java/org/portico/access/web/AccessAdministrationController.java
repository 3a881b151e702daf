package org.portico.access.web;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

import jakarta.servlet.http.HttpServletResponse;

import org.portico.access.AccessAdministration;
import org.portico.access.AccessAdministration.AccessChange;
import org.portico.access.AccessAdministration.AccessToChange;
import org.portico.access.AccessAdministration.ChosenAccess;
import org.portico.access.AccessAdministration.Invitation;
import org.portico.access.AccessApi;
import org.portico.access.AccessApi.NpiAccess;
import org.portico.access.AccessRole;
import org.portico.access.ProviderFunction;
import org.portico.identity.AccountId;
import org.portico.identity.Accounts;
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
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Access Administration under Self Service: the users of my NPIs, inviting a user,
 * changing a user's access, and deactivating or reactivating one.
 */
@Controller
class AccessAdministrationController {

	private final AccessAdministration administration;

	private final AccessApi access;

	private final ProviderApi providers;

	private final Accounts accounts;

	AccessAdministrationController(AccessAdministration administration, AccessApi access, ProviderApi providers,
			Accounts accounts) {
		this.administration = administration;
		this.access = access;
		this.providers = providers;
		this.accounts = accounts;
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
		if (changed) {
			redirect.addFlashAttribute(action + "d", true);
		}
		else {
			redirect.addFlashAttribute("refused", "access.admin.refused");
		}
		return "redirect:/self-service/access";
	}

	@PostMapping("/self-service/access/users/{id}/confirm")
	String confirm(@AuthenticationPrincipal PorticoUser admin, @PathVariable long id, RedirectAttributes redirect) {
		if (this.administration.confirm(admin, new AccountId(id))) {
			redirect.addFlashAttribute("confirmed", true);
		}
		else {
			redirect.addFlashAttribute("refused", "access.admin.refused");
		}
		return "redirect:/self-service/access";
	}

	@PostMapping("/self-service/access/users/{id}/reset-two-step")
	String resetTwoStep(@AuthenticationPrincipal PorticoUser admin, @PathVariable long id,
			RedirectAttributes redirect) {
		if (this.administration.resetTwoStep(admin, new AccountId(id))) {
			redirect.addFlashAttribute("twoStepReset", true);
		}
		else {
			redirect.addFlashAttribute("refused", "access.admin.refused");
		}
		return "redirect:/self-service/access";
	}

	@GetMapping("/self-service/access/users/{id}/access")
	String accessForm(@AuthenticationPrincipal PorticoUser admin, @PathVariable long id, Model model,
			RedirectAttributes redirect) {
		Optional<AccessToChange> access = this.administration.accessToChange(admin, new AccountId(id));
		if (access.isEmpty()) {
			return refused(admin, id, redirect);
		}
		List<AccessRow> rows = access.get()
			.npis()
			.stream()
			.map((c) -> (c.current() != null) ? new AccessRow(c, true, c.current().role(), c.current().functions())
					: new AccessRow(c, false, AccessRole.AU, Set.of()))
			.toList();
		return accessForm(access.get(), rows, List.of(), model);
	}

	/**
	 * Saves a user's access: {@code npis} are the providers the user keeps or gets, each
	 * with its {@code role-<NPI>} and {@code functions-<NPI>}. Anything the page did not
	 * offer is refused by the service, not only by the page.
	 */
	@PostMapping("/self-service/access/users/{id}/access")
	String changeAccess(@AuthenticationPrincipal PorticoUser admin, @PathVariable long id,
			@RequestParam MultiValueMap<String, String> params, Model model, RedirectAttributes redirect,
			HttpServletResponse response) {
		AccountId user = new AccountId(id);
		Set<String> problems = new LinkedHashSet<>();
		List<ChosenAccess> chosen = new ArrayList<>();
		for (String value : params.getOrDefault("npis", List.of())) {
			if (!Npi.isValid(value)) {
				problems.add("access.change.problem.not-your-provider");
				continue;
			}
			AccessRole role = parse(AccessRole.class, params.getFirst("role-" + value));
			Set<ProviderFunction> functions = EnumSet.noneOf(ProviderFunction.class);
			for (String function : params.getOrDefault("functions-" + value, List.of())) {
				ProviderFunction parsed = parse(ProviderFunction.class, function);
				if (parsed == null) {
					problems.add("access.change.problem.more-than-you-hold");
				}
				else {
					functions.add(parsed);
				}
			}
			chosen.add(new ChosenAccess(Npi.parse(value), role, functions));
		}
		AccessChange outcome = problems.isEmpty() ? this.administration.changeAccess(admin, user, chosen)
				: new AccessChange.Problems(List.copyOf(problems));
		if (outcome instanceof AccessChange.Refused refused) {
			redirect.addFlashAttribute("refused", refused.messageKey());
			return "redirect:/self-service/access";
		}
		if (outcome instanceof AccessChange.Changed changed) {
			String name = this.accounts.summaries(List.of(user)).get(0).displayName();
			redirect.addFlashAttribute((changed.npis() > 0) ? "accessChanged" : "accessUnchanged", name);
			return "redirect:/self-service/access";
		}
		Optional<AccessToChange> access = this.administration.accessToChange(admin, user);
		if (access.isEmpty()) {
			return refused(admin, id, redirect);
		}
		Map<Npi, ChosenAccess> byNpi = new LinkedHashMap<>();
		chosen.forEach((c) -> byNpi.putIfAbsent(c.npi(), c));
		List<AccessRow> rows = access.get().npis().stream().map((c) -> {
			ChosenAccess choice = byNpi.get(c.npi());
			return (choice != null) ? new AccessRow(c, true, choice.role(), choice.functions())
					: new AccessRow(c, false, (c.current() != null) ? c.current().role() : AccessRole.AU, Set.of());
		}).toList();
		response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
		return accessForm(access.get(), rows, ((AccessChange.Problems) outcome).messageKeys(), model);
	}

	private String refused(PorticoUser admin, long id, RedirectAttributes redirect) {
		redirect.addFlashAttribute("refused",
				(id == admin.accountId().value()) ? "access.change.refused.yourself" : "access.admin.refused");
		return "redirect:/self-service/access";
	}

	private String accessForm(AccessToChange access, List<AccessRow> rows, List<String> problems, Model model) {
		Map<Npi, ProviderSummary> names = this.providers
			.findAll(access.npis().stream().map(AccessAdministration.NpiChoice::npi).toList())
			.stream()
			.collect(Collectors.toMap(ProviderSummary::npi, Function.identity()));
		model.addAttribute("user", access.account());
		model.addAttribute("rows", rows);
		model.addAttribute("names", names);
		model.addAttribute("problems", problems.stream().map((p) -> new Problem(p, fieldOf(p, rows))).toList());
		return "access/change-access";
	}

	/**
	 * A provider kept without any function is the one mistake the page lets people make:
	 * its summary links to that provider's first function.
	 */
	private static String fieldOf(String problem, List<AccessRow> rows) {
		if (!problem.equals("access.change.problem.no-function")) {
			return null;
		}
		return rows.stream()
			.filter((r) -> r.access() && r.functions().isEmpty())
			.findFirst()
			.map((r) -> "#functions-" + r.choice().npi().value())
			.orElse(null);
	}

	private static <E extends Enum<E>> E parse(Class<E> type, String value) {
		try {
			return (value != null) ? Enum.valueOf(type, value) : null;
		}
		catch (IllegalArgumentException ex) {
			return null;
		}
	}

	/**
	 * One of the administrator's NPIs on the change-access page, as the user holds it or
	 * as the administrator chose it.
	 */
	record AccessRow(AccessAdministration.NpiChoice choice, boolean access, AccessRole role,
			Set<ProviderFunction> functions) {
	}

	/** A problem for the error summary, with the field it links to, if any. */
	record Problem(String messageKey, String href) {
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
