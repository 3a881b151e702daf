package org.portico.claims;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.portico.access.AccessApi;
import org.portico.access.ProviderFunction;
import org.portico.audit.AuditEvent;
import org.portico.audit.AuditLog;
import org.portico.audit.AuditOutcome;
import org.portico.claims.AdjustmentCase.Attachment;
import org.portico.claims.AdjustmentCase.Event;
import org.portico.claims.AdjustmentCase.Summary;
import org.portico.claims.AdjustmentRequest.AttachmentFile;
import org.portico.claims.AdjustmentRequest.CorrectedLine;
import org.portico.claims.AdjustmentRequest.Correction;
import org.portico.claims.AdjustmentRequest.PaymentDispute;
import org.portico.claims.AdjustmentRequest.RefundReason;
import org.portico.claims.AdjustmentRequest.ReturnFunds;
import org.portico.claims.ClaimDetail.Frequency;
import org.portico.identity.AccountId;
import org.portico.identity.EmailAddresses;
import org.portico.identity.PorticoUser;
import org.portico.notifications.Email;
import org.portico.notifications.Notifications;
import org.portico.providers.Npi;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Claim adjustment cases: corrected claims, voids, payment disputes and returned funds,
 * opened by an office holding the claim adjustments function for the claim's payee NPI
 * and followed by anyone of the practice who may see the claim; worked by claims staff.
 * Each change of status is kept with who made it and when, and mailed to the requester
 * (the tracking number and a link only, never PHI). A case of a claim the user may not
 * see is as absent as one that does not exist; every view, change and refusal is audited.
 */
@Service
public class AdjustmentCases {

	/** How many of a practice's cases its list shows, newest first. */
	public static final int LISTED = 200;

	/**
	 * The most characters a reason, note or narrative may hold: what the case's columns
	 * keep.
	 */
	public static final int MAX_TEXT = 2000;

	private final JdbcClient jdbc;

	private final AccessApi access;

	private final AuditLog audit;

	private final Notifications notifications;

	private final EmailAddresses emails;

	private final TimelyFiling timelyFiling;

	private final Clock clock;

	AdjustmentCases(JdbcClient jdbc, AccessApi access, AuditLog audit, Notifications notifications,
			EmailAddresses emails, TimelyFiling timelyFiling, Clock clock) {
		this.jdbc = jdbc;
		this.access = access;
		this.audit = audit;
		this.notifications = notifications;
		this.emails = emails;
		this.timelyFiling = timelyFiling;
		this.clock = clock;
	}

	/** How opening a case ended. */
	public sealed interface Outcome {

		record Opened(TrackingNumber tracking) implements Outcome {
		}

		/**
		 * Nothing new was opened: the same form was sent twice, or a case of this type
		 * for the claim is still open.
		 */
		record AlreadyOpen(TrackingNumber tracking) implements Outcome {
		}

		record Refused(List<String> messageKeys) implements Outcome {
		}

	}

	/**
	 * Whether the user may open adjustment cases for the claim: its payee NPI decides.
	 */
	public boolean mayAdjust(PorticoUser user, ClaimDetail claim) {
		return !user.isStaff()
				&& this.access.may(user.accountId(), ProviderFunction.CLAIM_ADJUSTMENTS, claim.payeeNpi());
	}

	/**
	 * Why a request of this type cannot be made for the claim, as a message key; empty
	 * when it can.
	 */
	public Optional<String> refusal(ClaimDetail claim, AdjustmentType type) {
		if (claim.frequency() == Frequency.VOID || claim.history()
			.stream()
			.anyMatch((v) -> v.frequency() == Frequency.VOID && !v.number().equals(claim.number()))) {
			return Optional.of("adjustment.problem.voided");
		}
		if (!claim.status().isFinal()) {
			return Optional.of("adjustment.problem.not-finalized");
		}
		if (type.changesTheClaim()) {
			boolean replacedLater = claim.history()
				.stream()
				.anyMatch((v) -> v.frequency() == Frequency.REPLACEMENT && !v.number().equals(claim.number())
						&& v.receivedDate().isAfter(claim.receivedDate()));
			if (replacedLater) {
				return Optional.of("adjustment.problem.replaced");
			}
			if (this.timelyFiling.isPast(claim.serviceFrom())) {
				return Optional.of("adjustment.problem.timely-filing");
			}
		}
		if (type == AdjustmentType.RETURN_FUNDS && claim.paid().signum() <= 0) {
			return Optional.of("adjustment.problem.nothing-paid");
		}
		return Optional.empty();
	}

