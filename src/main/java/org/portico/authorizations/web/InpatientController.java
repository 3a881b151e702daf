package org.portico.authorizations.web;

import java.util.List;

import jakarta.servlet.http.HttpServletResponse;

import org.portico.access.ProviderFunction;
import org.portico.authorizations.Diagnoses;
import org.portico.authorizations.InpatientNotification;
import org.portico.authorizations.InpatientNotification.AdmissionType;
import org.portico.authorizations.InpatientNotification.DischargeDisposition;
import org.portico.authorizations.InpatientNotifications;
import org.portico.authorizations.InpatientNotifications.AdmissionForm;
import org.portico.authorizations.InpatientNotifications.Outcome;
import org.portico.authorizations.Problem;
import org.portico.identity.PorticoUser;

import org.springframework.http.HttpStatus;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Inpatient notifications for users who hold the function for a facility: report an
 * admission, see its number at once, add the discharge later.
 */
@Controller
class InpatientController {

	private final InpatientNotifications notifications;

	private final Offices offices;

	InpatientController(InpatientNotifications notifications, Offices offices) {
		this.notifications = notifications;
		this.offices = offices;
	}

	@GetMapping("/inpatient-notifications")
	String form(@AuthenticationPrincipal PorticoUser user, @RequestParam(defaultValue = "") String npi, Model model) {
		return form(user, AdmissionForm.empty(npi), List.of(), model);
	}

	@PostMapping("/inpatient-notifications")
	String report(@AuthenticationPrincipal PorticoUser user, @ModelAttribute AdmissionForm form, Model model,
			RedirectAttributes redirect, HttpServletResponse response) {
		Outcome outcome = this.notifications.report(user, form);
		if (outcome instanceof Outcome.Invalid invalid) {
			response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
			return form(user, form, invalid.problems(), model);
		}
		Outcome.Reported reported = (Outcome.Reported) outcome;
		redirect.addFlashAttribute(reported.existing() ? "existing" : "reported", Boolean.TRUE);
		return "redirect:/inpatient-notifications/" + reported.notification().number();
	}

	private String form(PorticoUser user, AdmissionForm form, List<Problem> problems, Model model) {
		List<Offices.Choice> facilities = this.offices.choices(user, ProviderFunction.INPATIENT_NOTIFICATIONS);
		if (facilities.isEmpty()) {
			throw new AccessDeniedException("No inpatient notifications function");
		}
		model.addAttribute("form", form);
		model.addAttribute("problems", problems);
		model.addAttribute("facilities", facilities);
		model.addAttribute("types", AdmissionType.values());
		model.addAttribute("diagnoses", Diagnoses.listed());
		model.addAttribute("recent", this.notifications.recent(user, 20));
		return "authorizations/inpatient";
	}

	@GetMapping("/inpatient-notifications/{number}")
	String notification(@AuthenticationPrincipal PorticoUser user, @PathVariable String number, Model model) {
		return show(this.notifications.find(user, number)
			.orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND)), List.of(), model);
	}

	@PostMapping("/inpatient-notifications/{number}/discharge")
	String discharge(@AuthenticationPrincipal PorticoUser user, @PathVariable String number,
			@RequestParam(defaultValue = "") String dischargeDate, @RequestParam(defaultValue = "") String disposition,
			Model model, RedirectAttributes redirect, HttpServletResponse response) {
		Outcome outcome = this.notifications.discharge(user, number, dischargeDate, disposition);
		if (outcome instanceof Outcome.Invalid invalid) {
			response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
			return show(this.notifications.find(user, number).orElseThrow(), invalid.problems(), model);
		}
		redirect.addFlashAttribute("discharged", Boolean.TRUE);
		return "redirect:/inpatient-notifications/" + number;
	}

	private String show(InpatientNotification notification, List<Problem> problems, Model model) {
		model.addAttribute("n", notification);
		model.addAttribute("problems", problems);
		model.addAttribute("dispositions", DischargeDisposition.values());
		model.addAttribute("names",
				this.offices.names(List.of(notification.facilityNpi(), notification.attendingNpi())));
		model.addAttribute("member", this.offices.member(notification.member()).orElse(null));
		return "authorizations/inpatient-notification";
	}

}
