package org.portico.access.web;

import java.util.List;
import java.util.Map;

import jakarta.servlet.http.HttpServletResponse;

import org.portico.access.SaaDisputes;
import org.portico.access.SaaDisputes.Lookup;
import org.portico.access.SaaDisputes.Restoration;
import org.portico.access.SaaDisputes.Restore;

import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Provider Services' page for SAA disputes: look up an NPI, see its Senior Access
 * Administrator and SAA history, and restore the previous SAA. Only Provider Services
 * staff reach it (see the security configuration).
 */
@Controller
class SaaDisputeController {

	/** The field each mistake is about, for the error summary's links. */
	private static final Map<String, String> FIELDS = Map.of("saa.problem.npi", "npi",
			"saa.restore.problem.not-verified", "officeVerified", "saa.restore.problem.reason", "reason");

	private final SaaDisputes disputes;

	SaaDisputeController(SaaDisputes disputes) {
		this.disputes = disputes;
	}

	@GetMapping("/staff/saa")
	String page(@AuthenticationPrincipal UserDetails staff, @RequestParam(required = false) String npi, Model model,
			HttpServletResponse response) {
		model.addAttribute("npi", (npi != null) ? npi.strip() : "");
		model.addAttribute("problems", List.of());
		if (npi == null || npi.isBlank()) {
			return "access/saa";
		}
		Lookup lookup = this.disputes.lookUp(staff.getUsername(), npi);
		if (lookup instanceof Lookup.NotAnNpi) {
			response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
			model.addAttribute("problems", problems(List.of("saa.problem.npi")));
		}
		else if (lookup instanceof Lookup.NotOnFile notOnFile) {
			model.addAttribute("notOnFile", notOnFile.npi());
		}
		else if (lookup instanceof Lookup.Found found) {
			model.addAttribute("standing", found.standing());
			model.addAttribute("npi", found.standing().npi().value());
		}
		return "access/saa";
	}

	@PostMapping("/staff/saa/restore")
	String restore(@AuthenticationPrincipal UserDetails staff, @RequestParam(defaultValue = "") String npi,
			@RequestParam(defaultValue = "") String currentSaa,
			@RequestParam(defaultValue = "false") boolean officeVerified,
			@RequestParam(defaultValue = "") String reason,
			@RequestParam(defaultValue = "false") boolean removeReplacer, Model model, RedirectAttributes redirect,
			HttpServletResponse response) {
		Restore outcome = this.disputes.restore(staff.getUsername(),
				new Restoration(npi, currentSaa, officeVerified, reason, removeReplacer));
		if (outcome instanceof Restore.Restored restored) {
			// Flash attributes are kept in the session, in the database: plain values
			// only.
			redirect.addFlashAttribute("restoredName", restored.restored().displayName());
			redirect.addFlashAttribute("replacerName",
					(restored.replacer() != null) ? restored.replacer().displayName() : "");
			redirect.addFlashAttribute("replacerRemoved", restored.replacerRemoved());
			redirect.addFlashAttribute("replacerDeactivated", restored.replacerDeactivated());
			return "redirect:/staff/saa?npi=" + restored.npi().value();
		}
		if (outcome instanceof Restore.AlreadyRestored already) {
			redirect.addFlashAttribute("alreadyRestored", true);
			return "redirect:/staff/saa?npi=" + already.npi().value();
		}
		String page = page(staff, npi, model, response);
		if (outcome instanceof Restore.Problems problems) {
			response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
			model.addAttribute("problems", problems(problems.messageKeys()));
			model.addAttribute("reason", reason);
			model.addAttribute("officeVerified", officeVerified);
			model.addAttribute("removeReplacer", removeReplacer);
		}
		else if (outcome instanceof Restore.Refused refused) {
			response.setStatus(HttpStatus.CONFLICT.value());
			model.addAttribute("refused", refused.messageKey());
		}
		return page;
	}

	private static List<FieldProblem> problems(List<String> messageKeys) {
		return messageKeys.stream().map((key) -> new FieldProblem(key, FIELDS.get(key))).toList();
	}

}
