package org.portico.claims.web;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import jakarta.servlet.http.HttpServletResponse;

import org.portico.access.AccessApi;
import org.portico.access.ProviderFunction;
import org.portico.audit.AuditEvent;
import org.portico.audit.AuditLog;
import org.portico.claims.AdjustmentCase;
import org.portico.claims.AdjustmentCases;
import org.portico.claims.AdjustmentCases.Outcome;
import org.portico.claims.AdjustmentRequest;
import org.portico.claims.AdjustmentRequest.AttachmentFile;
import org.portico.claims.AdjustmentRequest.CorrectedLine;
import org.portico.claims.AdjustmentRequest.DisputeCategory;
import org.portico.claims.AdjustmentRequest.RefundMethod;
import org.portico.claims.AdjustmentRequest.RefundReason;
import org.portico.claims.AdjustmentType;
import org.portico.claims.ClaimDetail;
import org.portico.claims.ClaimInquiry;
import org.portico.claims.ClaimNumber;
import org.portico.claims.TimelyFiling;
import org.portico.claims.TrackingNumber;
import org.portico.identity.PorticoUser;
import org.portico.platform.uploads.UploadRefused;
import org.portico.platform.uploads.Uploads;
import org.portico.providers.Npi;
import org.portico.providers.ProviderApi;

import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Claim adjustments as the office asks for them from a claim: a corrected claim, a void,
 * a payment dispute with files, or funds returned; then the case to follow, and the
 * practice's list of cases. A claim or case the user may not see is "not found"; a claim
 * the user sees but may not adjust is refused with the 403 page. Both are audited.
 */
@Controller
class AdjustmentController {

	private final ClaimInquiry inquiry;

	private final AdjustmentCases cases;

	private final AccessApi access;

	private final AuditLog audit;

	private final Uploads uploads;

	private final TimelyFiling timelyFiling;

	private final ProviderApi providers;

	private final MessageSource messages;

	AdjustmentController(ClaimInquiry inquiry, AdjustmentCases cases, AccessApi access, AuditLog audit, Uploads uploads,
			TimelyFiling timelyFiling, ProviderApi providers, MessageSource messages) {
		this.inquiry = inquiry;
		this.cases = cases;
		this.access = access;
		this.audit = audit;
		this.uploads = uploads;
		this.timelyFiling = timelyFiling;
		this.providers = providers;
		this.messages = messages;
	}

	/**
	 * The field each problem of the form is about, so the list of problems links to it
	 * and the field says it is wrong. The line problems point to the lines as a whole.
	 */
	private static final Map<String, String> FIELDS = Map.ofEntries(Map.entry("adjustment.problem.reason", "reason"),
			Map.entry("adjustment.problem.reason-too-long", "reason"),
			Map.entry("adjustment.problem.lines", "lines-heading"),
			Map.entry("adjustment.problem.procedure-code", "lines-heading"),
			Map.entry("adjustment.problem.modifiers", "lines-heading"),
			Map.entry("adjustment.problem.units", "lines-heading"),
			Map.entry("adjustment.problem.billed", "lines-heading"),
			Map.entry("adjustment.problem.nothing-changed", "lines-heading"),
			Map.entry("adjustment.problem.amount", "amount"),
			Map.entry("adjustment.problem.amount-above-paid", "amount"),
			Map.entry("adjustment.problem.refund-reason", "refundReason"),
			Map.entry("adjustment.problem.other-reason", "otherReason"),
			Map.entry("adjustment.problem.other-reason-too-long", "otherReason"),
			Map.entry("adjustment.problem.refund-method", "method"),
			Map.entry("adjustment.problem.dispute-category", "category"),
			Map.entry("adjustment.problem.narrative", "narrative"),
			Map.entry("adjustment.problem.narrative-too-long", "narrative"),
			Map.entry("adjustment.problem.too-many-files", "files"));

	/** A line of the corrected claim form, as typed, beside the line as billed. */
	record LineInput(ClaimDetail.Line original, String procedure, String modifiers, String units, String billed) {

		static LineInput of(ClaimDetail.Line l) {
			return new LineInput(l, (l.procedureCode() != null) ? l.procedureCode() : "",
					String.join(" ", l.modifiers()), String.valueOf(l.units()), l.billed().toPlainString());
		}

	}

