package org.portico.notifications;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Sends what the outbox holds. Each instance claims a message before sending it, so
 * instances never send the same one twice at once. A failure is retried with growing
 * pauses; after {@link #MAX_ATTEMPTS} the message is marked failed and waits for staff.
 */
@Component
class OutboxRelay {

	static final int MAX_ATTEMPTS = 12;

	private static final Duration CLAIM = Duration.ofMinutes(2);

	private static final Duration FIRST_PAUSE = Duration.ofSeconds(30);

	private static final Duration LONGEST_PAUSE = Duration.ofHours(1);

	private static final Logger log = LoggerFactory.getLogger(OutboxRelay.class);

	private final JdbcClient jdbc;

	private final MailDelivery delivery;

	private final Outbox outbox;

	private final Clock clock;

	OutboxRelay(JdbcClient jdbc, MailDelivery delivery, Outbox outbox, Clock clock) {
		this.jdbc = jdbc;
		this.delivery = delivery;
		this.outbox = outbox;
		this.clock = clock;
	}

	@Scheduled(fixedDelayString = "${portico.notifications.poll-interval:2s}", initialDelay = 2000)
	void scheduled() {
		deliverDue();
	}

	/** Delivers the messages that are due; returns how many were sent. */
	int deliverDue() {
		Instant now = Instant.now(this.clock);
		List<Long> due = this.jdbc.sql("""
				SELECT id FROM notifications.outbox
				WHERE status = 'PENDING' AND next_attempt_at <= ? AND (claimed_until IS NULL OR claimed_until < ?)
				ORDER BY id FETCH FIRST 50 ROWS ONLY
				""").params(Timestamp.from(now), Timestamp.from(now)).query(Long.class).list();
		int sent = 0;
		for (long id : due) {
			if (claim(id, now)) {
				sent += deliver(this.outbox.find(id), now) ? 1 : 0;
			}
		}
		return sent;
	}

	private boolean claim(long id, Instant now) {
		return this.jdbc.sql("""
				UPDATE notifications.outbox SET claimed_until = ?
				WHERE id = ? AND status = 'PENDING' AND (claimed_until IS NULL OR claimed_until < ?)
				""").params(Timestamp.from(now.plus(CLAIM)), id, Timestamp.from(now)).update() == 1;
	}

	private boolean deliver(OutboxMessage message, Instant now) {
		try {
			this.delivery.deliver(message);
			// Once delivered, the body (which may hold a single-use link) is not kept;
			// the dev mailbox
			// keeps it, since it is where the demo reads its mail.
			this.jdbc.sql("""
					UPDATE notifications.outbox
					SET status = 'SENT', sent_at = ?, channel = ?, attempts = attempts + 1, claimed_until = NULL,
					    body = CASE WHEN ? THEN body ELSE '(delivered; not kept)' END
					WHERE id = ?
					""")
				.params(Timestamp.from(Instant.now(this.clock)), this.delivery.channel(), this.delivery.keepsBody(),
						message.id())
				.update();
			return true;
		}
		catch (Exception ex) {
			int attempts = message.attempts() + 1;
			boolean giveUp = attempts >= MAX_ATTEMPTS;
			String error = ex.getClass().getSimpleName() + ": " + String.valueOf(ex.getMessage());
			log.warn("Mail {} ({}) failed, attempt {}: {}", message.id(), message.category(), attempts, error);
			this.jdbc.sql("""
					UPDATE notifications.outbox
					SET status = ?, attempts = ?, next_attempt_at = ?, last_error = ?, claimed_until = NULL
					WHERE id = ?
					""")
				.params(giveUp ? "FAILED" : "PENDING", attempts, Timestamp.from(now.plus(pauseAfter(attempts))),
						error.substring(0, Math.min(error.length(), 300)), message.id())
				.update();
			return false;
		}
	}

	/** 30 s, 1 min, 2 min, ... up to an hour between attempts. */
	static Duration pauseAfter(int attempts) {
		Duration pause = FIRST_PAUSE.multipliedBy(1L << Math.min(attempts - 1, 20));
		return (pause.compareTo(LONGEST_PAUSE) > 0) ? LONGEST_PAUSE : pause;
	}

}
