package org.portico.notifications;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The notifications module's facade. Queued mail joins the caller's transaction: if the
 * change it reports rolls back, so does the mail. {@link OutboxRelay} delivers it
 * afterwards.
 */
@Service
public class Notifications {

	private final JdbcClient jdbc;

	private final Clock clock;

	private final String publicUrl;

	Notifications(JdbcClient jdbc, Clock clock, @Value("${portico.public-url}") String publicUrl) {
		this.jdbc = jdbc;
		this.clock = clock;
		this.publicUrl = publicUrl.endsWith("/") ? publicUrl.substring(0, publicUrl.length() - 1) : publicUrl;
	}

	@Transactional
	public void send(Email email) {
		Timestamp now = Timestamp.from(Instant.now(this.clock));
		this.jdbc.sql("""
				INSERT INTO notifications.outbox
				  (category, recipient, subject, body, created_at, status, attempts, next_attempt_at)
				VALUES (?, ?, ?, ?, ?, 'PENDING', 0, ?)
				""").params(email.category(), email.to(), email.subject(), email.body(), now, now).update();
	}

	/**
	 * The address of a portal page for links in mail, built from the configured public
	 * URL and never from the request, whose Host header a client controls.
	 */
	public String link(String path) {
		return this.publicUrl + path;
	}

}
