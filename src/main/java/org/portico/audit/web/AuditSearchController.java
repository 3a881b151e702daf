package org.portico.audit.web;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;

import org.portico.audit.AuditLog;
import org.portico.audit.AuditQuery;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * Compliance's search of the audit trail: who did what to which object, when.
 */
@Controller
class AuditSearchController {

	private final AuditLog audit;

	AuditSearchController(AuditLog audit) {
		this.audit = audit;
	}

	@GetMapping("/staff/audit")
	String search(@AuthenticationPrincipal UserDetails staff, @RequestParam(defaultValue = "") String actor,
			@RequestParam(defaultValue = "") String action, @RequestParam(defaultValue = "") String object,
			@RequestParam(defaultValue = "") String from, @RequestParam(defaultValue = "") String to, Model model) {
		LocalDate today = LocalDate.now(ZoneOffset.UTC);
		LocalDate first = parse(from, today.minusDays(7));
		LocalDate last = parse(to, today);
		model.addAttribute("actor", actor);
		model.addAttribute("action", action);
		model.addAttribute("object", object);
		model.addAttribute("from", first);
		model.addAttribute("to", last);
		if (last.isBefore(first)) {
			model.addAttribute("problem", "audit.search.dates");
			return "audit/search";
		}
		model.addAttribute("records",
				this.audit.search(staff.getUsername(),
						new AuditQuery(actor, action, object, first.atStartOfDay().toInstant(ZoneOffset.UTC),
								last.plusDays(1).atStartOfDay().toInstant(ZoneOffset.UTC))));
		return "audit/search";
	}

	private static LocalDate parse(String text, LocalDate otherwise) {
		try {
			return text.isBlank() ? otherwise : LocalDate.parse(text.strip());
		}
		catch (DateTimeParseException ex) {
			return otherwise;
		}
	}

}
