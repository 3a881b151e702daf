package org.portico.authorizations;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.portico.access.AccessApi;
import org.portico.audit.AuditEvent;
import org.portico.audit.AuditLog;
import org.portico.identity.PorticoUser;
import org.portico.members.Eligibility;
import org.portico.members.MemberApi;
import org.portico.members.MemberId;
import org.portico.platform.uploads.CheckedFile;
import org.portico.platform.uploads.UploadRefused;
import org.portico.platform.uploads.Uploads;
import org.portico.providers.Npi;
import org.portico.providers.ProviderApi;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.multipart.MultipartFile;

/**
 * Behavioral health services requests: a level of care, the clinical picture and files,
 * always decided by a behavioral health reviewer, in their own queue.
 */
@Service
public class BehavioralHealth {

	private final Authorizations authorizations;

	private final AccessApi access;

	private final AuditLog audit;

	private final MemberApi members;

	private final Eligibility eligibility;

	private final ProviderApi providers;

	private final Uploads uploads;

	private final JdbcClient jdbc;

	private final Clock clock;

	BehavioralHealth(Authorizations authorizations, AccessApi access, AuditLog audit, MemberApi members,
			Eligibility eligibility, ProviderApi providers, Uploads uploads, JdbcClient jdbc, Clock clock) {
		this.authorizations = authorizations;
		this.access = access;
		this.audit = audit;
		this.members = members;
		this.eligibility = eligibility;
		this.providers = providers;
		this.uploads = uploads;
		this.jdbc = jdbc;
		this.clock = clock;
	}

	/**
	 * The request form as typed.
	 *
	 * @param npi the requesting NPI, one the user acts for
	 * @param member the member ID
	 * @param servicingNpi who is to give the care
	 * @param levelOfCare the level of care
	 * @param diagnosis the ICD-10-CM code
	 * @param clinicalInformation the clinical picture
	 * @param priority standard or expedited
	 * @param units sessions or days asked for
	 * @param from the first date
	 * @param to the last date
	 * @param submission the form's one-time key
	 */
	public record BehavioralHealthForm(String npi, String member, String servicingNpi, String levelOfCare,
			String diagnosis, String clinicalInformation, String priority, String units, String from, String to,
			String submission) {

		public static BehavioralHealthForm empty(String npi) {
			return new BehavioralHealthForm(npi, "", "", "OUTPATIENT", "", "", "STANDARD", "1", "", "",
					UUID.randomUUID().toString());
		}

	}

	/** How a submission ended. */
	public sealed interface Outcome {

		record Invalid(List<Problem> problems) implements Outcome {
		}

		record Submitted(BehavioralHealthRequest request, boolean alreadySubmitted) implements Outcome {
		}

	}

