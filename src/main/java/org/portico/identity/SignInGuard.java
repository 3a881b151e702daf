package org.portico.identity;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;

import org.portico.audit.AuditEvent;
import org.portico.audit.AuditLog;
import org.portico.notifications.Email;
import org.portico.notifications.Notifications;
import org.portico.platform.SingleUseTokens;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Slows down password guessing. Per account: after three failures each attempt must wait
 * longer (1 s, 2 s, 4 s ... up to 5 minutes) before the password is even checked, and
 * after ten the account is locked for 30 minutes and its owner emailed an unlock link.
 * Per client address: twenty failures in ten minutes block that address for a while,
 * whatever the usernames. What a person is told never reveals whether an account exists.
 */
@Component
public class SignInGuard {

	static final int FREE_FAILURES = 3;

	static final int LOCK_AFTER = 10;

	static final Duration LOCK = Duration.ofMinutes(30);

	static final Duration LONGEST_DELAY = Duration.ofMinutes(5);

	static final int CLIENT_FAILURES = 20;

	static final Duration CLIENT_WINDOW = Duration.ofMinutes(10);

	static final Duration UNLOCK_LINK_LIFETIME = Duration.ofHours(24);

	private final JdbcClient jdbc;

	private final PasswordEncoder encoder;

	private final Notifications notifications;

	private final AuditLog audit;

	private final Clock clock;

	SignInGuard(JdbcClient jdbc, PasswordEncoder encoder, Notifications notifications, AuditLog audit, Clock clock) {
		this.jdbc = jdbc;
		this.encoder = encoder;
		this.notifications = notifications;
		this.audit = audit;
		this.clock = clock;
	}

	/** Whether the account may try a password now: not locked, and past its delay. */
	boolean accountMayTry(int failures, Instant lastFailure, Instant lockedUntil) {
		Instant now = Instant.now(this.clock);
		if (lockedUntil != null && lockedUntil.isAfter(now)) {
			return false;
		}
		return lastFailure == null || !lastFailure.plus(delayAfter(failures)).isAfter(now);
	}

	/**
	 * Checks the password a signed-in user types again before a sensitive change (a new
	 * password, email address or second factor) the way sign-in checks it: not at all
	 * while the account must wait or is locked, and a wrong one counted as a failed
	 * sign-in, so that a stolen session cannot guess the password any faster than the
	 * login page can. A right one clears the failures, as a sign-in does.
	 * @param client the client address, counted like a sign-in's
	 */
	@Transactional
	PasswordCheck checkCurrentPassword(AccountId id, String typed, String client) {
		record Typed(String username, String hash, boolean mayTry) {
		}
		Typed account = this.jdbc.sql("""
				SELECT username, password_hash, failed_sign_ins, last_failed_sign_in_at, locked_until
				FROM identity.account WHERE id = ?
				""")
			.param(id.value())
			.query((rs, row) -> new Typed(rs.getString("username"), rs.getString("password_hash"),
					accountMayTry(rs.getInt("failed_sign_ins"), instant(rs.getTimestamp("last_failed_sign_in_at")),
							instant(rs.getTimestamp("locked_until")))))
			.single();
		if (!account.mayTry()) {
			return PasswordCheck.MUST_WAIT;
		}
		if (typed == null || !this.encoder.matches(typed, account.hash())) {
			failed(account.username(), client);
			return PasswordCheck.WRONG;
		}
		succeeded(id);
		return PasswordCheck.RIGHT;
	}

	private static Instant instant(Timestamp timestamp) {
		return (timestamp != null) ? timestamp.toInstant() : null;
	}

	/** The wait before the next attempt after so many failures in a row. */
	static Duration delayAfter(int failures) {
		if (failures < FREE_FAILURES) {
			return Duration.ZERO;
		}
		Duration delay = Duration.ofSeconds(1L << Math.min(failures - FREE_FAILURES, 16));
		return (delay.compareTo(LONGEST_DELAY) > 0) ? LONGEST_DELAY : delay;
	}

	/** How long the client must wait before trying again, if it is blocked. */
	@Transactional(readOnly = true)
	public Optional<Duration> clientBlocked(String client) {
		Instant now = Instant.now(this.clock);
		return this.jdbc.sql("SELECT blocked_until FROM identity.sign_in_throttle WHERE client = ?")
			.param(client)
			.query(Timestamp.class)
			.optional()
			.map(Timestamp::toInstant)
			.filter((until) -> until.isAfter(now))
			.map((until) -> Duration.between(now, until));
	}