	/**
	 * What is wrong with the request for this claim, as message keys: lines that are not
	 * the claim's, nothing corrected, an amount above what was paid.
	 */
	public List<String> problems(ClaimDetail claim, AdjustmentRequest request) {
		List<String> problems = new ArrayList<>();
		refusal(claim, request.type()).ifPresent(problems::add);
		if (request instanceof Correction c) {
			if (blank(c.reason())) {
				problems.add("adjustment.problem.reason");
			}
			else if (tooLong(c.reason())) {
				problems.add("adjustment.problem.reason-too-long");
			}
			if (c.type() == AdjustmentType.CORRECTED_CLAIM) {
				problems.addAll(lineProblems(claim, c.lines()));
			}
		}
		else if (request instanceof ReturnFunds r) {
			if (r.amount() == null || r.amount().signum() <= 0) {
				problems.add("adjustment.problem.amount");
			}
			else if (r.amount().compareTo(claim.paid()) > 0) {
				problems.add("adjustment.problem.amount-above-paid");
			}
			if (r.reason() == null) {
				problems.add("adjustment.problem.refund-reason");
			}
			else if (r.reason() == RefundReason.OTHER && blank(r.otherReason())) {
				problems.add("adjustment.problem.other-reason");
			}
			if (tooLong(r.otherReason())) {
				problems.add("adjustment.problem.other-reason-too-long");
			}
			if (r.method() == null) {
				problems.add("adjustment.problem.refund-method");
			}
		}
		else if (request instanceof PaymentDispute d) {
			if (d.category() == null) {
				problems.add("adjustment.problem.dispute-category");
			}
			if (blank(d.narrative())) {
				problems.add("adjustment.problem.narrative");
			}
			else if (tooLong(d.narrative())) {
				problems.add("adjustment.problem.narrative-too-long");
			}
			if (d.files().size() > AdjustmentCase.MAX_ATTACHMENTS) {
				problems.add("adjustment.problem.too-many-files");
			}
		}
		return problems;
	}

	private static List<String> lineProblems(ClaimDetail claim, List<CorrectedLine> lines) {
		List<String> problems = new ArrayList<>();
		Map<Integer, ClaimDetail.Line> original = claim.lines()
			.stream()
			.collect(Collectors.toMap(ClaimDetail.Line::number, Function.identity()));
		if (lines.size() != original.size()
				|| !lines.stream().map(CorrectedLine::number).collect(Collectors.toSet()).equals(original.keySet())) {
			problems.add("adjustment.problem.lines");
			return problems;
		}
		boolean changed = false;
		for (CorrectedLine line : lines) {
			ClaimDetail.Line was = original.get(line.number());
			if (line.procedureCode() == null ? was.revenueCode() == null
					: !line.procedureCode().matches("[A-Z0-9][0-9]{3}[A-Z0-9]")) {
				problems.add("adjustment.problem.procedure-code");
			}
			if (line.modifiers().size() > 4 || line.modifiers().stream().anyMatch((m) -> !m.matches("[A-Z0-9]{2}"))) {
				problems.add("adjustment.problem.modifiers");
			}
			if (line.units() < 1 || line.units() > 999) {
				problems.add("adjustment.problem.units");
			}
			if (line.billed() == null || line.billed().signum() <= 0 || line.billed().scale() > 2
					|| line.billed().compareTo(new BigDecimal("99999999.99")) > 0) {
				problems.add("adjustment.problem.billed");
			}
			changed |= !Objects.equals(line.procedureCode(), was.procedureCode())
					|| !line.modifiers().equals(was.modifiers()) || line.units() != was.units()
					|| (line.billed() != null && line.billed().compareTo(was.billed()) != 0);
		}
		if (!changed && problems.isEmpty()) {
			problems.add("adjustment.problem.nothing-changed");
		}
		return problems.stream().distinct().toList();
	}

