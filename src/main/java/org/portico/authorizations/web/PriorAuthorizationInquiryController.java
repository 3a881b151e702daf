package org.portico.authorizations.web;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;

import jakarta.servlet.http.HttpServletResponse;

import org.portico.audit.AuditEvent;
import org.portico.audit.AuditLog;
import org.portico.audit.AuditOutcome;
import org.portico.authorizations.AuthorizationRequest;
import org.portico.authorizations.Deadlines;
import org.portico.authorizations.Authorizations;
import org.portico.authorizations.Authorizations.RequestSearch;
import org.portico.authorizations.ImagingAuthorizations;
import org.portico.authorizations.ImagingAuthorizations.ImagingAuthorization;
import org.portico.authorizations.PriorAuthorizations;
import org.portico.authorizations.RequestKind;
import org.portico.authorizations.RequestStatus;
import org.portico.authorizations.ServiceCatalogue;
import org.portico.authorizations.SmartSheet;
import org.portico.identity.PorticoUser;
import org.portico.members.MemberId;
import org.portico.providers.Npi;

import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.server.ResponseStatusException;

/**
 * Prior authorization inquiry: the requests made in the portal and the high-tech imaging
 * authorizations of the imaging benefit manager, for the providers the user acts for,
 * searched by member, NPI, status and dates. Every search and view is audited.
 */
@Controller
class PriorAuthorizationInquiryController {

	private final Authorizations requests;

	private final PriorAuthorizations priorAuthorizations;

	private final ImagingAuthorizations imaging;

	private final ServiceCatalogue catalogue;

	private final ActingForProvider actingFor;

	private final AuditLog audit;

	private final Deadlines deadlines;

	PriorAuthorizationInquiryController(Authorizations requests, PriorAuthorizations priorAuthorizations,
			ImagingAuthorizations imaging, ServiceCatalogue catalogue, ActingForProvider actingFor, AuditLog audit,
			Deadlines deadlines) {
		this.deadlines = deadlines;
		this.requests = requests;
		this.priorAuthorizations = priorAuthorizations;
		this.imaging = imaging;
		this.catalogue = catalogue;
		this.actingFor = actingFor;
		this.audit = audit;
	}

	/** The search form's fields, as typed; every one may be empty. */
	record InquiryForm(String npi, String memberId, String status, String from, String to, String search) {

		InquiryForm {
			npi = clean(npi);
			memberId = clean(memberId);
			status = clean(status);
			from = clean(from);
			to = clean(to);
			search = clean(search);
		}

		static String clean(String value) {
			return (value == null) ? "" : value.strip();
		}

	}

	/**
	 * One line of the results, whichever its source.
	 *
	 * @param imaging whether it came from the imaging benefit manager
	 */
	record Row(String number, boolean imaging, MemberId member, String service, String status, LocalDate from,
			LocalDate to, LocalDate decidedOn, LocalDate sortDate) {
	}

