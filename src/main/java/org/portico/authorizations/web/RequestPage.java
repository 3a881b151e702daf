package org.portico.authorizations.web;

import java.util.List;

import org.portico.authorizations.AuthorizationRequest;
import org.portico.authorizations.Authorizations;
import org.portico.authorizations.BehavioralHealth;
import org.portico.authorizations.Deadlines;
import org.portico.authorizations.PriorAuthorizations;
import org.portico.authorizations.Referrals;
import org.portico.authorizations.ServiceCatalogue;
import org.portico.authorizations.SmartSheet;
import org.portico.authorizations.RequestKind;

import org.springframework.stereotype.Component;
import org.springframework.ui.Model;

/**
 * What the request page shows, for the office and for the reviewer: the request, its
 * kind's details, the names of those involved and its history. The caller has read the
 * request with an access check.
 */
@Component
class RequestPage {

	private final Authorizations authorizations;

	private final Referrals referrals;

	private final BehavioralHealth behavioralHealth;

	private final Offices offices;

	private final Deadlines deadlines;

	private final PriorAuthorizations priorAuthorizations;

	private final ServiceCatalogue catalogue;

	RequestPage(Authorizations authorizations, Referrals referrals, BehavioralHealth behavioralHealth, Offices offices,
			Deadlines deadlines, PriorAuthorizations priorAuthorizations, ServiceCatalogue catalogue) {
		this.priorAuthorizations = priorAuthorizations;
		this.catalogue = catalogue;
		this.authorizations = authorizations;
		this.referrals = referrals;
		this.behavioralHealth = behavioralHealth;
		this.offices = offices;
		this.deadlines = deadlines;
	}

	void describe(AuthorizationRequest request, Model model, String base) {
		model.addAttribute("r", request);
		model.addAttribute("attachmentBase", base + "/" + request.trackingNumber() + "/attachments");
		model.addAttribute("deadlines", this.deadlines);
		model.addAttribute("urgency",
				request.isOpen() ? this.deadlines.urgency(request.dueAt(), java.time.Instant.now()) : null);
		model.addAttribute("names", this.offices.names(List.of(request.requestingNpi(), request.servicingNpi())));
		model.addAttribute("member", this.offices.member(request.member()).orElse(null));
		model.addAttribute("history", this.authorizations.history(request));
		if (request.kind() == RequestKind.REFERRAL) {
			model.addAttribute("referral", this.referrals.details(request));
		}
		if (request.kind() == RequestKind.BEHAVIORAL_HEALTH) {
			model.addAttribute("bh", this.behavioralHealth.details(request));
		}
		if (request.kind() == RequestKind.PRIOR_AUTH) {
			this.priorAuthorizations.detail(request).ifPresent((detail) -> {
				model.addAttribute("priorAuth", detail);
				model.addAttribute("priorAuthService",
						this.catalogue.service(detail.serviceCode())
							.map(SmartSheet::name)
							.orElse(detail.serviceCode()));
			});
		}
	}

}