	/**
	 * Opens a case for the claim, which the caller has read as the user and found the
	 * user may adjust. A second submit of the same form, or a request while a case of the
	 * same type is open for the claim, opens nothing and answers with that case. The
	 * case, its lines, files, first history entry and the requester's email are written
	 * together.
	 */
	@Transactional
	public Outcome open(PorticoUser user, ClaimDetail claim, AdjustmentRequest request, UUID submission) {
		Optional<TrackingNumber> sent = bySubmission(user.accountId(), submission);
		if (sent.isPresent()) {
			return new Outcome.AlreadyOpen(sent.get());
		}
		Optional<TrackingNumber> open = openCase(claim.number(), request.type());
		if (open.isPresent()) {
			return new Outcome.AlreadyOpen(open.get());
		}
		List<String> problems = problems(claim, request);
		if (!problems.isEmpty()) {
			this.audit.record(new AuditEvent(user.getUsername(), "claim.adjustment.open", "claim",
					claim.number().value(), AuditOutcome.FAILURE, request.type() + " refused: " + problems));
			return new Outcome.Refused(problems);
		}
		String reason = null;
		String reasonText = null;
		BigDecimal amount = null;
		String method = null;
		if (request instanceof Correction c) {
			reasonText = c.reason().strip();
		}
		else if (request instanceof ReturnFunds r) {
			reason = r.reason().name();
			reasonText = blank(r.otherReason()) ? null : r.otherReason().strip();
			amount = r.amount();
			method = r.method().name();
		}
		else if (request instanceof PaymentDispute d) {
			reason = d.category().name();
			reasonText = d.narrative().strip();
		}
		Timestamp now = now();
		// A double submit or a colleague's request a moment ago: theirs stands, and
		// nothing
		// fails in the transaction (a failed insert would end it on PostgreSQL).
		int inserted = this.jdbc.sql("""
				INSERT INTO claims.adjustment_case (case_type, claim_number, payee_npi, requested_by_account,
				  requested_by, submission_key, status, open_key, submitted_at, updated_at, reason, reason_text,
				  refund_amount, refund_method)
				VALUES (?, ?, ?, ?, ?, ?, 'SUBMITTED', ?, ?, ?, ?, ?, ?, ?)
				ON CONFLICT DO NOTHING
				""")
			.params(request.type().name(), claim.number().value(), claim.payeeNpi().value(), user.accountId().value(),
					user.getUsername(), submission, openKey(claim.number(), request.type()), now, now, reason,
					reasonText, amount, method)
			.update();
		if (inserted == 0) {
			return new Outcome.AlreadyOpen(
					bySubmission(user.accountId(), submission).or(() -> openCase(claim.number(), request.type()))
						.orElseThrow());
		}
		TrackingNumber tracking = bySubmission(user.accountId(), submission).orElseThrow();
		long id = tracking.caseId();
		if (request instanceof Correction c) {
			for (CorrectedLine line : c.lines()) {
				this.jdbc.sql("""
						INSERT INTO claims.adjustment_case_line (case_id, line_number, procedure_code, modifiers, units,
						  billed)
						VALUES (?, ?, ?, ?, ?, ?)
						""")
					.params(id, line.number(), line.procedureCode(),
							line.modifiers().isEmpty() ? null : String.join(" ", line.modifiers()), line.units(),
							line.billed())
					.update();
			}
		}
		if (request instanceof PaymentDispute d) {
			attach(id, d.files(), user.getUsername(), now);
		}
		event(id, CaseStatus.SUBMITTED, user.getUsername(), null, now);
		tell(user.accountId(), tracking, CaseStatus.SUBMITTED);
		this.audit.record(new AuditEvent(user.getUsername(), "claim.adjustment.open", "claim", claim.number().value(),
				AuditOutcome.SUCCESS, tracking + " " + request.type()
						+ ((request instanceof PaymentDispute d) ? ", " + d.files().size() + " file(s)" : "")));
		return new Outcome.Opened(tracking);
	}

	/**
	 * The case, for a user of the practice: one holding claim status access for its payee
	 * NPI. Any other gets what a case not on file gets; the attempt is audited.
	 */
	@Transactional(readOnly = true)
	public Optional<AdjustmentCase> caseFor(PorticoUser user, TrackingNumber tracking) {
		Optional<AdjustmentCase> found = visible(user, tracking, "claim.adjustment.view");
		found.ifPresent((c) -> this.audit.record(new AuditEvent(user.getUsername(), "claim.adjustment.view",
				"adjustment-case", tracking.value(), AuditOutcome.SUCCESS, "claim " + c.claim())));
		return found;
	}