	/** The form's fields other than lines and files, as typed. */
	record Form(String submission, String reason, String amount, String refundReason, String otherReason, String method,
			String category, String narrative) {

		static Form empty() {
			return new Form(UUID.randomUUID().toString(), "", "", "", "", "", "", "");
		}

		static Form of(MultiValueMap<String, String> params) {
			return new Form(value(params, "submission"), value(params, "reason"), value(params, "amount"),
					value(params, "refundReason"), value(params, "otherReason"), value(params, "method"),
					value(params, "category"), value(params, "narrative"));
		}

	}

	@GetMapping("/claims/{number:[0-9]{12}}/adjustments/new")
	String form(@AuthenticationPrincipal PorticoUser user, @PathVariable String number,
			@RequestParam(defaultValue = "") String type, Model model, RedirectAttributes redirect) {
		AdjustmentType kind = type(type);
		ClaimDetail claim = adjustable(user, number, "adjustment form");
		Optional<AdjustmentCase.Summary> open = this.cases.casesOfClaim(claim.number())
			.stream()
			.filter((c) -> c.type() == kind && c.status().isOpen())
			.findFirst();
		if (open.isPresent()) {
			redirect.addFlashAttribute("alreadyOpen", true);
			return "redirect:/claims/adjustments/" + open.get().tracking();
		}
		List<LineInput> lines = claim.lines().stream().map(LineInput::of).toList();
		return page(claim, kind, Form.empty(), lines, List.of(), model);
	}

	@PostMapping("/claims/{number:[0-9]{12}}/adjustments")
	String open(@AuthenticationPrincipal PorticoUser user, @PathVariable String number,
			@RequestParam MultiValueMap<String, String> params,
			@RequestParam(name = "files", required = false) List<MultipartFile> files, Model model,
			HttpServletResponse response, RedirectAttributes redirect) {
		AdjustmentType kind = type(value(params, "type"));
		ClaimDetail claim = adjustable(user, number, "adjustment request");
		Form form = Form.of(params);
		List<String> problems = new ArrayList<>();
		UUID submission = submission(form.submission());
		List<LineInput> lines = claim.lines()
			.stream()
			.map((l) -> new LineInput(l, value(params, "procedure-" + l.number()),
					value(params, "modifiers-" + l.number()), value(params, "units-" + l.number()),
					value(params, "billed-" + l.number())))
			.toList();
		AdjustmentRequest request = switch (kind) {
			case CORRECTED_CLAIM, VOID -> new AdjustmentRequest.Correction(kind,
					(kind == AdjustmentType.VOID) ? List.of() : lines.stream().map((l) -> line(l, problems)).toList(),
					form.reason());
			case RETURN_FUNDS ->
				new AdjustmentRequest.ReturnFunds(money(form.amount(), problems, "adjustment.problem.amount"),
						parse(RefundReason.class, form.refundReason()), form.otherReason(),
						parse(RefundMethod.class, form.method()));
			case PAYMENT_DISPUTE -> new AdjustmentRequest.PaymentDispute(parse(DisputeCategory.class, form.category()),
					form.narrative(), List.of());
		};
		problems.addAll(this.cases.problems(claim, request));
		if (kind == AdjustmentType.PAYMENT_DISPUTE && problems.isEmpty()) {
			try {
				request = new AdjustmentRequest.PaymentDispute(parse(DisputeCategory.class, form.category()),
						form.narrative(), checked(files, 0));
			}
			catch (UploadRefused refused) {
				this.audit.record(new AuditEvent(user.getUsername(), "claim.adjustment.open", "claim", number,
						org.portico.audit.AuditOutcome.FAILURE, "file refused: " + refused.messageKey()));
				problems.add(text(refused));
			}
		}
		if (problems.isEmpty() && submission == null) {
			problems.add("adjustment.problem.submission");
		}
		if (problems.isEmpty()) {
			Outcome outcome = this.cases.open(user, claim, request, submission);
			if (outcome instanceof Outcome.Opened opened) {
				redirect.addFlashAttribute("opened", true);
				return "redirect:/claims/adjustments/" + opened.tracking();
			}
			if (outcome instanceof Outcome.AlreadyOpen already) {
				redirect.addFlashAttribute("alreadyOpen", true);
				return "redirect:/claims/adjustments/" + already.tracking();
			}
			problems.addAll(((Outcome.Refused) outcome).messageKeys());
		}
		response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
		return page(claim, kind, form, lines, problems.stream().distinct().toList(), model);
	}

