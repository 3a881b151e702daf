package org.portico.members.web;

import jakarta.servlet.http.HttpSession;

import org.portico.access.AccessApi;
import org.portico.access.ProviderFunction;
import org.portico.audit.AuditEvent;
import org.portico.audit.AuditLog;
import org.portico.audit.AuditOutcome;
import org.portico.identity.PorticoUser;
import org.portico.members.MemberId;
import org.portico.members.PcpChanges;
import org.portico.members.PcpChanges.Outcome;
import org.portico.providers.Npi;

import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * A PCP change asked for from a member's Eligibility & Benefits report, by a user who
 * holds the PCP changes function for the NPI they act for.
 */
@Controller
class PcpChangeController {

	private final PcpChanges changes;

	private final AccessApi access;

	private final AuditLog audit;

	private final FoundMembers found;

	PcpChangeController(PcpChanges changes, AccessApi access, AuditLog audit, FoundMembers found) {
		this.found = found;
		this.changes = changes;
		this.access = access;
		this.audit = audit;
	}

	@PostMapping("/eligibility/members/{memberId}/pcp-change")
	String request(@AuthenticationPrincipal PorticoUser user, @PathVariable String memberId,
			@RequestParam(defaultValue = "") String npi, @RequestParam(defaultValue = "") String newPcp,
			HttpSession session, RedirectAttributes redirect) {
		if (!Npi.isValid(npi) || !this.access.may(user.accountId(), ProviderFunction.PCP_CHANGES, Npi.parse(npi))) {
			this.audit.record(AuditEvent.denied(user.getUsername(), "pcp.change", "npi", npi));
			throw new AccessDeniedException("No PCP changes for " + npi);
		}
		MemberId id = this.found.require(session, user, memberId, "pcp.change");
		Outcome outcome = this.changes.request(id, newPcp, Npi.parse(npi), user.getUsername());
		if (outcome instanceof Outcome.Made made) {
			this.audit.record(new AuditEvent(user.getUsername(), "pcp.change", "member", id.toString(),
					AuditOutcome.SUCCESS, made.change().confirmation() + ": PCP " + made.change().newPcpNpi() + " from "
							+ made.change().effectiveDate() + ", for NPI " + npi));
			redirect.addFlashAttribute("pcpChangeMade", made.change());
		}
		else if (outcome instanceof Outcome.AlreadyRequested already) {
			redirect.addFlashAttribute("pcpChangeExisting", already.change());
		}
		else {
			Outcome.Refused refused = (Outcome.Refused) outcome;
			this.audit.record(new AuditEvent(user.getUsername(), "pcp.change", "member", id.toString(),
					AuditOutcome.FAILURE, refused.messageKey()));
			redirect.addFlashAttribute("pcpChangeProblem", refused.messageKey());
			redirect.addFlashAttribute("pcpChangeTyped", newPcp);
		}
		return "redirect:/eligibility/members/" + id + "?npi=" + npi;
	}

}