	/** The case for claims staff. */
	@Transactional(readOnly = true)
	public Optional<AdjustmentCase> caseForStaff(PorticoUser staff, TrackingNumber tracking) {
		Optional<AdjustmentCase> found = load(tracking.caseId());
		this.audit.record(new AuditEvent(staff.getUsername(), "claim.adjustment.view", "adjustment-case",
				tracking.value(), found.isPresent() ? AuditOutcome.SUCCESS : AuditOutcome.FAILURE,
				found.map((c) -> "claim " + c.claim()).orElse("not on file")));
		return found;
	}

	private Optional<AdjustmentCase> visible(PorticoUser user, TrackingNumber tracking, String action) {
		if (user.isStaff()) {
			// Plan staff work cases through the staff pages; here they are refused, and
			// the
			// record says so rather than that the case is not on file.
			this.audit.record(new AuditEvent(user.getUsername(), action, "adjustment-case", tracking.value(),
					AuditOutcome.DENIED, "plan staff on the office's page"));
			return Optional.empty();
		}
		Optional<AdjustmentCase> found = load(tracking.caseId());
		if (found.isEmpty()) {
			this.audit.record(new AuditEvent(user.getUsername(), action, "adjustment-case", tracking.value(),
					AuditOutcome.FAILURE, "not on file"));
			return Optional.empty();
		}
		if (!this.access.may(user.accountId(), ProviderFunction.CLAIM_STATUS, found.get().payeeNpi())) {
			this.audit.record(new AuditEvent(user.getUsername(), action, "adjustment-case", tracking.value(),
					AuditOutcome.DENIED, "payee NPI not held"));
			return Optional.empty();
		}
		return found;
	}

	/** The cases of one claim the user has already read. */
	@Transactional(readOnly = true)
	public List<Summary> casesOfClaim(ClaimNumber claim) {
		return this.jdbc.sql(SUMMARY + " WHERE claim_number = ? ORDER BY submitted_at DESC, id DESC")
			.param(claim.value())
			.query(AdjustmentCases::summary)
			.list();
	}

	/**
	 * The cases of every payee NPI the user holds claim status access for, newest first.
	 */
	@Transactional(readOnly = true)
	public List<Summary> casesOf(PorticoUser user) {
		Set<Npi> npis = this.access.npisFor(user.accountId(), ProviderFunction.CLAIM_STATUS);
		List<Summary> cases = npis.isEmpty() ? List.of()
				: this.jdbc
					.sql(SUMMARY + " WHERE payee_npi IN (:npis) ORDER BY submitted_at DESC, id DESC FETCH FIRST "
							+ LISTED + " ROWS ONLY")
					.param("npis", npis.stream().map(Npi::value).toList())
					.query(AdjustmentCases::summary)
					.list();
		this.audit.record(new AuditEvent(user.getUsername(), "claim.adjustment.list", null, null, AuditOutcome.SUCCESS,
				cases.size() + " case(s)"));
		return cases;
	}

	/** Open cases, the longest waiting first: the claims staff's queue. */
	@Transactional(readOnly = true)
	public List<Summary> queue(PorticoUser staff) {
		List<Summary> cases = this.jdbc
			.sql(SUMMARY + " WHERE status IN ('SUBMITTED', 'IN_REVIEW', 'MORE_INFORMATION_REQUESTED')"
					+ " ORDER BY submitted_at, id FETCH FIRST " + LISTED + " ROWS ONLY")
			.query(AdjustmentCases::summary)
			.list();
		this.audit.record(new AuditEvent(staff.getUsername(), "claim.adjustment.queue", null, null,
				AuditOutcome.SUCCESS, cases.size() + " open case(s)"));
		return cases;
	}

	/**
	 * A file of the case, for a user of the practice; as absent as a file not on file to
	 * anyone else. Audited either way.
	 */
	@Transactional(readOnly = true)
	public Optional<AdjustmentCase.File> file(PorticoUser user, TrackingNumber tracking, long attachmentId) {
		if (visible(user, tracking, "claim.adjustment.file").isEmpty()) {
			return Optional.empty();
		}
		return file(user.getUsername(), tracking, attachmentId);
	}

	/** A file of the case, for claims staff. Audited. */
	@Transactional(readOnly = true)
	public Optional<AdjustmentCase.File> fileForStaff(PorticoUser staff, TrackingNumber tracking, long attachmentId) {
		return file(staff.getUsername(), tracking, attachmentId);
	}