	@GetMapping("/claims/adjustments")
	String list(@AuthenticationPrincipal PorticoUser user, Model model) {
		model.addAttribute("cases", this.cases.casesOf(user));
		model.addAttribute("listed", AdjustmentCases.LISTED);
		model.addAttribute("staff", false);
		return "claims/adjustments";
	}

	@GetMapping("/claims/adjustments/{tracking}")
	String adjustmentCase(@AuthenticationPrincipal PorticoUser user, @PathVariable String tracking, Model model) {
		AdjustmentCase found = this.cases.caseFor(user, trackingNumber(tracking))
			.orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
		return casePage(user, found, List.of(), model);
	}

	@PostMapping("/claims/adjustments/{tracking}/information")
	String addInformation(@AuthenticationPrincipal PorticoUser user, @PathVariable String tracking,
			@RequestParam(defaultValue = "") String note,
			@RequestParam(name = "files", required = false) List<MultipartFile> files, Model model,
			HttpServletResponse response, RedirectAttributes redirect) {
		TrackingNumber number = trackingNumber(tracking);
		// Nothing of the files is looked at for a case the user may not see.
		AdjustmentCase found = this.cases.caseFor(user, number)
			.orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
		// Nor for one the user follows but may not add to: refused before any file is
		// read.
		if (!this.access.may(user.accountId(), ProviderFunction.CLAIM_ADJUSTMENTS, found.payeeNpi())) {
			this.audit.record(AuditEvent.denied(user.getUsername(), "claim.adjustment.add-information",
					"adjustment-case", number.value()));
			throw new AccessDeniedException("No claim adjustments for " + number);
		}
		List<AttachmentFile> checked;
		try {
			checked = checked(files, found.attachments().size());
		}
		catch (UploadRefused refused) {
			this.audit.record(new AuditEvent(user.getUsername(), "claim.adjustment.add-information", "adjustment-case",
					number.value(), org.portico.audit.AuditOutcome.FAILURE, "file refused: " + refused.messageKey()));
			response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
			return casePage(user, found, List.of(text(refused)), model);
		}
		List<String> problems = this.cases.addInformation(user, number, note, checked)
			.orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
		if (problems.contains("adjustment.problem.no-adjustments")) {
			throw new AccessDeniedException("No claim adjustments for " + number);
		}
		if (!problems.isEmpty()) {
			response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
			return casePage(user, this.cases.caseFor(user, number).orElseThrow(), problems, model);
		}
		redirect.addFlashAttribute("informationSent", true);
		return "redirect:/claims/adjustments/" + number;
	}

