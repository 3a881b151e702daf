package org.portico.members;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.portico.identity.AccountId;
import org.portico.members.EligibilityBatchRow.Outcome;
import org.portico.members.EligibilityBatchRow.Problem;
import org.portico.providers.Npi;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Batch eligibility: a file of members checked in the background, each row as the
 * one-at-a-time search would check it. A job belongs to the account that uploaded it; its
 * result is kept {@link EligibilityBatch#KEPT 24 hours} after it finishes. Callers check
 * that the user may act for the NPI and audit what the user opens; the rows' views are
 * audited as they are checked.
 */
@Service
public class EligibilityBatches {

	private static final int INSERT_BATCH = 500;

	private static final int RECENT = 20;

	private final JdbcClient jdbc;

	private final JdbcTemplate jdbcTemplate;

	private final EligibilityBatchRunner runner;

	private final Clock clock;

	EligibilityBatches(JdbcClient jdbc, JdbcTemplate jdbcTemplate, EligibilityBatchRunner runner, Clock clock) {
		this.jdbc = jdbc;
		this.jdbcTemplate = jdbcTemplate;
		this.runner = runner;
		this.clock = clock;
	}

	/**
	 * The job of an upload.
	 *
	 * @param id the job
	 * @param created false when the same form was already submitted with the same file:
	 * {@code id} is that first job
	 */
	public record Submitted(UUID id, boolean created) {
	}

	/**
	 * Stores the file's rows as a new job, all of them or none, and starts it once
	 * stored. The same form (its one-time key) submitted again with the same file finds
	 * the first job instead.
	 * @param submissionKey the upload form's one-time key
	 */
	@Transactional
	public Submitted submit(AccountId account, String username, Npi npi, String submissionKey, String fileName,
			EligibilityBatchFile file) {
		UUID id = UUID.randomUUID();
		Instant now = Instant.now(this.clock);
		int inserted = this.jdbc.sql("""
				INSERT INTO members.eligibility_batch (id, account_id, username, npi, submission_key, file_sha256,
				  file_name, date_of_service, status, row_count, created_at)
				VALUES (?, ?, ?, ?, ?, ?, ?, ?, 'QUEUED', ?, ?)
				ON CONFLICT DO NOTHING
				""")
			.params(id, account.value(), username, npi.value(), submissionKey, file.sha256(), fileName,
					LocalDate.now(this.clock), file.rows().size(), Timestamp.from(now))
			.update();
		if (inserted == 0) {
			return new Submitted(this.jdbc.sql("""
					SELECT id FROM members.eligibility_batch
					WHERE account_id = ? AND submission_key = ? AND file_sha256 = ?
					""").params(account.value(), submissionKey, file.sha256()).query(UUID.class).single(), false);
		}
		List<Object[]> rows = new ArrayList<>(file.rows().size());
		for (EligibilityBatchFile.Row row : file.rows()) {
			rows.add(new Object[] { id, row.line(), row.memberId(), row.firstName(), row.lastName(), row.birthDate(),
					row.dateOfService() });
		}
		for (int from = 0; from < rows.size(); from += INSERT_BATCH) {
			this.jdbcTemplate.batchUpdate("""
					INSERT INTO members.eligibility_batch_row (batch_id, line_number, input_member_id, input_first_name,
					  input_last_name, input_birth_date, input_date_of_service)
					VALUES (?, ?, ?, ?, ?, ?, ?)
					""", rows.subList(from, Math.min(rows.size(), from + INSERT_BATCH)));
		}
		TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
			@Override
			public void afterCommit() {
				EligibilityBatches.this.runner.start(id);
			}
		});
		return new Submitted(id, true);
	}

	/** The user's job, unless it expired. */
	@Transactional(readOnly = true)
	public Optional<EligibilityBatch> find(AccountId account, UUID id) {
		return this.jdbc.sql(SELECT + " WHERE id = ? AND account_id = ? AND (expires_at IS NULL OR expires_at > ?)")
			.params(id, account.value(), Timestamp.from(Instant.now(this.clock)))
			.query(EligibilityBatches::batch)
			.optional();
	}

	/** The user's jobs still kept, newest first. */
	@Transactional(readOnly = true)
	public List<EligibilityBatch> recent(AccountId account) {
		return this.jdbc.sql(SELECT + """
				 WHERE account_id = ? AND (expires_at IS NULL OR expires_at > ?)
				ORDER BY created_at DESC FETCH FIRST ? ROWS ONLY
				""")
			.params(account.value(), Timestamp.from(Instant.now(this.clock)), RECENT)
			.query(EligibilityBatches::batch)
			.list();
	}

	/**
	 * The result of the user's finished job, one row per row of the file in its order;
	 * empty unless the job is theirs, done and not expired.
	 */
	@Transactional(readOnly = true)
	public Optional<List<EligibilityBatchRow>> result(AccountId account, UUID id) {
		Optional<EligibilityBatch> batch = find(account, id).filter(EligibilityBatch::done);
		return batch.map((b) -> this.jdbc.sql("""
				SELECT line_number, input_member_id, input_first_name, input_last_name, input_birth_date,
				       input_date_of_service, outcome, date_of_service, subscriber_id, member_suffix, first_name,
				       last_name, product_name, line_of_business, group_number, group_name, coverage_effective,
				       coverage_termination, pcp_npi, problems
				FROM members.eligibility_batch_row WHERE batch_id = ? ORDER BY line_number
				""").param(id).query(EligibilityBatches::row).list());
	}

	private static final String SELECT = """
			SELECT id, file_name, npi, status, row_count, rows_done, covered, not_covered, errors, created_at,
			       expires_at
			FROM members.eligibility_batch""";

	private static EligibilityBatch batch(ResultSet rs, int row) throws SQLException {
		Timestamp expires = rs.getTimestamp(11);
		return new EligibilityBatch(rs.getObject(1, UUID.class), rs.getString(2), new Npi(rs.getString(3)),
				EligibilityBatch.Status.valueOf(rs.getString(4)), rs.getInt(5), rs.getInt(6), rs.getInt(7),
				rs.getInt(8), rs.getInt(9), rs.getTimestamp(10).toInstant(),
				(expires != null) ? expires.toInstant() : null);
	}

	private static EligibilityBatchRow row(ResultSet rs, int n) throws SQLException {
		EligibilityBatchFile.Row input = new EligibilityBatchFile.Row(rs.getInt(1), text(rs, 2), text(rs, 3),
				text(rs, 4), text(rs, 5), text(rs, 6));
		String subscriber = rs.getString(9);
		String product = rs.getString(13);
		String problems = rs.getString(20);
		return new EligibilityBatchRow(input.line(), input, Outcome.valueOf(rs.getString(7)),
				rs.getObject(8, LocalDate.class),
				(subscriber != null) ? new MemberId(subscriber, rs.getString(10)) : null, rs.getString(11),
				rs.getString(12),
				(product != null) ? new EligibilityBatchRow.Coverage(product, LineOfBusiness.valueOf(rs.getString(14)),
						rs.getString(15), rs.getString(16), rs.getObject(17, LocalDate.class),
						rs.getObject(18, LocalDate.class)) : null,
				rs.getString(19), (problems == null || problems.isEmpty()) ? List.of()
						: Arrays.stream(problems.split(",")).map(Problem::valueOf).toList());
	}

	private static String text(ResultSet rs, int column) throws SQLException {
		String value = rs.getString(column);
		return (value != null) ? value : "";
	}

}