	private Optional<AdjustmentCase.File> file(String username, TrackingNumber tracking, long attachmentId) {
		Optional<AdjustmentCase.File> file = this.jdbc.sql(
				"SELECT display_name, media_type, content FROM claims.adjustment_attachment WHERE id = ? AND case_id = ?")
			.params(attachmentId, tracking.caseId())
			.query((rs, row) -> new AdjustmentCase.File(rs.getString(1), rs.getString(2), rs.getBytes(3)))
			.optional();
		this.audit.record(new AuditEvent(username, "claim.adjustment.file", "adjustment-case", tracking.value(),
				file.isPresent() ? AuditOutcome.SUCCESS : AuditOutcome.FAILURE,
				"file " + attachmentId + (file.isPresent() ? " downloaded" : " not on file")));
		return file;
	}

	/**
	 * The office answers a request for more information with a note and files; the case
	 * goes back to review. Only a user holding claim adjustments for the payee NPI may.
	 * @return message keys of what is wrong, empty when done; empty optional when the
	 * user may not see the case
	 */
	@Transactional
	public Optional<List<String>> addInformation(PorticoUser user, TrackingNumber tracking, String note,
			List<AttachmentFile> files) {
		Optional<AdjustmentCase> found = visible(user, tracking, "claim.adjustment.add-information");
		if (found.isEmpty()) {
			return Optional.empty();
		}
		AdjustmentCase c = found.get();
		if (!this.access.may(user.accountId(), ProviderFunction.CLAIM_ADJUSTMENTS, c.payeeNpi())) {
			this.audit.record(new AuditEvent(user.getUsername(), "claim.adjustment.add-information", "adjustment-case",
					tracking.value(), AuditOutcome.DENIED, "no claim adjustments for the payee NPI"));
			return Optional.of(List.of("adjustment.problem.no-adjustments"));
		}
		List<String> problems = new ArrayList<>();
		if (c.status() != CaseStatus.MORE_INFORMATION_REQUESTED) {
			problems.add("adjustment.problem.not-waiting");
		}
		if (blank(note) && files.isEmpty()) {
			problems.add("adjustment.problem.nothing-added");
		}
		if (tooLong(note)) {
			problems.add("adjustment.problem.note-too-long");
		}
		if (c.attachments().size() + files.size() > AdjustmentCase.MAX_ATTACHMENTS) {
			problems.add("adjustment.problem.too-many-files");
		}
		if (!problems.isEmpty() || !move(c, CaseStatus.MORE_INFORMATION_REQUESTED, CaseStatus.IN_REVIEW,
				user.getUsername(), blank(note) ? null : note.strip(), null, null)) {
			if (problems.isEmpty()) {
				problems.add("adjustment.problem.not-waiting");
			}
			this.audit.record(new AuditEvent(user.getUsername(), "claim.adjustment.add-information", "adjustment-case",
					tracking.value(), AuditOutcome.FAILURE, problems.toString()));
			return Optional.of(problems);
		}
		attach(tracking.caseId(), files, user.getUsername(), now());
		this.audit.record(new AuditEvent(user.getUsername(), "claim.adjustment.add-information", "adjustment-case",
				tracking.value(), AuditOutcome.SUCCESS, files.size() + " file(s)"));
		return Optional.of(List.of());
	}

	/** Claims staff takes a submitted case into review. */
	@Transactional
	public List<String> take(PorticoUser staff, TrackingNumber tracking) {
		return staffStep(staff, tracking, "claim.adjustment.take", CaseStatus.SUBMITTED, CaseStatus.IN_REVIEW, null);
	}

	/**
	 * Claims staff asks the office for more information; the note says what is needed.
	 */
	@Transactional
	public List<String> requestInformation(PorticoUser staff, TrackingNumber tracking, String note) {
		if (blank(note)) {
			return List.of("adjustment.problem.note");
		}
		if (tooLong(note)) {
			return List.of("adjustment.problem.note-too-long");
		}
		return staffStep(staff, tracking, "claim.adjustment.request-information", CaseStatus.IN_REVIEW,
				CaseStatus.MORE_INFORMATION_REQUESTED, note.strip());
	}