	@GetMapping("/claims/adjustments/{tracking}/files/{id:[0-9]{1,18}}")
	ResponseEntity<byte[]> file(@AuthenticationPrincipal PorticoUser user, @PathVariable String tracking,
			@PathVariable long id) {
		return AdjustmentWeb.download(this.cases.file(user, trackingNumber(tracking), id)
			.orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND)));
	}

	private String casePage(PorticoUser user, AdjustmentCase found, List<String> problems, Model model) {
		model.addAttribute("adjustment", found);
		model.addAttribute("staff", false);
		model.addAttribute("mayAddFiles", found.mayAddFiles()
				&& this.access.may(user.accountId(), ProviderFunction.CLAIM_ADJUSTMENTS, found.payeeNpi()));
		model.addAttribute("problems", problems);
		model.addAttribute("maxFiles", Uploads.MAX_FILES);
		return "claims/adjustment-case";
	}

	/**
	 * The claim, when the user may see it and holds claim adjustments for its payee NPI.
	 * One the user may not see is not found; one they see but may not adjust is refused.
	 */
	private ClaimDetail adjustable(PorticoUser user, String number, String viewedAs) {
		ClaimDetail claim = this.inquiry.claim(user, new ClaimNumber(number), viewedAs)
			.orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
		if (!this.cases.mayAdjust(user, claim)) {
			this.audit.record(AuditEvent.denied(user.getUsername(), "claim.adjustment.open", "claim", number));
			throw new AccessDeniedException("No claim adjustments for the payee of " + number);
		}
		return claim;
	}

	private String page(ClaimDetail claim, AdjustmentType kind, Form form, List<LineInput> lines, List<String> problems,
			Model model) {
		model.addAttribute("claim", claim);
		model.addAttribute("type", kind);
		model.addAttribute("form", form);
		model.addAttribute("lines", lines);
		model.addAttribute("problems", problems);
		Map<String, String> fields = new HashMap<>();
		problems.stream().filter(FIELDS::containsKey).forEach((p) -> fields.put(p, FIELDS.get(p)));
		model.addAttribute("problemFields", fields);
		model.addAttribute("invalid", Set.copyOf(fields.values()));
		model.addAttribute("refusal", this.cases.refusal(claim, kind).orElse(null));
		model.addAttribute("timelyFilingDays", this.timelyFiling.days());
		model.addAttribute("lastDay", this.timelyFiling.lastDay(claim.serviceFrom()));
		model.addAttribute("refundReasons", RefundReason.values());
		model.addAttribute("refundMethods", RefundMethod.values());
		model.addAttribute("categories", DisputeCategory.values());
		model.addAttribute("maxFiles", Uploads.MAX_FILES);
		Set<Npi> npis = new HashSet<>(List.of(claim.billingNpi(), claim.payeeNpi()));
		model.addAttribute("names", ClaimWeb.names(this.providers.findAll(List.copyOf(npis))));
		return "claims/adjustment-form";
	}

	private List<AttachmentFile> checked(List<MultipartFile> files, int already) {
		return this.uploads.checkAll(files, already)
			.stream()
			.map((f) -> new AttachmentFile(f.name(), f.kind().mediaType(), f.content(), f.sha256()))
			.toList();
	}

	/** A refused file's message, in words, as a problem the page lists. */
	private String text(UploadRefused refused) {
		return "=" + this.messages.getMessage(refused.messageKey(), refused.arguments(),
				org.springframework.context.i18n.LocaleContextHolder.getLocale());
	}

	private static CorrectedLine line(LineInput l, List<String> problems) {
		String procedure = l.procedure().toUpperCase(java.util.Locale.ROOT);
		List<String> modifiers = l.modifiers().isBlank() ? List.of()
				: Arrays.asList(l.modifiers().toUpperCase(java.util.Locale.ROOT).strip().split("[\\s,:-]+"));
		int units;
		try {
			units = Integer.parseInt(l.units());
		}
		catch (NumberFormatException ex) {
			units = 0;
		}
		BigDecimal billed = money(l.billed(), problems, "adjustment.problem.billed");
		return new CorrectedLine(l.original().number(), procedure.isEmpty() ? null : procedure, modifiers, units,
				(billed != null) ? billed : BigDecimal.ONE.negate());
	}

	/** An amount of money as typed ($1,234.50), or null with the problem added. */
	static BigDecimal money(String typed, List<String> problems, String problem) {
		try {
			BigDecimal amount = new BigDecimal(typed.replaceAll("[$,\\s]", ""));
			if (amount.scale() > 2) {
				throw new NumberFormatException();
			}
			return amount;
		}
		catch (NumberFormatException ex) {
			problems.add(problem);
			return null;
		}
	}

	private static <E extends Enum<E>> E parse(Class<E> type, String typed) {
		try {
			return Enum.valueOf(type, typed);
		}
		catch (IllegalArgumentException ex) {
			return null;
		}
	}

	private static AdjustmentType type(String typed) {
		AdjustmentType kind = AdjustmentType.parse(typed);
		if (kind == null) {
			throw new ResponseStatusException(HttpStatus.NOT_FOUND);
		}
		return kind;
	}

	private static UUID submission(String typed) {
		try {
			return UUID.fromString(typed);
		}
		catch (IllegalArgumentException ex) {
			return null;
		}
	}

	static TrackingNumber trackingNumber(String typed) {
		TrackingNumber number = TrackingNumber.parse(typed);
		if (number == null) {
			throw new ResponseStatusException(HttpStatus.NOT_FOUND);
		}
		return number;
	}

	private static String value(MultiValueMap<String, String> params, String name) {
		String value = params.getFirst(name);
		return (value == null) ? "" : value.strip();
	}

}
