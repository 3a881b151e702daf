package org.portico.members;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;

import jakarta.annotation.PreDestroy;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.portico.access.AccessApi;
import org.portico.access.ProviderFunction;
import org.portico.audit.AuditEvent;
import org.portico.audit.AuditLog;
import org.portico.audit.AuditOutcome;
import org.portico.identity.AccountId;
import org.portico.members.EligibilityBatchRow.Outcome;
import org.portico.members.EligibilityBatchRow.Problem;
import org.portico.providers.Npi;

import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Runs batch eligibility jobs on a small pool of its own, a chunk of rows at a time: each
 * chunk's results, the job's progress and the audit of the members looked up are
 * committed together, so progress shows as it is made and a job stopped half way (a
 * restart, a crash) goes on from its last chunk. A worker claims a job for a minute and
 * renews the claim with every chunk; a job whose claim ran out is taken up again, on
 * start-up and every few seconds after, by this instance or another.
 */
@Component
class EligibilityBatchRunner {

	static final int CHUNK = 200;

	private static final Duration CLAIM = Duration.ofMinutes(1);

	private static final int WORKERS = 2;

	private static final Logger log = LoggerFactory.getLogger(EligibilityBatchRunner.class);

	private final JdbcClient jdbc;

	private final JdbcTemplate jdbcTemplate;

	private final TransactionTemplate transactions;

	private final EligibilityBatchCheck check;

	private final AccessApi access;

	private final AuditLog audit;

	private final Clock clock;

	private final ExecutorService workers;

	/** The jobs waiting for or running on this instance's workers. */
	private final Set<UUID> taken = ConcurrentHashMap.newKeySet();

	EligibilityBatchRunner(JdbcClient jdbc, JdbcTemplate jdbcTemplate, PlatformTransactionManager transactions,
			EligibilityBatchCheck check, AccessApi access, AuditLog audit, Clock clock) {
		this.jdbc = jdbc;
		this.jdbcTemplate = jdbcTemplate;
		this.transactions = new TransactionTemplate(transactions);
		this.check = check;
		this.access = access;
		this.audit = audit;
		this.clock = clock;
		AtomicInteger count = new AtomicInteger();
		this.workers = Executors.newFixedThreadPool(WORKERS, (task) -> {
			Thread thread = new Thread(task, "eligibility-batch-" + count.incrementAndGet());
			thread.setDaemon(true);
			return thread;
		});
	}

	/** Runs the job as soon as a worker is free. */
	void start(UUID id) {
		if (!this.taken.add(id)) {
			return;
		}
		try {
			this.workers.execute(() -> {
				try {
					run(id);
				}
				finally {
					this.taken.remove(id);
				}
			});
		}
		catch (RejectedExecutionException ex) {
			// Shutting down: the job is taken up again at the next start.
			this.taken.remove(id);
		}
	}

	/** Takes up the jobs nobody is running: on start-up, and unfinished after a crash. */
	@Scheduled(initialDelayString = "${portico.eligibility-batch.resume-delay:5s}",
			fixedDelayString = "${portico.eligibility-batch.resume-interval:15s}")
	void resumeUnfinished() {
		Timestamp now = Timestamp.from(Instant.now(this.clock));
		this.jdbc.sql("""
				SELECT id FROM members.eligibility_batch
				WHERE status <> 'DONE' AND (claimed_until IS NULL OR claimed_until < ?)
				ORDER BY created_at
				""").param(now).query(UUID.class).list().forEach(this::start);
	}

	@PreDestroy
	void stop() throws InterruptedException {
		this.workers.shutdownNow();
		this.workers.awaitTermination(5, TimeUnit.SECONDS);
	}

	/** Runs a job to its end, unless another worker has it. */
	void run(UUID id) {
		UUID claim = UUID.randomUUID();
		try {
			if (!claim(id, claim)) {
				return;
			}
			while (!Thread.currentThread().isInterrupted()
					&& Boolean.TRUE.equals(this.transactions.execute((status) -> nextChunk(id, claim)))) {
				// One chunk per transaction, until the job is done.
			}
		}
		catch (RuntimeException ex) {
			log.warn("Eligibility batch {} stopped; it is taken up again when its claim runs out", id, ex);
		}
	}

	private boolean claim(UUID id, UUID claim) {
		Instant now = Instant.now(this.clock);
		return this.jdbc.sql("""
				UPDATE members.eligibility_batch SET claim_token = ?, claimed_until = ?, status = 'RUNNING'
				WHERE id = ? AND status <> 'DONE' AND (claimed_until IS NULL OR claimed_until < ?)
				""").params(claim, Timestamp.from(now.plus(CLAIM)), id, Timestamp.from(now)).update() == 1;
	}

	private record Job(UUID id, AccountId account, String username, Npi npi, LocalDate uploadDay, int lastLine,
			int rowsDone, int rowCount) {
	}