	/** Claims staff resolves a case in review; a denial needs a reason. */
	@Transactional
	public List<String> resolve(PorticoUser staff, TrackingNumber tracking, boolean approved, String reason) {
		if (!approved && blank(reason)) {
			return List.of("adjustment.problem.decision-reason");
		}
		if (tooLong(reason)) {
			return List.of("adjustment.problem.decision-reason-too-long");
		}
		return staffStep(staff, tracking, "claim.adjustment.resolve", CaseStatus.IN_REVIEW,
				approved ? CaseStatus.APPROVED : CaseStatus.DENIED, blank(reason) ? null : reason.strip());
	}

	private List<String> staffStep(PorticoUser staff, TrackingNumber tracking, String action, CaseStatus from,
			CaseStatus to, String note) {
		Optional<AdjustmentCase> found = load(tracking.caseId());
		if (found.isEmpty()) {
			this.audit.record(new AuditEvent(staff.getUsername(), action, "adjustment-case", tracking.value(),
					AuditOutcome.FAILURE, "not on file"));
			return List.of("adjustment.problem.not-found");
		}
		if (found.get().status() != from || !move(found.get(), from, to, staff.getUsername(), note, staff.getUsername(),
				to.isOpen() ? null : note)) {
			this.audit.record(new AuditEvent(staff.getUsername(), action, "adjustment-case", tracking.value(),
					AuditOutcome.FAILURE, "case is " + found.get().status() + ", not " + from));
			return List.of("adjustment.problem.status-changed");
		}
		this.audit.record(new AuditEvent(staff.getUsername(), action, "adjustment-case", tracking.value(),
				AuditOutcome.SUCCESS, from + " to " + to));
		return List.of();
	}

	/**
	 * Moves the case from one status to the next, if it is still in the first, keeps the
	 * change in its history and tells the requester.
	 */
	private boolean move(AdjustmentCase c, CaseStatus from, CaseStatus to, String by, String note, String assignTo,
			String decisionReason) {
		if (!from.mayBecome(to)) {
			throw new IllegalStateException(from + " cannot become " + to);
		}
		Timestamp now = now();
		int updated = this.jdbc.sql("""
				UPDATE claims.adjustment_case
				SET status = ?, updated_at = ?, assigned_to = COALESCE(?, assigned_to),
				    decision_reason = COALESCE(?, decision_reason), open_key = CASE WHEN ? THEN open_key END
				WHERE id = ? AND status = ?
				""")
			.params(to.name(), now, assignTo, decisionReason, to.isOpen(), c.tracking().caseId(), from.name())
			.update();
		if (updated == 0) {
			return false;
		}
		event(c.tracking().caseId(), to, by, note, now);
		long account = this.jdbc.sql("SELECT requested_by_account FROM claims.adjustment_case WHERE id = ?")
			.param(c.tracking().caseId())
			.query(Long.class)
			.single();
		tell(new AccountId(account), c.tracking(), to);
		return true;
	}

	private void event(long caseId, CaseStatus status, String by, String note, Timestamp at) {
		this.jdbc.sql("""
				INSERT INTO claims.adjustment_case_event (case_id, sequence, status, changed_at, changed_by, note)
				VALUES (?, (SELECT COALESCE(MAX(sequence), 0) + 1 FROM claims.adjustment_case_event WHERE case_id = ?),
				  ?, ?, ?, ?)
				""").params(caseId, caseId, status.name(), at, by, note).update();
	}

	private void attach(long caseId, List<AttachmentFile> files, String by, Timestamp at) {
		for (AttachmentFile f : files) {
			this.jdbc.sql("""
					INSERT INTO claims.adjustment_attachment (case_id, display_name, media_type, size_bytes, sha256,
					  content, uploaded_by, uploaded_at)
					VALUES (?, ?, ?, ?, ?, ?, ?, ?)
					""")
				.params(caseId, f.name(), f.mediaType(), f.content().length, f.sha256(), f.content(), by, at)
				.update();
		}
	}

	/**
	 * Mails the requester that the case changed: its tracking number and a link, no PHI.
	 */
	private void tell(AccountId requester, TrackingNumber tracking, CaseStatus status) {
		String words = switch (status) {
			case SUBMITTED -> "received. Claims staff will review it";
			case IN_REVIEW -> "in review";
			case MORE_INFORMATION_REQUESTED -> "waiting for more information from your office";
			case APPROVED -> "resolved: approved";
			case DENIED -> "resolved: denied";
		};
		this.notifications.send(new Email("claim-adjustment", this.emails.current(requester),
				"Claim adjustment " + tracking + ": " + words, """
						Hello,

						Your claim adjustment request %s is %s.

						See the case, its history and any note from claims staff at %s

						For your patients' privacy this message holds no claim details.
						""".formatted(tracking, words, this.notifications.link("/claims/adjustments/" + tracking))));
	}

