package org.portico.members;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Deletes batch eligibility jobs, with the rows they were given and found, once their
 * result has been kept 24 hours. Until then an expired job is already out of sight:
 * {@link EligibilityBatches} shows none past its expiry.
 */
@Component
class EligibilityBatchCleanup {

	private static final Logger log = LoggerFactory.getLogger(EligibilityBatchCleanup.class);

	private final JdbcClient jdbc;

	private final Clock clock;

	EligibilityBatchCleanup(JdbcClient jdbc, Clock clock) {
		this.jdbc = jdbc;
		this.clock = clock;
	}

	@Scheduled(initialDelayString = "${portico.eligibility-batch.cleanup-delay:1m}",
			fixedDelayString = "${portico.eligibility-batch.cleanup-interval:10m}")
	void scheduled() {
		int deleted = deleteExpired();
		if (deleted > 0) {
			log.info("Deleted {} expired eligibility batches", deleted);
		}
	}

	/** Deletes the jobs whose result expired; returns how many. */
	@Transactional
	int deleteExpired() {
		Timestamp now = Timestamp.from(Instant.now(this.clock));
		this.jdbc.sql("""
				DELETE FROM members.eligibility_batch_row WHERE batch_id IN
				  (SELECT id FROM members.eligibility_batch WHERE expires_at <= ?)
				""").param(now).update();
		return this.jdbc.sql("DELETE FROM members.eligibility_batch WHERE expires_at <= ?").param(now).update();
	}

}
