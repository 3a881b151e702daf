package org.portico.members.web;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;

import jakarta.servlet.http.HttpServletResponse;

import org.portico.audit.AuditEvent;
import org.portico.audit.AuditLog;
import org.portico.audit.AuditOutcome;
import org.portico.identity.PorticoUser;
import org.portico.members.EligibilityBatch;
import org.portico.members.EligibilityBatchFile;
import org.portico.members.EligibilityBatchRow;
import org.portico.members.EligibilityBatches;
import org.portico.providers.Npi;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.MessageSource;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.unit.DataSize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.server.ResponseStatusException;

/**
 * Batch eligibility: upload a CSV file of members acting for one of the user's NPIs,
 * watch it being checked, download the result. A file that cannot be read as a whole is
 * refused with the line at fault and nothing is stored. A job opens only for the account
 * that uploaded it, while it still may act for the job's NPI; anyone else gets "not
 * found", audited.
 */
@Controller
class EligibilityBatchController {

	static final String PATH = "/eligibility/batches";

	private static final Pattern UUID_TEXT = Pattern.compile("[0-9a-f-]{36}");

	private static final String TEMPLATE = String.join(",", EligibilityBatchFile.COLUMNS) + "\r\n";

	private final EligibilityBatches batches;

	private final ActingFor actingFor;

	private final AuditLog audit;

	private final MessageSource messages;

	private final DataSize maxFileSize;

	EligibilityBatchController(EligibilityBatches batches, ActingFor actingFor, AuditLog audit, MessageSource messages,
			@Value("${portico.eligibility.batch-max-size}") DataSize maxFileSize) {
		this.batches = batches;
		this.actingFor = actingFor;
		this.audit = audit;
		this.messages = messages;
		this.maxFileSize = maxFileSize;
	}

	/** Something wrong with the upload, in words: a message key and what it shows. */
	record Problem(String key, Object... arguments) {
	}

	@GetMapping(PATH)
	String page(@AuthenticationPrincipal PorticoUser user,
			@RequestParam(name = "too-large", required = false) String tooLarge, Model model) {
		return page(user, "", (tooLarge != null) ? List.of(tooLarge()) : List.of(), model);
	}

	@PostMapping(PATH)
	String upload(@AuthenticationPrincipal PorticoUser user, @RequestParam(defaultValue = "") String npi,
			@RequestParam(required = false) MultipartFile file, @RequestParam(defaultValue = "") String submission,
			Model model, HttpServletResponse response) throws IOException {
		List<String> npiProblems = new ArrayList<>();
		Npi actingFor = this.actingFor.require(user, npi, "eligibility.batch.submit", npiProblems);
		List<Problem> problems = new ArrayList<>(npiProblems.stream().map(Problem::new).toList());
		EligibilityBatchFile read = null;
		if (file == null || file.getOriginalFilename() == null || file.getOriginalFilename().isBlank()) {
			problems.add(new Problem("eligibility.batch.problem.no-file"));
		}
		else if (file.getSize() > this.maxFileSize.toBytes()) {
			problems.add(tooLarge());
		}
		else {
			try {
				read = EligibilityBatchFile.read(file.getBytes());
			}
			catch (EligibilityBatchFile.Malformed ex) {
				problems.add(new Problem(ex.problem().messageKey(), ex.messageArguments()));
			}
		}
		if (!problems.isEmpty()) {
			response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
			return page(user, npi, problems, model);
		}
		// Without the form's own key, an earlier submit of it cannot be recognized.
		String key = UUID_TEXT.matcher(submission).matches() ? submission : UUID.randomUUID().toString();
		EligibilityBatches.Submitted submitted = this.batches.submit(user.accountId(), user.getUsername(), actingFor,
				key, fileName(file), read);
		if (submitted.created()) {
			this.audit.record(new AuditEvent(user.getUsername(), "eligibility.batch.submit", "eligibility-batch",
					submitted.id().toString(), AuditOutcome.SUCCESS,
					read.rows().size() + " rows for NPI " + actingFor.value()));
		}
		return "redirect:" + PATH + "/" + submitted.id();
	}

	/** The header row alone, to fill in. */
	@GetMapping(PATH + "/template.csv")
	ResponseEntity<String> template() {
		return ResponseEntity.ok()
			.contentType(new MediaType("text", "csv", StandardCharsets.UTF_8))
			.header(HttpHeaders.CONTENT_DISPOSITION,
					ContentDisposition.attachment().filename("eligibility-batch-template.csv").build().toString())
			.body(TEMPLATE);
	}