	private Optional<TrackingNumber> bySubmission(AccountId account, UUID submission) {
		return this.jdbc
			.sql("SELECT id FROM claims.adjustment_case WHERE requested_by_account = ? AND submission_key = ?")
			.params(account.value(), submission)
			.query(Long.class)
			.optional()
			.map(TrackingNumber::of);
	}

	private Optional<TrackingNumber> openCase(ClaimNumber claim, AdjustmentType type) {
		return this.jdbc.sql("SELECT id FROM claims.adjustment_case WHERE open_key = ?")
			.param(openKey(claim, type))
			.query(Long.class)
			.optional()
			.map(TrackingNumber::of);
	}

	private static String openKey(ClaimNumber claim, AdjustmentType type) {
		return claim.value() + ":" + type.name();
	}

	private Optional<AdjustmentCase> load(long id) {
		return this.jdbc.sql("SELECT * FROM claims.adjustment_case WHERE id = ?")
			.param(id)
			.query((rs, row) -> new AdjustmentCase(TrackingNumber.of(rs.getLong("id")),
					AdjustmentType.valueOf(rs.getString("case_type")), new ClaimNumber(rs.getString("claim_number")),
					new Npi(rs.getString("payee_npi")), rs.getString("requested_by"),
					CaseStatus.valueOf(rs.getString("status")), rs.getTimestamp("submitted_at").toInstant(),
					rs.getTimestamp("updated_at").toInstant(), rs.getString("assigned_to"), rs.getString("reason"),
					rs.getString("reason_text"), rs.getBigDecimal("refund_amount"), rs.getString("refund_method"),
					rs.getString("decision_reason"), lines(id), history(id), attachments(id)))
			.optional();
	}

	private List<CorrectedLine> lines(long id) {
		return this.jdbc.sql("""
				SELECT line_number, procedure_code, modifiers, units, billed FROM claims.adjustment_case_line
				WHERE case_id = ? ORDER BY line_number
				""").param(id).query((rs, row) -> {
			String modifiers = rs.getString(3);
			return new CorrectedLine(rs.getInt(1), rs.getString(2),
					(modifiers == null) ? List.of() : Arrays.asList(modifiers.split(" ")), rs.getInt(4),
					rs.getBigDecimal(5));
		}).list();
	}

	private List<Event> history(long id) {
		return this.jdbc.sql("""
				SELECT status, changed_at, changed_by, note FROM claims.adjustment_case_event
				WHERE case_id = ? ORDER BY sequence
				""")
			.param(id)
			.query((rs, row) -> new Event(CaseStatus.valueOf(rs.getString(1)), rs.getTimestamp(2).toInstant(),
					rs.getString(3), rs.getString(4)))
			.list();
	}

	private List<Attachment> attachments(long id) {
		return this.jdbc.sql("""
				SELECT id, display_name, media_type, size_bytes, uploaded_at, uploaded_by
				FROM claims.adjustment_attachment WHERE case_id = ? ORDER BY id
				""")
			.param(id)
			.query((rs, row) -> new Attachment(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getInt(4),
					rs.getTimestamp(5).toInstant(), rs.getString(6)))
			.list();
	}

	private static final String SUMMARY = """
			SELECT id, case_type, claim_number, payee_npi, requested_by, status, submitted_at, updated_at, assigned_to
			FROM claims.adjustment_case""";

	private static Summary summary(ResultSet rs, int row) throws SQLException {
		return new Summary(TrackingNumber.of(rs.getLong(1)), AdjustmentType.valueOf(rs.getString(2)),
				new ClaimNumber(rs.getString(3)), new Npi(rs.getString(4)), rs.getString(5),
				CaseStatus.valueOf(rs.getString(6)), rs.getTimestamp(7).toInstant(), rs.getTimestamp(8).toInstant(),
				rs.getString(9));
	}

	private Timestamp now() {
		return Timestamp.from(Instant.now(this.clock));
	}

	private static boolean blank(String text) {
		return text == null || text.isBlank();
	}

	/** Longer than its column keeps: refused in words rather than failing the insert. */
	private static boolean tooLong(String text) {
		return text != null && text.strip().codePointCount(0, text.strip().length()) > MAX_TEXT;
	}

}
