package org.portico.notifications;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What is in the outbox: mail that could not be delivered, for staff, and the dev
 * mailbox.
 */
@Service
public class Outbox {

	private final JdbcClient jdbc;

	private final MailDelivery delivery;

	private final Clock clock;

	Outbox(JdbcClient jdbc, MailDelivery delivery, Clock clock) {
		this.jdbc = jdbc;
		this.delivery = delivery;
		this.clock = clock;
	}

	@Transactional(readOnly = true)
	public OutboxMessage find(long id) {
		return this.jdbc.sql("SELECT * FROM notifications.outbox WHERE id = ?")
			.param(id)
			.query(Outbox::message)
			.single();
	}

	/** Mail that failed at least once and has not been delivered since, oldest first. */
	@Transactional(readOnly = true)
	public List<OutboxMessage> undelivered() {
		return this.jdbc.sql("""
				SELECT * FROM notifications.outbox WHERE status = 'FAILED' OR (status = 'PENDING' AND attempts > 0)
				ORDER BY created_at FETCH FIRST 200 ROWS ONLY
				""").query(Outbox::message).list();
	}

	/** Sends a message that had been given up on again, at once. */
	@Transactional
	public boolean retry(long id) {
		return this.jdbc.sql("""
				UPDATE notifications.outbox SET status = 'PENDING', next_attempt_at = ?, attempts = 0
				WHERE id = ? AND status = 'FAILED'
				""").params(Timestamp.from(Instant.now(this.clock)), id).update() == 1;
	}

	/**
	 * Whether mail goes to the dev mailbox instead of an SMTP server (embedded database
	 * only).
	 */
	public boolean devMailboxActive() {
		return this.delivery instanceof MailDeliveryConfiguration.DevMailbox;
	}

	/** The dev mailbox: the newest mail first. Empty unless the dev mailbox is active. */
	@Transactional(readOnly = true)
	public List<OutboxMessage> devMailbox(int limit) {
		if (!devMailboxActive()) {
			return List.of();
		}
		return this.jdbc.sql("""
				SELECT * FROM notifications.outbox WHERE channel = 'DEV'
				ORDER BY sent_at DESC, id DESC FETCH FIRST ? ROWS ONLY
				""").param(limit).query(Outbox::message).list();
	}

	private static OutboxMessage message(ResultSet rs, int row) throws SQLException {
		return new OutboxMessage(rs.getLong("id"), rs.getString("category"), rs.getString("recipient"),
				rs.getString("subject"), rs.getString("body"), instant(rs, "created_at"), rs.getString("status"),
				rs.getInt("attempts"), instant(rs, "next_attempt_at"), rs.getString("last_error"),
				instant(rs, "sent_at"));
	}

	private static Instant instant(ResultSet rs, String column) throws SQLException {
		Timestamp t = rs.getTimestamp(column);
		return (t != null) ? t.toInstant() : null;
	}

}
