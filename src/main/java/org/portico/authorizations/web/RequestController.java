package org.portico.authorizations.web;

import org.portico.authorizations.AuthorizationRequest;
import org.portico.authorizations.RequestKind;
import org.portico.authorizations.Authorizations;
import org.portico.identity.PorticoUser;

import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.server.ResponseStatusException;

/**
 * One request as the office sees it: status, decision, reasons, due time and history. A
 * request the user may not read is not found.
 */
@Controller
class RequestController {

	private final Authorizations authorizations;

	private final RequestPage page;

	RequestController(Authorizations authorizations, RequestPage page) {
		this.authorizations = authorizations;
		this.page = page;
	}

	@GetMapping("/referrals/requests/{trackingNumber}")
	String request(@AuthenticationPrincipal PorticoUser user, @PathVariable String trackingNumber, Model model) {
		AuthorizationRequest request = this.authorizations.find(user, trackingNumber)
			.orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
		if (request.kind() == RequestKind.PRIOR_AUTH) {
			// Its own page has the smart sheet's answers and the decision letter.
			return "redirect:/authorizations/prior/" + request.trackingNumber();
		}
		this.page.describe(request, model, "/referrals/requests");
		return "authorizations/request";
	}

}
