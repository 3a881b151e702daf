package org.portico.authorizations.web;

import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.portico.audit.AuditEvent;
import org.portico.audit.AuditLog;
import org.portico.audit.AuditOutcome;
import org.portico.authorizations.Authorizations;
import org.portico.authorizations.Priority;
import org.portico.authorizations.PriorAuthorizations;
import org.portico.authorizations.PriorAuthorizations.Document;
import org.portico.authorizations.ServiceCatalogue;
import org.portico.authorizations.ServiceCatalogue.Check;
import org.portico.authorizations.SmartSheet;
import org.portico.authorizations.SmartSheet.AnswerProblem;
import org.portico.authorizations.SmartSheet.Attachment;
import org.portico.identity.PorticoUser;
import org.portico.members.Eligibility;
import org.portico.members.MemberApi;
import org.portico.members.MemberId;
import org.portico.platform.uploads.CheckedFile;
import org.portico.platform.uploads.UploadRefused;
import org.portico.platform.uploads.Uploads;
import org.portico.providers.Npi;

import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.multipart.MultipartRequest;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.util.WebUtils;

/**
 * A prior authorization request: the service is chosen first, then its smart sheet is
 * answered with the member, the providers, the units, the dates and the priority. The
 * rules decide at once; the request is approved with an authorization number, or pended
 * for a clinical reviewer with the time the decision is due.
 */
@Controller
class PriorAuthorizationController {

	static final String ACTION = "authorization.prior.submit";

	private final ServiceCatalogue catalogue;

	private final PriorAuthorizations priorAuthorizations;

	private final Eligibility eligibility;

	private final MemberApi members;

	private final ActingForProvider actingFor;

	private final Uploads uploads;

	private final AuditLog audit;

	private final Clock clock;

	PriorAuthorizationController(ServiceCatalogue catalogue, PriorAuthorizations priorAuthorizations,
			Eligibility eligibility, MemberApi members, ActingForProvider actingFor, Uploads uploads, AuditLog audit,
			Clock clock) {
		this.catalogue = catalogue;
		this.priorAuthorizations = priorAuthorizations;
		this.eligibility = eligibility;
		this.members = members;
		this.actingFor = actingFor;
		this.uploads = uploads;
		this.audit = audit;
		this.clock = clock;
	}

	/** The form's own fields, as typed; the answers and files come beside them. */
	record RequestForm(String npi, String servicingNpi, String memberId, String service, String units, String start,
			String end, String priority, String submission) {

		static RequestForm of(Map<String, String> params) {
			return new RequestForm(clean(params.get("npi")), clean(params.get("servicingNpi")),
					clean(params.get("memberId")), clean(params.get("service")), clean(params.get("units")),
					clean(params.get("start")), clean(params.get("end")), clean(params.get("priority")),
					clean(params.get("submission")));
		}

		static String clean(String value) {
			return (value == null) ? "" : value.strip();
		}

	}

	@GetMapping("/authorizations/prior/new")
	String form(@AuthenticationPrincipal PorticoUser user, @RequestParam Map<String, String> params, Model model) {
		this.actingFor.requireAny(user, ACTION);
		RequestForm typed = RequestForm.of(params);
		String start = typed.start().isEmpty() ? LocalDate.now(this.clock).toString() : typed.start();
		RequestForm form = new RequestForm(typed.npi(), typed.servicingNpi(), typed.memberId(), typed.service(),
				typed.units().isEmpty() ? "1" : typed.units(), start, typed.end(),
				typed.priority().isEmpty() ? Priority.STANDARD.name() : typed.priority(), UUID.randomUUID().toString());
		return page(user, form, Map.of(), List.of(), model);
	}

