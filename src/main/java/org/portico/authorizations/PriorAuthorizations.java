package org.portico.authorizations;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import org.portico.authorizations.SmartSheet.Question;
import org.portico.identity.PorticoUser;
import org.portico.members.MemberId;
import org.portico.platform.uploads.CheckedFile;
import org.portico.providers.Npi;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Prior authorization requests: decided by the service's smart sheet at submission, then
 * kept as a request of the common kind (so pended ones wait in the clinical reviewers'
 * queue) with the service, the answers and the documents beside it. The caller has
 * checked the form, the member's coverage and the user's access for the requesting NPI.
 */
@Service
public class PriorAuthorizations {

	private final Authorizations requests;

	private final JdbcClient jdbc;

	PriorAuthorizations(Authorizations requests, JdbcClient jdbc) {
		this.requests = requests;
		this.jdbc = jdbc;
	}

	/**
	 * A prior authorization as submitted.
	 *
	 * @param member the member
	 * @param requestingNpi the provider asking, one the user acts for
	 * @param servicingNpi the provider or facility to give the service
	 * @param sheet the service's smart sheet
	 * @param units how many units of the service
	 * @param from first date of service
	 * @param to last date of service
	 * @param priority standard or expedited
	 * @param answers the sheet's answers, read and checked
	 * @param documents the files attached, each for one of the sheet's documents
	 * @param submissionKey the form's one-time key
	 */
	public record Submission(MemberId member, Npi requestingNpi, Npi servicingNpi, SmartSheet sheet, int units,
			LocalDate from, LocalDate to, Priority priority, Answers answers, List<Document> documents,
			String submissionKey) {
	}

	/** A file attached as one of the sheet's documents. */
	public record Document(String documentId, CheckedFile file) {
	}

	/**
	 * What a prior authorization has beyond the common request.
	 *
	 * @param serviceCode the service's code
	 * @param sheetVersion the version of the sheet answered
	 * @param criteriaMet whether the answers met the criteria
	 * @param answers the answers with their questions' words
	 * @param attachments the documents attached
	 */
	public record Detail(String serviceCode, int sheetVersion, boolean criteriaMet, List<GivenAnswer> answers,
			List<AttachedDocument> attachments) {
	}

	/** One answer as given. */
	public record GivenAnswer(String question, AnswerType type, String value, String text) {
	}

	/** One document kept, without its content. */
	public record AttachedDocument(long id, String documentText, String fileName, String kind, long size) {
	}

	/** A document's file, for download. */
	public record AttachedFile(String fileName, String mediaType, byte[] content) {
	}

	public Authorizations.Submitted submit(PorticoUser user, Submission s) {
		AutomaticDecision decision = PriorAuthorizationAutoApproval.decide(s.sheet(), s.answers(), s.units(), s.from(),
				s.to());
		boolean met = s.sheet().criteriaMet(s.answers());
		NewRequest request = new NewRequest(RequestKind.PRIOR_AUTH, s.member(), s.requestingNpi(), s.servicingNpi(),
				user, s.priority(), s.from(), s.to(), s.units(), s.submissionKey());
		return this.requests.submit(request, decision, (id) -> write(id, s, met));
	}

	private void write(long id, Submission s, boolean met) {
		this.jdbc.sql("""
				INSERT INTO authorizations.prior_auth (request_id, service_code, sheet_version, criteria_met)
				VALUES (?, ?, ?, ?)
				""").params(id, s.sheet().service(), s.sheet().version(), met).update();
		int position = 0;
		for (Question q : s.sheet().questions()) {
			Object value = s.answers().value(q.id());
			position++;
			if (value == null) {
				continue;
			}
			String raw = (value instanceof Boolean b) ? (b ? "yes" : "no") : value.toString();
			if (value instanceof java.math.BigDecimal n) {
				raw = n.toPlainString();
			}
			String shown = raw;
			if (q.type() == AnswerType.CHOICE) {
				String chosen = raw;
				shown = q.options().stream().filter((o) -> o.value().equals(chosen)).findFirst().orElseThrow().text();
			}
			this.jdbc.sql("""
					INSERT INTO authorizations.prior_auth_answer (request_id, position, question_id, question_text,
					  answer_type, answer_value, answer_text) VALUES (?, ?, ?, ?, ?, ?, ?)
					""").params(id, position, q.id(), q.text(), q.type().name(), raw, shown).update();
		}
		for (Document d : s.documents()) {
			String documentText = s.sheet()
				.attachments()
				.stream()
				.filter((a) -> a.id().equals(d.documentId()))
				.findFirst()
				.orElseThrow()
				.text();
			this.jdbc.sql("""
					INSERT INTO authorizations.prior_auth_attachment (request_id, document_id, document_text, file_name,
					  file_kind, size_bytes, sha256, content) VALUES (?, ?, ?, ?, ?, ?, ?, ?)
					""")
				.params(id, d.documentId(), documentText, d.file().name(), d.file().kind().name(), d.file().size(),
						d.file().sha256(), d.file().content())
				.update();
		}
	}

	/** The prior authorization part of a request the caller has read. */
	@Transactional(readOnly = true)
	public Optional<Detail> detail(AuthorizationRequest request) {
		return this.jdbc
			.sql("SELECT service_code, sheet_version, criteria_met FROM authorizations.prior_auth WHERE request_id = ?")
			.param(request.id())
			.query((rs, row) -> new Detail(rs.getString(1), rs.getInt(2), rs.getBoolean(3), answers(request.id()),
					attachments(request.id())))
			.optional();
	}

	/** The service of each prior authorization among these requests, by request id. */
	@Transactional(readOnly = true)
	public java.util.Map<Long, String> serviceCodes(java.util.Collection<Long> requestIds) {
		java.util.Map<Long, String> codes = new java.util.HashMap<>();
		if (requestIds.isEmpty()) {
			return codes;
		}
		this.jdbc.sql("SELECT request_id, service_code FROM authorizations.prior_auth WHERE request_id IN (:ids)")
			.param("ids", List.copyOf(requestIds))
			.query((java.sql.ResultSet rs) -> {
				codes.put(rs.getLong(1), rs.getString(2));
			});
		return codes;
	}

	/** A document of a request the caller has read. */
	@Transactional(readOnly = true)
	public Optional<AttachedFile> attachment(AuthorizationRequest request, long attachmentId) {
		return this.jdbc.sql("""
				SELECT file_name, file_kind, content FROM authorizations.prior_auth_attachment
				WHERE request_id = ? AND id = ?
				""")
			.params(request.id(), attachmentId)
			.query((rs, row) -> new AttachedFile(rs.getString(1),
					org.portico.platform.uploads.FileKind.valueOf(rs.getString(2)).mediaType(), rs.getBytes(3)))
			.optional();
	}

	private List<GivenAnswer> answers(long id) {
		return this.jdbc.sql("""
				SELECT question_text, answer_type, answer_value, answer_text FROM authorizations.prior_auth_answer
				WHERE request_id = ? ORDER BY position
				""")
			.param(id)
			.query((rs, row) -> new GivenAnswer(rs.getString(1), AnswerType.valueOf(rs.getString(2)), rs.getString(3),
					rs.getString(4)))
			.list();
	}

	private List<AttachedDocument> attachments(long id) {
		return this.jdbc.sql("""
				SELECT id, document_text, file_name, file_kind, size_bytes FROM authorizations.prior_auth_attachment
				WHERE request_id = ? ORDER BY id
				""")
			.param(id)
			.query((rs, row) -> new AttachedDocument(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4),
					rs.getLong(5)))
			.list();
	}

}