	@GetMapping("/authorizations/prior")
	String inquiry(@AuthenticationPrincipal PorticoUser user, @ModelAttribute InquiryForm form, Model model,
			HttpServletResponse response) {
		this.actingFor.requireAny(user, "authorization.search");
		model.addAttribute("form", form);
		model.addAttribute("npis", this.actingFor.choices(user));
		model.addAttribute("statuses", RequestStatus.values());
		if (form.search().isEmpty()) {
			model.addAttribute("problems", new Problems(List.of()));
			return "authorizations/prior-inquiry";
		}
		List<Problem> problems = new ArrayList<>();
		Npi npi = null;
		if (!form.npi().isEmpty()) {
			npi = this.actingFor.require(user, form.npi(), "npi", "authorization.search", problems);
		}
		MemberId member = null;
		if (!form.memberId().isEmpty()) {
			try {
				member = MemberId.parse(form.memberId());
			}
			catch (IllegalArgumentException ex) {
				problems.add(Problem.of("memberId", "prior-auth.problem.member-id"));
			}
		}
		RequestStatus status = null;
		if (!form.status().isEmpty()) {
			try {
				status = RequestStatus.valueOf(form.status());
			}
			catch (IllegalArgumentException ex) {
				problems.add(Problem.of("status", "prior-auth.inquiry.problem.status"));
			}
		}
		LocalDate from = optionalDate(form.from(), "from", problems);
		LocalDate to = optionalDate(form.to(), "to", problems);
		if (from != null && to != null && to.isBefore(from)) {
			problems.add(Problem.of("to", "prior-auth.inquiry.problem.dates"));
		}
		model.addAttribute("problems", new Problems(problems));
		if (!problems.isEmpty()) {
			response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
			return "authorizations/prior-inquiry";
		}
		List<AuthorizationRequest> found = this.requests.search(user,
				new RequestSearch(Set.of(RequestKind.PRIOR_AUTH), member, npi, status, from, to, null));
		Map<Long, String> services = this.priorAuthorizations
			.serviceCodes(found.stream().map(AuthorizationRequest::id).toList());
		List<Row> rows = new ArrayList<>();
		for (AuthorizationRequest r : found) {
			String code = services.get(r.id());
			String name = (code == null) ? "" : this.catalogue.service(code).map(SmartSheet::name).orElse(code);
			LocalDate received = this.deadlines.local(r.receivedAt()).toLocalDate();
			rows.add(new Row(r.trackingNumber(), false, r.member(), name, r.status().name(), r.serviceFrom(),
					r.serviceTo(), (r.decidedAt() != null) ? this.deadlines.local(r.decidedAt()).toLocalDate() : null,
					received));
		}
		boolean imagingStatus = status == null || status == RequestStatus.APPROVED
				|| status == RequestStatus.PARTIALLY_APPROVED || status == RequestStatus.DENIED;
		List<ImagingAuthorization> fromManager = imagingStatus ? this.imaging.search(this.actingFor.npis(user), member,
				npi, (status != null) ? status.name() : null, from, to) : List.of();
		for (ImagingAuthorization a : fromManager) {
			rows.add(new Row(a.number(), true, a.member(), a.procedureCode() + " " + a.description(), a.status(),
					a.validFrom(), a.validTo(), a.decidedOn(), a.decidedOn()));
		}
		rows.sort(Comparator.comparing(Row::sortDate).reversed());
		this.audit.record(new AuditEvent(user.getUsername(), "authorization.imaging.search", null, null,
				AuditOutcome.SUCCESS, fromManager.size() + " imaging authorizations found"));
		model.addAttribute("rows", rows);
		return "authorizations/prior-inquiry";
	}

	@GetMapping("/authorizations/imaging/{number}")
	String imaging(@AuthenticationPrincipal PorticoUser user, @PathVariable String number, Model model) {
		ImagingAuthorization a = this.imaging.find(number).orElse(null);
		boolean mayRead = a != null && (Authorizations.isReviewer(user) || this.actingFor.may(user, a.orderingNpi())
				|| this.actingFor.may(user, a.renderingNpi()));
		if (!mayRead) {
			if (a != null) {
				this.audit.record(AuditEvent.denied(user.getUsername(), "authorization.imaging.view",
						"imaging-authorization", a.number()));
			}
			throw new ResponseStatusException(HttpStatus.NOT_FOUND);
		}
		this.audit.record(new AuditEvent(user.getUsername(), "authorization.imaging.view", "imaging-authorization",
				a.number(), AuditOutcome.SUCCESS, "member " + a.member()));
		model.addAttribute("a", a);
		model.addAttribute("ordering", this.actingFor.label(a.orderingNpi().value()));
		model.addAttribute("rendering", this.actingFor.label(a.renderingNpi().value()));
		return "authorizations/imaging";
	}

	private static LocalDate optionalDate(String typed, String field, List<Problem> problems) {
		if (typed.isEmpty()) {
			return null;
		}
		try {
			return LocalDate.parse(typed);
		}
		catch (DateTimeParseException ex) {
			problems.add(Problem.of(field, "prior-auth.inquiry.problem.date"));
			return null;
		}
	}

}