	@PostMapping("/authorizations/prior")
	String submit(@AuthenticationPrincipal PorticoUser user, @RequestParam Map<String, String> params,
			HttpServletRequest http, Model model, HttpServletResponse response, RedirectAttributes redirect) {
		RequestForm form = RequestForm.of(params);
		List<Problem> problems = new ArrayList<>();
		Npi requesting = this.actingFor.require(user, form.npi(), "npi", ACTION, problems);
		Optional<SmartSheet> service = this.catalogue.service(form.service());
		if (service.isEmpty()) {
			problems.add(Problem.of("service", "prior-auth.problem.service"));
			response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
			return page(user, form, answersOf(params), problems, model);
		}
		SmartSheet sheet = service.get();
		Npi servicing = null;
		if (Npi.isValid(form.servicingNpi())) {
			servicing = Npi.parse(form.servicingNpi());
		}
		else {
			problems.add(Problem.of("servicingNpi", "prior-auth.problem.servicing-npi"));
		}
		MemberId member = null;
		try {
			member = MemberId.parse(form.memberId());
		}
		catch (IllegalArgumentException ex) {
			problems.add(Problem.of("memberId", "prior-auth.problem.member-id"));
		}
		Integer units = null;
		try {
			units = Integer.valueOf(form.units());
			if (units < 1 || units > 999) {
				units = null;
			}
		}
		catch (NumberFormatException ex) {
			// Told below.
		}
		if (units == null) {
			problems.add(Problem.of("units", "prior-auth.problem.units"));
		}
		LocalDate today = LocalDate.now(this.clock);
		LocalDate start = date(form.start(), "start", "prior-auth.problem.start", problems);
		LocalDate end = date(form.end(), "end", "prior-auth.problem.end", problems);
		if (start != null && start.isBefore(today.minusDays(30))) {
			problems.add(Problem.of("start", "prior-auth.problem.start-past"));
		}
		if (start != null && end != null && end.isBefore(start)) {
			problems.add(Problem.of("end", "prior-auth.problem.end-before-start"));
		}
		Priority priority = null;
		try {
			priority = Priority.valueOf(form.priority());
		}
		catch (IllegalArgumentException ex) {
			problems.add(Problem.of("priority-STANDARD", "prior-auth.problem.priority"));
		}
		if (!form.submission().matches("[0-9a-f-]{36}")) {
			problems.add(Problem.of(null, "prior-auth.problem.submission"));
		}
		SmartSheet.Reading reading = sheet.read(answersOf(params), today);
		for (AnswerProblem p : reading.problems()) {
			problems.add(new Problem("answer-" + p.question(), p.messageKey(), p.arguments()));
		}
		if (member != null && start != null && end != null && !end.isBefore(start)) {
			coverageProblems(member, sheet, start, end, problems);
		}
		List<Document> documents = new ArrayList<>();
		if (problems.isEmpty()) {
			documents = documents(sheet, WebUtils.getNativeRequest(http, MultipartRequest.class), problems);
		}
		if (!problems.isEmpty()) {
			if (member != null) {
				this.audit.record(new AuditEvent(user.getUsername(), ACTION, "member", member.toString(),
						AuditOutcome.FAILURE, problems.size() + " problems, for NPI " + form.npi()));
			}
			response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
			return page(user, form, answersOf(params), problems, model);
		}
		Authorizations.Submitted submitted = this.priorAuthorizations.submit(user,
				new PriorAuthorizations.Submission(member, requesting, servicing, sheet, units, start, end, priority,
						reading.answers(), documents, form.submission()));
		redirect.addFlashAttribute("justSubmitted", !submitted.alreadySubmitted());
		return "redirect:/authorizations/prior/" + submitted.request().trackingNumber();
	}

	private void coverageProblems(MemberId member, SmartSheet sheet, LocalDate start, LocalDate end,
			List<Problem> problems) {
		if (this.members.find(member).isEmpty()) {
			problems.add(Problem.of("memberId", "prior-auth.problem.member-unknown"));
			return;
		}
		Check check = this.catalogue.check(member, sheet, start);
		switch (check.requirement()) {
			case MEMBER_NOT_COVERED -> problems.add(Problem.of("start", "prior-auth.problem.not-covered", start));
			case SERVICE_NOT_COVERED -> problems.add(Problem.of("memberId", "prior-auth.problem.service-not-covered"));
			case NOT_REQUIRED -> problems.add(Problem.of("memberId", "prior-auth.problem.not-required"));
			case REQUIRED -> {
				if (this.eligibility.coverageOn(member, end).isEmpty()) {
					problems.add(Problem.of("end", "prior-auth.problem.not-covered", end));
				}
			}
		}
	}

	/** The files chosen for each of the sheet's documents, checked; all or none. */
	private List<Document> documents(SmartSheet sheet, MultipartRequest multipart, List<Problem> problems) {
		List<Document> documents = new ArrayList<>();
		int attached = 0;
		for (Attachment a : sheet.attachments()) {
			List<MultipartFile> files = (multipart != null) ? multipart.getFiles("document." + a.id()) : List.of();
			try {
				List<CheckedFile> checked = this.uploads.checkAll(files, attached);
				attached += checked.size();
				checked.forEach((f) -> documents.add(new Document(a.id(), f)));
				if (checked.isEmpty() && a.required()) {
					problems.add(Problem.of("document-" + a.id(), "prior-auth.problem.document-required", a.text()));
				}
			}
			catch (UploadRefused refused) {
				List<Object> arguments = new ArrayList<>(List.of(refused.arguments()));
				problems.add(new Problem("document-" + a.id(), refused.messageKey(), arguments));
			}
		}
		return documents;
	}

	private static Map<String, String> answersOf(Map<String, String> params) {
		Map<String, String> answers = new HashMap<>();
		params.forEach((name, value) -> {
			if (name.startsWith("answer.")) {
				answers.put(name.substring("answer.".length()), value);
			}
		});
		return answers;
	}

	private static LocalDate date(String typed, String field, String messageKey, List<Problem> problems) {
		try {
			return LocalDate.parse(typed);
		}
		catch (DateTimeParseException ex) {
			problems.add(Problem.of(field, messageKey));
			return null;
		}
	}

	private String page(PorticoUser user, RequestForm form, Map<String, String> answers, List<Problem> problems,
			Model model) {
		model.addAttribute("form", form);
		model.addAttribute("answers", answers);
		model.addAttribute("problems", new Problems(problems));
		model.addAttribute("npis", this.actingFor.choices(user));
		model.addAttribute("services", this.catalogue.services());
		model.addAttribute("sheet", this.catalogue.service(form.service()).orElse(null));
		model.addAttribute("priorities", Priority.values());
		model.addAttribute("maxFiles", Uploads.MAX_FILES);
		return "authorizations/prior-new";
	}

}