	/**
	 * Counts a failed sign-in against the username (when it names an account) and the
	 * client. Kept even when the sign-in's own transaction rolls back.
	 */
	@Transactional(propagation = Propagation.REQUIRES_NEW)
	public void failed(String username, String client) {
		Instant now = Instant.now(this.clock);
		if (username != null) {
			String name = username.trim().toLowerCase(Locale.ROOT);
			this.jdbc.sql("""
					UPDATE identity.account SET failed_sign_ins = failed_sign_ins + 1, last_failed_sign_in_at = ?
					WHERE username = ? AND (locked_until IS NULL OR locked_until <= ?)
					""").params(Timestamp.from(now), name, Timestamp.from(now)).update();
			lockIfDue(name, now);
		}
		if (client != null) {
			countClientFailure(client, now);
		}
	}

	/** A successful sign-in clears the account's failures. */
	@Transactional
	public void succeeded(AccountId id) {
		this.jdbc.sql("""
				UPDATE identity.account SET failed_sign_ins = 0, last_failed_sign_in_at = NULL, locked_until = NULL
				WHERE id = ?
				""").param(id.value()).update();
	}

	/**
	 * Unlocks the account of a single-use unlock link; false when the link cannot be
	 * used.
	 */
	@Transactional
	public boolean unlock(String token) {
		Instant now = Instant.now(this.clock);
		Optional<Long> account = this.jdbc.sql("""
				SELECT account_id FROM identity.unlock_token WHERE token_hash = ? AND used_at IS NULL AND expires_at > ?
				""").params(SingleUseTokens.hash(token), Timestamp.from(now)).query(Long.class).optional();
		if (account.isEmpty()) {
			return false;
		}
		this.jdbc.sql("UPDATE identity.unlock_token SET used_at = ? WHERE token_hash = ?")
			.params(Timestamp.from(now), SingleUseTokens.hash(token))
			.update();
		succeeded(new AccountId(account.get()));
		String username = this.jdbc.sql("SELECT username FROM identity.account WHERE id = ?")
			.param(account.get())
			.query(String.class)
			.single();
		this.audit.record(AuditEvent.success(username, "account.unlock", "account", String.valueOf(account.get())));
		return true;
	}

	private void lockIfDue(String username, Instant now) {
		this.jdbc.sql("""
				SELECT id, email, display_name FROM identity.account
				WHERE username = ? AND failed_sign_ins >= ? AND (locked_until IS NULL OR locked_until <= ?)
				""").params(username, LOCK_AFTER, Timestamp.from(now)).query((rs) -> {
			long id = rs.getLong("id");
			this.jdbc.sql("UPDATE identity.account SET locked_until = ? WHERE id = ?")
				.params(Timestamp.from(now.plus(LOCK)), id)
				.update();
			String token = SingleUseTokens.newToken();
			this.jdbc.sql("INSERT INTO identity.unlock_token (token_hash, account_id, expires_at) VALUES (?, ?, ?)")
				.params(SingleUseTokens.hash(token), id, Timestamp.from(now.plus(UNLOCK_LINK_LIFETIME)))
				.update();
			this.audit.record(AuditEvent.success(username, "account.lock", "account", String.valueOf(id)));
			this.notifications
				.send(new Email("account-locked", rs.getString("email"), "Your Portico account was locked", """
						Hello %s,

						After %d failed attempts to sign in to your Portico account %s, we locked it for 30 minutes.

						If it was you, open this link to unlock it now (it works once, for 24 hours):

						%s

						If it was not you, someone may be trying to guess your password: choose a new one after
						unlocking, and tell Provider Services.
						""".formatted(rs.getString("display_name"), LOCK_AFTER, username,
						this.notifications.link("/unlock?token=" + token))));
		});
	}

	private void countClientFailure(String client, Instant now) {
		int updated = this.jdbc.sql("""
				UPDATE identity.sign_in_throttle
				SET failures = CASE WHEN window_started_at < ? THEN 1 ELSE failures + 1 END,
				    window_started_at = CASE WHEN window_started_at < ? THEN ? ELSE window_started_at END
				WHERE client = ?
				""")
			.params(Timestamp.from(now.minus(CLIENT_WINDOW)), Timestamp.from(now.minus(CLIENT_WINDOW)),
					Timestamp.from(now), client)
			.update();
		if (updated == 0) {
			// Insert only if absent: a duplicate key would abort the whole transaction on
			// PostgreSQL.
			this.jdbc.sql("""
					INSERT INTO identity.sign_in_throttle (client, failures, window_started_at)
					SELECT ?, 1, ? WHERE NOT EXISTS (SELECT 1 FROM identity.sign_in_throttle WHERE client = ?)
					""").params(client, Timestamp.from(now), client).update();
			return;
		}
		this.jdbc.sql("""
				UPDATE identity.sign_in_throttle SET blocked_until = ? WHERE client = ? AND failures >= ?
				""").params(Timestamp.from(now.plus(Duration.ofMinutes(1))), client, CLIENT_FAILURES).update();
	}

}