	@GetMapping(PATH + "/{id}")
	String batch(@AuthenticationPrincipal PorticoUser user, @PathVariable String id, Model model) {
		EligibilityBatch batch = owned(user, id, "eligibility.batch.view");
		model.addAttribute("batch", batch);
		model.addAttribute("actingFor", this.actingFor.label(batch.npi()));
		model.addAttribute("utc", ZoneOffset.UTC);
		return "members/batch";
	}

	/**
	 * The progress alone, which the status page asks for every second until done (htmx).
	 */
	@GetMapping(PATH + "/{id}/progress")
	String progress(@AuthenticationPrincipal PorticoUser user, @PathVariable String id, Model model) {
		model.addAttribute("batch", owned(user, id, "eligibility.batch.view"));
		model.addAttribute("utc", ZoneOffset.UTC);
		return "members/batch :: progress";
	}

	@GetMapping(PATH + "/{id}/result.csv")
	void result(@AuthenticationPrincipal PorticoUser user, @PathVariable String id, Locale locale,
			HttpServletResponse response) throws IOException {
		EligibilityBatch batch = owned(user, id, "eligibility.batch.download");
		List<EligibilityBatchRow> rows = this.batches.result(user.accountId(), batch.id())
			.orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
		this.audit.record(new AuditEvent(user.getUsername(), "eligibility.batch.download", "eligibility-batch",
				batch.id().toString(), AuditOutcome.SUCCESS, rows.size() + " rows for NPI " + batch.npi().value()));
		response.setContentType("text/csv;charset=UTF-8");
		response.setHeader(HttpHeaders.CONTENT_DISPOSITION,
				ContentDisposition.attachment()
					.filename("eligibility-batch-" + batch.createdAt().atOffset(ZoneOffset.UTC).toLocalDate() + ".csv")
					.build()
					.toString());
		response.setHeader(HttpHeaders.CACHE_CONTROL, "no-store");
		Writer out = response.getWriter();
		new EligibilityBatchCsv(this.messages, locale).write(rows, out);
		out.flush();
	}

	/**
	 * The user's own job, while they may still act for its NPI; "not found", audited, for
	 * anyone else, an expired job or an id that is none.
	 */
	private EligibilityBatch owned(PorticoUser user, String id, String action) {
		Optional<EligibilityBatch> batch = Optional.empty();
		if (UUID_TEXT.matcher(id).matches()) {
			try {
				batch = this.batches.find(user.accountId(), UUID.fromString(id))
					.filter((b) -> this.actingFor.may(user, b.npi()));
			}
			catch (IllegalArgumentException ex) {
				// Not an id: not found.
			}
		}
		if (batch.isEmpty()) {
			this.audit.record(AuditEvent.denied(user.getUsername(), action, "eligibility-batch",
					id.substring(0, Math.min(id.length(), 80))));
			throw new ResponseStatusException(HttpStatus.NOT_FOUND);
		}
		return batch.get();
	}

	private Problem tooLarge() {
		return new Problem("eligibility.batch.problem.too-large", this.maxFileSize.toMegabytes() + " MB");
	}

	private String page(PorticoUser user, String npi, List<Problem> problems, Model model) {
		model.addAttribute("npis", this.actingFor.choices(user));
		model.addAttribute("npi", npi);
		model.addAttribute("problems", problems);
		model.addAttribute("submission", UUID.randomUUID().toString());
		model.addAttribute("maxBytes", this.maxFileSize.toBytes());
		model.addAttribute("maxSize", this.maxFileSize.toMegabytes() + " MB");
		model.addAttribute("columns", EligibilityBatchFile.COLUMNS);
		model.addAttribute("maxRows", EligibilityBatchFile.MAX_ROWS);
		model.addAttribute("batches", this.batches.recent(user.accountId()));
		model.addAttribute("utc", ZoneOffset.UTC);
		return "members/batches";
	}

	/** The file's own name, without a path, as the list of batches shows it. */
	static String fileName(MultipartFile file) {
		String name = (file.getOriginalFilename() != null) ? file.getOriginalFilename() : "";
		name = name.substring(name.replace('\\', '/').lastIndexOf('/') + 1).replaceAll("\\p{Cntrl}", "").strip();
		if (name.isEmpty()) {
			return "upload.csv";
		}
		return (name.length() > 120) ? name.substring(0, 120) : name;
	}

}
