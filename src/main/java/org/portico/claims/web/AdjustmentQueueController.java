package org.portico.claims.web;

import java.util.List;

import jakarta.servlet.http.HttpServletResponse;

import org.portico.claims.AdjustmentCase;
import org.portico.claims.AdjustmentCases;
import org.portico.claims.ClaimInquiry;
import org.portico.claims.TrackingNumber;
import org.portico.identity.PorticoUser;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The claims staff's queue of adjustment cases (claims staff role only, see the security
 * configuration): open cases oldest first; take one into review, ask the office for more
 * information, or resolve it as approved or denied. The requester is mailed at each step,
 * and each is audited.
 */
@Controller
class AdjustmentQueueController {

	private final AdjustmentCases cases;

	private final ClaimInquiry inquiry;

	AdjustmentQueueController(AdjustmentCases cases, ClaimInquiry inquiry) {
		this.cases = cases;
		this.inquiry = inquiry;
	}

	@GetMapping("/staff/claims/adjustments")
	String queue(@AuthenticationPrincipal PorticoUser staff, Model model) {
		model.addAttribute("cases", this.cases.queue(staff));
		model.addAttribute("listed", AdjustmentCases.LISTED);
		model.addAttribute("staff", true);
		return "claims/adjustments";
	}

	@GetMapping("/staff/claims/adjustments/{tracking}")
	String adjustmentCase(@AuthenticationPrincipal PorticoUser staff, @PathVariable String tracking, Model model) {
		return page(staff, AdjustmentController.trackingNumber(tracking), List.of(), model);
	}

	@PostMapping("/staff/claims/adjustments/{tracking}/take")
	String take(@AuthenticationPrincipal PorticoUser staff, @PathVariable String tracking, Model model,
			HttpServletResponse response, RedirectAttributes redirect) {
		TrackingNumber number = AdjustmentController.trackingNumber(tracking);
		return done(staff, number, this.cases.take(staff, number), model, response, redirect);
	}

	@PostMapping("/staff/claims/adjustments/{tracking}/request-information")
	String requestInformation(@AuthenticationPrincipal PorticoUser staff, @PathVariable String tracking,
			@RequestParam(defaultValue = "") String note, Model model, HttpServletResponse response,
			RedirectAttributes redirect) {
		TrackingNumber number = AdjustmentController.trackingNumber(tracking);
		return done(staff, number, this.cases.requestInformation(staff, number, note), model, response, redirect);
	}

	@PostMapping("/staff/claims/adjustments/{tracking}/resolve")
	String resolve(@AuthenticationPrincipal PorticoUser staff, @PathVariable String tracking,
			@RequestParam(defaultValue = "") String decision, @RequestParam(defaultValue = "") String reason,
			Model model, HttpServletResponse response, RedirectAttributes redirect) {
		TrackingNumber number = AdjustmentController.trackingNumber(tracking);
		if (!"APPROVED".equals(decision) && !"DENIED".equals(decision)) {
			return done(staff, number, List.of("adjustment.problem.decision"), model, response, redirect);
		}
		return done(staff, number, this.cases.resolve(staff, number, "APPROVED".equals(decision), reason), model,
				response, redirect);
	}

	@GetMapping("/staff/claims/adjustments/{tracking}/files/{id:[0-9]{1,18}}")
	ResponseEntity<byte[]> file(@AuthenticationPrincipal PorticoUser staff, @PathVariable String tracking,
			@PathVariable long id) {
		return AdjustmentWeb.download(this.cases.fileForStaff(staff, AdjustmentController.trackingNumber(tracking), id)
			.orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND)));
	}

	private String done(PorticoUser staff, TrackingNumber number, List<String> problems, Model model,
			HttpServletResponse response, RedirectAttributes redirect) {
		if (problems.contains("adjustment.problem.not-found")) {
			throw new ResponseStatusException(HttpStatus.NOT_FOUND);
		}
		if (!problems.isEmpty()) {
			response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
			return page(staff, number, problems, model);
		}
		redirect.addFlashAttribute("changed", true);
		return "redirect:/staff/claims/adjustments/" + number;
	}

	private String page(PorticoUser staff, TrackingNumber number, List<String> problems, Model model) {
		AdjustmentCase found = this.cases.caseForStaff(staff, number)
			.orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
		model.addAttribute("adjustment", found);
		model.addAttribute("claim", this.inquiry.claimForClaimsStaff(staff, found.claim()).orElse(null));
		model.addAttribute("staff", true);
		model.addAttribute("mayAddFiles", false);
		model.addAttribute("problems", problems);
		return "claims/adjustment-case";
	}

}
