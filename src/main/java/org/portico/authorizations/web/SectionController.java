package org.portico.authorizations.web;

import java.util.ArrayList;
import java.util.List;

import org.portico.access.AccessApi;
import org.portico.access.ProviderFunction;
import org.portico.identity.PorticoUser;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * The landing page of Referrals & Authorizations: a plain list of the section's parts.
 * Each part adds its line to {@link #links}.
 */
@Controller
class SectionController {

	private final AccessApi access;

	SectionController(AccessApi access) {
		this.access = access;
	}

	/**
	 * A part of the section.
	 *
	 * @param path where it is
	 * @param labelKey its name's message key; {@code labelKey + ".hint"} says what it
	 * does
	 */
	record Link(String path, String labelKey) {
	}

	@GetMapping("/referrals")
	String landing(@AuthenticationPrincipal PorticoUser user, Model model) {
		model.addAttribute("links", links(user));
		return "authorizations/landing";
	}

	List<Link> links(PorticoUser user) {
		List<Link> links = new ArrayList<>();
		boolean office = !user.isStaff();
		if (office) {
			links.add(new Link("/referrals/new", "referrals.link.new"));
			links.add(new Link("/referrals/inquiry", "referrals.link.inquiry"));
			links.add(new Link("/referrals/behavioral-health/new", "referrals.link.bh"));
			links.add(new Link("/authorizations/required", "prior-auth.link.required"));
			links.add(new Link("/authorizations/prior/new", "prior-auth.link.new"));
			links.add(new Link("/authorizations/prior", "prior-auth.link.inquiry"));
			if (!this.access.npisFor(user.accountId(), ProviderFunction.INPATIENT_NOTIFICATIONS).isEmpty()) {
				links.add(new Link("/inpatient-notifications", "referrals.link.inpatient"));
			}
			links.add(new Link("/referrals/figures", "referrals.link.figures"));
		}
		else {
			links.add(new Link("/staff/reviews", "referrals.link.queue"));
			links.add(new Link("/staff/reviews?queue=behavioral-health", "referrals.link.bh-queue"));
			links.add(new Link("/staff/imaging-imports", "prior-auth.link.imaging-imports"));
		}
		links.add(new Link("/authorization-metrics", "referrals.link.metrics"));
		return links;
	}

}