	/**
	 * Checks the job's next rows and records them with the job's progress.
	 * @return whether rows are left
	 */
	private boolean nextChunk(UUID id, UUID claim) {
		// Locks the job: a worker whose claim ran out cannot write beside the new one.
		Optional<Job> found = this.jdbc.sql("""
				SELECT account_id, username, npi, date_of_service, last_line, rows_done, row_count
				FROM members.eligibility_batch WHERE id = ? AND claim_token = ? FOR UPDATE
				""")
			.params(id, claim)
			.query((rs, row) -> new Job(id, new AccountId(rs.getLong(1)), rs.getString(2), new Npi(rs.getString(3)),
					rs.getObject(4, LocalDate.class), rs.getInt(5), rs.getInt(6), rs.getInt(7)))
			.optional();
		if (found.isEmpty()) {
			return false;
		}
		Job job = found.get();
		List<EligibilityBatchFile.Row> rows = this.jdbc.sql("""
				SELECT line_number, input_member_id, input_first_name, input_last_name, input_birth_date,
				       input_date_of_service
				FROM members.eligibility_batch_row WHERE batch_id = ? AND line_number > ?
				ORDER BY line_number FETCH FIRST ? ROWS ONLY
				""").params(id, job.lastLine(), CHUNK).query(EligibilityBatchRunner::input).list();
		List<EligibilityBatchRow> checked = check(job, rows);
		save(id, checked);
		Instant now = Instant.now(this.clock);
		boolean done = rows.isEmpty() || job.rowsDone() + rows.size() >= job.rowCount();
		this.jdbc.sql("""
				UPDATE members.eligibility_batch
				SET rows_done = rows_done + ?, covered = covered + ?, not_covered = not_covered + ?,
				    errors = errors + ?, last_line = ?, status = ?, claimed_until = ?, claim_token = ?,
				    completed_at = ?, expires_at = ?
				WHERE id = ?
				""")
			.params(rows.size(), count(checked, Outcome.COVERED), count(checked, Outcome.NOT_COVERED),
					count(checked, Outcome.ERROR), rows.isEmpty() ? job.lastLine() : rows.get(rows.size() - 1).line(),
					done ? "DONE" : "RUNNING", done ? null : Timestamp.from(now.plus(CLAIM)), done ? null : claim,
					done ? Timestamp.from(now) : null, done ? Timestamp.from(now.plus(EligibilityBatch.KEPT)) : null,
					id)
			.update();
		this.audit.recordAll(audited(job, checked));
		return !done;
	}

	private List<EligibilityBatchRow> check(Job job, List<EligibilityBatchFile.Row> rows) {
		// Access is checked again for every chunk: a grant withdrawn while the job runs
		// stops it showing anything more.
		if (!this.access.may(job.account(), ProviderFunction.ELIGIBILITY_BENEFITS, job.npi())) {
			return rows.stream()
				.map((row) -> EligibilityBatchCheck.error(row, null, List.of(Problem.NO_ACCESS)))
				.toList();
		}
		List<EligibilityBatchRow> checked = new ArrayList<>(rows.size());
		for (EligibilityBatchFile.Row row : rows) {
			try {
				checked.add(this.check.check(row, job.uploadDay()));
			}
			catch (DataAccessException ex) {
				// The database is the trouble, not the row: the chunk is tried again.
				throw ex;
			}
			catch (RuntimeException ex) {
				log.warn("Eligibility batch {} line {} could not be checked", job.id(), row.line(), ex);
				checked.add(EligibilityBatchCheck.error(row, null, List.of(Problem.FAILED)));
			}
		}
		return checked;
	}

	private void save(UUID id, List<EligibilityBatchRow> checked) {
		this.jdbcTemplate.batchUpdate("""
				UPDATE members.eligibility_batch_row
				SET outcome = ?, date_of_service = ?, subscriber_id = ?, member_suffix = ?, first_name = ?,
				    last_name = ?, product_name = ?, line_of_business = ?, group_number = ?, group_name = ?,
				    coverage_effective = ?, coverage_termination = ?, pcp_npi = ?, problems = ?
				WHERE batch_id = ? AND line_number = ?
				""", checked.stream().map((r) -> {
			EligibilityBatchRow.Coverage c = r.coverage();
			return new Object[] { r.outcome().name(), r.dateOfService(),
					(r.member() != null) ? r.member().subscriberId() : null,
					(r.member() != null) ? r.member().suffix() : null, r.firstName(), r.lastName(),
					(c != null) ? c.productName() : null, (c != null) ? c.lineOfBusiness().name() : null,
					(c != null) ? c.groupNumber() : null, (c != null) ? c.groupName() : null,
					(c != null) ? c.effectiveDate() : null, (c != null) ? c.terminationDate() : null, r.pcpNpi(),
					r.problems().isEmpty() ? null
							: r.problems().stream().map(Problem::name).collect(Collectors.joining(",")),
					id, r.line() };
		}).toList());
	}

	/**
	 * Every member found is a member viewed; a refusal for lost access is on the record
	 * too.
	 */
	private static List<AuditEvent> audited(Job job, List<EligibilityBatchRow> checked) {
		List<AuditEvent> events = new ArrayList<>();
		for (EligibilityBatchRow row : checked) {
			if (row.member() != null) {
				events.add(new AuditEvent(job.username(), "member.view", "member", row.member().toString(),
						AuditOutcome.SUCCESS, "eligibility (batch " + job.id() + ", line " + row.line() + ") for NPI "
								+ job.npi().value() + " on " + row.dateOfService()));
			}
		}
		if (!checked.isEmpty() && checked.get(0).problems().contains(Problem.NO_ACCESS)) {
			events.add(AuditEvent.denied(job.username(), "eligibility.batch.run", "eligibility-batch",
					job.id().toString()));
		}
		return events;
	}

	private static int count(List<EligibilityBatchRow> rows, Outcome outcome) {
		return (int) rows.stream().filter((r) -> r.outcome() == outcome).count();
	}

	private static EligibilityBatchFile.Row input(ResultSet rs, int row) throws SQLException {
		return new EligibilityBatchFile.Row(rs.getInt(1), text(rs.getString(2)), text(rs.getString(3)),
				text(rs.getString(4)), text(rs.getString(5)), text(rs.getString(6)));
	}

	private static String text(String value) {
		return (value != null) ? value : "";
	}

}
