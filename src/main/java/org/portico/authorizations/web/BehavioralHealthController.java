package org.portico.authorizations.web;

import java.util.List;

import jakarta.servlet.http.HttpServletResponse;

import org.portico.access.ProviderFunction;
import org.portico.authorizations.AuthorizationRequest;
import org.portico.authorizations.Authorizations;
import org.portico.authorizations.BehavioralHealth;
import org.portico.authorizations.BehavioralHealth.BehavioralHealthForm;
import org.portico.authorizations.BehavioralHealth.Outcome;
import org.portico.authorizations.Diagnoses;
import org.portico.authorizations.LevelOfCare;
import org.portico.authorizations.Problem;
import org.portico.authorizations.RequestKind;
import org.portico.identity.PorticoUser;

import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.server.ResponseStatusException;

/**
 * Behavioral health services requests with their attachments, and the files of a request
 * for those who may read it.
 */
@Controller
class BehavioralHealthController {

	private final BehavioralHealth behavioralHealth;

	private final Authorizations authorizations;

	private final Offices offices;

	BehavioralHealthController(BehavioralHealth behavioralHealth, Authorizations authorizations, Offices offices) {
		this.behavioralHealth = behavioralHealth;
		this.authorizations = authorizations;
		this.offices = offices;
	}

	@GetMapping("/referrals/behavioral-health/new")
	String form(@AuthenticationPrincipal PorticoUser user, @RequestParam(defaultValue = "") String npi, Model model) {
		return form(user, BehavioralHealthForm.empty(npi), List.of(), model);
	}

	@PostMapping("/referrals/behavioral-health/new")
	String submit(@AuthenticationPrincipal PorticoUser user, @ModelAttribute BehavioralHealthForm form,
			@RequestParam(name = "files", required = false) List<MultipartFile> files, Model model,
			HttpServletResponse response) {
		Outcome outcome = this.behavioralHealth.submit(user, form, files);
		if (outcome instanceof Outcome.Invalid invalid) {
			response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
			return form(user, form, invalid.problems(), model);
		}
		return "redirect:/referrals/requests/" + ((Outcome.Submitted) outcome).request().request().trackingNumber()
				+ "?submitted";
	}

	private String form(PorticoUser user, BehavioralHealthForm form, List<Problem> problems, Model model) {
		model.addAttribute("form", form);
		model.addAttribute("problems", problems);
		model.addAttribute("npis", this.offices.choices(user, ProviderFunction.REFERRALS_AUTHORIZATIONS));
		model.addAttribute("levels", LevelOfCare.values());
		model.addAttribute("diagnoses", Diagnoses.listed());
		return "authorizations/bh-new";
	}

	@GetMapping({ "/referrals/requests/{trackingNumber}/attachments/{id}",
			"/staff/reviews/{trackingNumber}/attachments/{id}" })
	ResponseEntity<byte[]> attachment(@AuthenticationPrincipal PorticoUser user, @PathVariable String trackingNumber,
			@PathVariable long id) {
		AuthorizationRequest request = this.authorizations.find(user, trackingNumber)
			.filter((r) -> r.kind() == RequestKind.BEHAVIORAL_HEALTH)
			.orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
		BehavioralHealth.AttachmentFile file = this.behavioralHealth.attachment(request, id)
			.orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
		return ResponseEntity.ok()
			.contentType(MediaType.parseMediaType(file.mediaType()))
			.header(HttpHeaders.CONTENT_DISPOSITION,
					ContentDisposition.attachment().filename(file.name()).build().toString())
			.header("X-Content-Type-Options", "nosniff")
			.header(HttpHeaders.CACHE_CONTROL, "no-store")
			.body(file.content());
	}

}
