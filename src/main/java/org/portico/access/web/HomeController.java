package org.portico.access.web;

import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.portico.access.AccessApi;
import org.portico.access.AccessApi.NpiAccess;
import org.portico.access.RegistrationReviews;
import org.portico.identity.PorticoUser;
import org.portico.identity.StaffRole;
import org.portico.providers.Npi;
import org.portico.providers.ProviderApi;
import org.portico.providers.ProviderSummary;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * The welcome page: the providers the user acts for and what they may do for each.
 */
@Controller
class HomeController {

	private final AccessApi access;

	private final ProviderApi providers;

	private final RegistrationReviews reviews;

	HomeController(AccessApi access, ProviderApi providers, RegistrationReviews reviews) {
		this.access = access;
		this.providers = providers;
		this.reviews = reviews;
	}

	@GetMapping("/")
	String home(@AuthenticationPrincipal PorticoUser user, Model model) {
		model.addAttribute("user", user);
		if (user.getAuthorities()
			.stream()
			.anyMatch((a) -> StaffRole.PROVIDER_SERVICES.authority().equals(a.getAuthority()))) {
			model.addAttribute("registrationsWaiting", this.reviews.waiting());
		}
		if (!user.isStaff()) {
			List<NpiAccess> grants = this.access.accessOf(user.accountId());
			Map<Npi, ProviderSummary> byNpi = this.providers.findAll(grants.stream().map(NpiAccess::npi).toList())
				.stream()
				.collect(Collectors.toMap(ProviderSummary::npi, Function.identity()));
			model.addAttribute("rows", grants.stream().map((g) -> new Row(byNpi.get(g.npi()), g)).toList());
		}
		return "home";
	}

	record Row(ProviderSummary provider, NpiAccess access) {
	}

}
