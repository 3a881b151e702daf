package org.portico.authorizations.web;

import java.util.Locale;

import org.portico.audit.AuditEvent;
import org.portico.audit.AuditLog;
import org.portico.audit.AuditOutcome;
import org.portico.authorizations.AuthorizationRequest;
import org.portico.authorizations.Authorizations;
import org.portico.authorizations.Deadlines;
import org.portico.authorizations.PriorAuthorizations;
import org.portico.authorizations.PriorAuthorizations.AttachedFile;
import org.portico.authorizations.PriorAuthorizations.Detail;
import org.portico.authorizations.RequestKind;
import org.portico.authorizations.ServiceCatalogue;
import org.portico.identity.PorticoUser;
import org.portico.members.MemberApi;
import org.portico.members.MemberSummary;

import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.server.ResponseStatusException;

/**
 * A prior authorization's status page, its documents and its decision letter. Each opens
 * only for a user who may read the request (acting for its requesting or servicing NPI,
 * or a clinical reviewer); anyone else is told it was not found, and every read is
 * audited.
 */
@Controller
class PriorAuthorizationStatusController {

	private final Authorizations requests;

	private final PriorAuthorizations priorAuthorizations;

	private final ServiceCatalogue catalogue;

	private final MemberApi members;

	private final ActingForProvider actingFor;

	private final Deadlines deadlines;

	private final DecisionLetter letters;

	private final AuditLog audit;

	PriorAuthorizationStatusController(Authorizations requests, PriorAuthorizations priorAuthorizations,
			ServiceCatalogue catalogue, MemberApi members, ActingForProvider actingFor, Deadlines deadlines,
			DecisionLetter letters, AuditLog audit) {
		this.requests = requests;
		this.priorAuthorizations = priorAuthorizations;
		this.catalogue = catalogue;
		this.members = members;
		this.actingFor = actingFor;
		this.deadlines = deadlines;
		this.letters = letters;
		this.audit = audit;
	}

	/** A prior authorization as its pages show it. */
	record Shown(AuthorizationRequest request, Detail detail, String serviceName, MemberSummary member) {
	}

	@GetMapping("/authorizations/prior/{trackingNumber}")
	String status(@AuthenticationPrincipal PorticoUser user, @PathVariable String trackingNumber, Model model) {
		Shown shown = read(user, trackingNumber);
		AuthorizationRequest r = shown.request();
		model.addAttribute("shown", shown);
		model.addAttribute("r", r);
		model.addAttribute("requesting", this.actingFor.label(r.requestingNpi().value()));
		model.addAttribute("servicing", this.actingFor.label(r.servicingNpi().value()));
		model.addAttribute("receivedAt", this.deadlines.local(r.receivedAt()));
		model.addAttribute("dueAt", this.deadlines.local(r.dueAt()));
		model.addAttribute("decidedAt", (r.decidedAt() != null) ? this.deadlines.local(r.decidedAt()) : null);
		model.addAttribute("history", this.requests.history(r));
		return "authorizations/prior-status";
	}

	@GetMapping("/authorizations/prior/{trackingNumber}/letter.pdf")
	ResponseEntity<byte[]> letter(@AuthenticationPrincipal PorticoUser user, @PathVariable String trackingNumber,
			Locale locale) {
		Shown shown = read(user, trackingNumber);
		if (shown.request().isOpen()) {
			throw new ResponseStatusException(HttpStatus.NOT_FOUND);
		}
		byte[] pdf = this.letters.render(shown, this.actingFor.label(shown.request().requestingNpi().value()),
				this.actingFor.label(shown.request().servicingNpi().value()), locale);
		this.audit.record(new AuditEvent(user.getUsername(), "authorization.letter", "authorization-request",
				shown.request().trackingNumber(), AuditOutcome.SUCCESS,
				"decision letter PDF, " + shown.request().status() + ", member " + shown.request().member()));
		return ResponseEntity.ok()
			.contentType(MediaType.APPLICATION_PDF)
			.header(HttpHeaders.CONTENT_DISPOSITION,
					ContentDisposition.attachment()
						.filename("decision-" + shown.request().trackingNumber() + ".pdf")
						.build()
						.toString())
			.body(pdf);
	}

	@GetMapping("/authorizations/prior/{trackingNumber}/documents/{id}")
	ResponseEntity<byte[]> document(@AuthenticationPrincipal PorticoUser user, @PathVariable String trackingNumber,
			@PathVariable long id) {
		Shown shown = read(user, trackingNumber);
		AttachedFile file = this.priorAuthorizations.attachment(shown.request(), id)
			.orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
		this.audit.record(new AuditEvent(user.getUsername(), "authorization.document", "authorization-request",
				shown.request().trackingNumber(), AuditOutcome.SUCCESS, "document " + id));
		return ResponseEntity.ok()
			.contentType(MediaType.parseMediaType(file.mediaType()))
			.header(HttpHeaders.CONTENT_DISPOSITION,
					ContentDisposition.attachment().filename(file.fileName()).build().toString())
			.header("X-Content-Type-Options", "nosniff")
			.header(HttpHeaders.CACHE_CONTROL, "no-store")
			.body(file.content());
	}

	/**
	 * The request, when it is a prior authorization the user may read; otherwise not
	 * found.
	 */
	private Shown read(PorticoUser user, String trackingNumber) {
		AuthorizationRequest r = this.requests.find(user, trackingNumber)
			.filter((found) -> found.kind() == RequestKind.PRIOR_AUTH)
			.orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
		Detail detail = this.priorAuthorizations.detail(r)
			.orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
		String serviceName = this.catalogue.service(detail.serviceCode())
			.map((s) -> s.name())
			.orElse(detail.serviceCode());
		MemberSummary member = this.members.find(r.member())
			.orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
		return new Shown(r, detail, serviceName, member);
	}

}