	/**
	 * Checks the form and its files and stores the request, pended for a behavioral
	 * health reviewer; all or nothing.
	 */
	@Transactional
	public Outcome submit(PorticoUser user, BehavioralHealthForm form, List<MultipartFile> files) {
		List<Problem> problems = new ArrayList<>();
		Npi requesting = null;
		if (!Npi.isValid(form.npi())) {
			problems.add(new Problem("npi", "bh.problem.npi"));
		}
		else {
			requesting = Npi.parse(form.npi());
			if (!this.access.may(user.accountId(), Authorizations.FUNCTION, requesting)) {
				this.audit.record(AuditEvent.denied(user.getUsername(), "bh.submit", "npi", requesting.value()));
				throw new AccessDeniedException("No authorizations for " + requesting.value());
			}
		}
		MemberId member = null;
		try {
			member = MemberId.parse(form.member());
			if (this.members.find(member).isEmpty()) {
				problems.add(new Problem("member", "referral.problem.member-unknown"));
				member = null;
			}
		}
		catch (IllegalArgumentException ex) {
			problems.add(new Problem("member", "referral.problem.member"));
		}
		Npi servicing = requesting;
		if (form.servicingNpi() != null && !form.servicingNpi().isBlank()) {
			if (!Npi.isValid(form.servicingNpi())) {
				problems.add(new Problem("servicingNpi", "referral.problem.specialist"));
			}
			else if (this.providers.find(Npi.parse(form.servicingNpi())).isEmpty()) {
				problems.add(new Problem("servicingNpi", "referral.problem.specialist-unknown"));
			}
			else {
				servicing = Npi.parse(form.servicingNpi());
			}
		}
		LevelOfCare level = null;
		try {
			level = LevelOfCare.valueOf(form.levelOfCare());
		}
		catch (IllegalArgumentException | NullPointerException ex) {
			problems.add(new Problem("levelOfCare", "bh.problem.level"));
		}
		if (!Diagnoses.isValid(form.diagnosis())) {
			problems.add(new Problem("diagnosis", "referral.problem.diagnosis"));
		}
		String clinical = (form.clinicalInformation() == null) ? "" : form.clinicalInformation().strip();
		if (clinical.isEmpty()) {
			problems.add(new Problem("clinicalInformation", "bh.problem.clinical"));
		}
		else if (clinical.length() > 4000) {
			problems.add(new Problem("clinicalInformation", "bh.problem.clinical-long"));
		}
		Priority priority = "EXPEDITED".equals(form.priority()) ? Priority.EXPEDITED : Priority.STANDARD;
		int units = 0;
		try {
			units = Integer.parseInt((form.units() == null) ? "" : form.units().strip());
		}
		catch (NumberFormatException ex) {
			units = 0;
		}
		if (units < 1 || units > 365) {
			problems.add(new Problem("units", "bh.problem.units"));
		}
		LocalDate from = date(form.from(), "from", "referral.problem.from", problems);
		LocalDate to = date(form.to(), "to", "referral.problem.to", problems);
		if (from != null && to != null && to.isBefore(from)) {
			problems.add(new Problem("to", "referral.problem.end-before-start"));
		}
		if (member != null && from != null && this.eligibility.coverageOn(member, from).isEmpty()) {
			problems.add(new Problem("from", "referral.problem.not-covered"));
		}
		List<CheckedFile> checked = List.of();
		try {
			checked = this.uploads.checkAll(files, 0);
		}
		catch (UploadRefused refused) {
			problems.add(new Problem("files", refused.messageKey(), List.of(refused.arguments())));
		}
		if (!problems.isEmpty()) {
			return new Outcome.Invalid(problems);
		}
		String submission = (form.submission() == null || form.submission().isBlank()) ? UUID.randomUUID().toString()
				: form.submission().strip();
		LevelOfCare chosen = level;
		String diagnosis = Diagnoses.normalize(form.diagnosis());
		List<CheckedFile> kept = checked;
		Instant now = Instant.now(this.clock);
		Authorizations.Submitted submitted = this.authorizations.submit(
				new NewRequest(RequestKind.BEHAVIORAL_HEALTH, member, requesting, servicing, user, priority, from, to,
						units, submission.length() > 64 ? submission.substring(0, 64) : submission),
				AutomaticDecision.pended(List.of("bh.pend.review")), (id) -> {
					this.jdbc.sql("""
							INSERT INTO authorizations.behavioral_health
							  (request_id, level_of_care, diagnosis_code, clinical_information)
							VALUES (?, ?, ?, ?)
							""").params(id, chosen.name(), diagnosis, clinical).update();
					for (CheckedFile file : kept) {
						this.jdbc.sql("""
								INSERT INTO authorizations.attachment
								  (request_id, file_name, media_type, size_bytes, sha256, content, added_by, added_at)
								VALUES (?, ?, ?, ?, ?, ?, ?, ?)
								""")
							.params(id, file.name(), file.kind().mediaType(), file.size(), file.sha256(),
									file.content(), user.getUsername(), Timestamp.from(now))
							.update();
					}
				});
		return new Outcome.Submitted(details(submitted.request()), submitted.alreadySubmitted());
	}

	private static LocalDate date(String typed, String field, String key, List<Problem> problems) {
		try {
			return LocalDate.parse((typed == null) ? "" : typed.strip());
		}
		catch (DateTimeParseException ex) {
			problems.add(new Problem(field, key));
			return null;
		}
	}

	/** The details of a request already read. */
	@Transactional(readOnly = true)
	public BehavioralHealthRequest details(AuthorizationRequest request) {
		List<BehavioralHealthRequest.Attachment> attachments = this.jdbc.sql("""
				SELECT id, file_name, media_type, size_bytes FROM authorizations.attachment
				WHERE request_id = ? ORDER BY id
				""")
			.param(request.id())
			.query((rs, row) -> new BehavioralHealthRequest.Attachment(rs.getLong(1), rs.getString(2), rs.getString(3),
					rs.getLong(4)))
			.list();
		return this.jdbc.sql("""
				SELECT level_of_care, diagnosis_code, clinical_information FROM authorizations.behavioral_health
				WHERE request_id = ?
				""")
			.param(request.id())
			.query((rs, row) -> new BehavioralHealthRequest(request, LevelOfCare.valueOf(rs.getString(1)),
					rs.getString(2), rs.getString(3), attachments))
			.single();
	}

	/**
	 * A file: its name, media type and content.
	 *
	 * @param name the display name
	 * @param mediaType what it is
	 * @param content the bytes
	 */
	public record AttachmentFile(String name, String mediaType, byte[] content) {
	}

	/** A file of a request already read. */
	@Transactional(readOnly = true)
	public Optional<AttachmentFile> attachment(AuthorizationRequest request, long attachmentId) {
		return this.jdbc.sql("""
				SELECT file_name, media_type, content FROM authorizations.attachment WHERE request_id = ? AND id = ?
				""")
			.params(request.id(), attachmentId)
			.query((rs, row) -> new AttachmentFile(rs.getString(1), rs.getString(2), rs.getBytes(3)))
			.optional();
	}

}
