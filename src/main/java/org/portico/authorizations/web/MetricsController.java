package org.portico.authorizations.web;

import java.time.Year;

import org.portico.authorizations.AuthorizationMetrics;
import org.portico.identity.PorticoUser;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * The plan's yearly prior authorization figures, public without sign-in as CMS-0057-F
 * asks, and an office's own figures beside them.
 */
@Controller
class MetricsController {

	private final AuthorizationMetrics metrics;

	MetricsController(AuthorizationMetrics metrics) {
		this.metrics = metrics;
	}

	@GetMapping("/authorization-metrics")
	String plan(Model model) {
		Year year = this.metrics.lastYear();
		model.addAttribute("year", year);
		model.addAttribute("plan", this.metrics.plan(year));
		return "authorizations/metrics";
	}

	@GetMapping("/referrals/figures")
	String office(@AuthenticationPrincipal PorticoUser user, Model model) {
		Year year = this.metrics.lastYear();
		model.addAttribute("year", year);
		model.addAttribute("plan", this.metrics.plan(year));
		model.addAttribute("office", this.metrics.office(user, year));
		return "authorizations/figures";
	}

}
