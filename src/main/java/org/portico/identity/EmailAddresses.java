package org.portico.identity;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import org.portico.audit.AuditEvent;
import org.portico.audit.AuditLog;
import org.portico.audit.AuditOutcome;
import org.portico.notifications.Email;
import org.portico.notifications.Notifications;
import org.portico.platform.SingleUseTokens;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Changing the email address of an account, where its password links and notices go. The
 * change is asked for with the current password, counted like a sign-in when wrong, and
 * takes effect only when the new address opens a single-use link mailed to it, so a typo
 * or a stolen session cannot send the account's mail elsewhere unnoticed: the old address
 * is told both when a change is asked for and when it is made.
 */
@Service
public class EmailAddresses {

	static final Duration LINK_LIFETIME = Duration.ofMinutes(30);

	/** Changes one account may ask for per hour, so nobody can flood a mailbox. */
	static final int REQUESTS_PER_HOUR = 3;

	/** A second request for the same address this soon is taken for a double submit. */
	static final Duration DOUBLE_SUBMIT = Duration.ofMinutes(2);

	private final JdbcClient jdbc;

	private final SignInGuard guard;

	private final Notifications notifications;

	private final AuditLog audit;

	private final Clock clock;

	EmailAddresses(JdbcClient jdbc, SignInGuard guard, Notifications notifications, AuditLog audit, Clock clock) {
		this.jdbc = jdbc;
		this.guard = guard;
		this.notifications = notifications;
		this.audit = audit;
		this.clock = clock;
	}

	/** The account's email address now. */
	@Transactional(readOnly = true)
	public String current(AccountId id) {
		return account(id).email();
	}

	/**
	 * Mails a single-use link to the new address, valid for 30 minutes, and tells the
	 * current address, after checking the current password. A wrong password counts as a
	 * failed sign-in: the same delays and lock stop guessing.
	 * @param client the client address, counted like a sign-in's
	 * @return message keys of what is wrong; empty when the link was sent
	 */
	@Transactional
	public List<String> requestChange(AccountId id, String newAddress, String password, String client) {
		Account account = account(id);
		String address = (newAddress == null) ? "" : newAddress.strip();
		List<String> problems = new ArrayList<>();
		if (!Email.isValidAddress(address)) {
			problems.add("email.problem.address");
		}
		else if (address.equalsIgnoreCase(account.email())) {
			problems.add("email.problem.same");
		}
		Instant now = Instant.now(this.clock);
		PasswordCheck check = this.guard.checkCurrentPassword(id, password, client);
		if (check == PasswordCheck.MUST_WAIT) {
			record(account, AuditOutcome.DENIED, "must wait after failed password checks");
			problems.add("email.problem.wait");
			return problems;
		}
		if (check == PasswordCheck.WRONG) {
			record(account, AuditOutcome.FAILURE, "current password did not match");
			problems.add("email.problem.password");
			return problems;
		}
		if (!problems.isEmpty()) {
			return problems;
		}
		if (waiting(id, address, now.minus(DOUBLE_SUBMIT), now)) {
			return List.of();
		}
		if (requestsSince(id, now.minus(Duration.ofHours(1))) >= REQUESTS_PER_HOUR) {
			record(account, AuditOutcome.DENIED, "too many requests this hour");
			return List.of("email.problem.too-many");
		}
		// Only the newest link works.
		this.jdbc.sql("""
				UPDATE identity.email_change SET expires_at = ?
				WHERE account_id = ? AND used_at IS NULL AND expires_at > ?
				""").params(Timestamp.from(now), id.value(), Timestamp.from(now)).update();
		String token = SingleUseTokens.newToken();
		this.jdbc.sql("""
				INSERT INTO identity.email_change (token_hash, account_id, new_email, created_at, expires_at)
				VALUES (?, ?, ?, ?, ?)
				""")
			.params(SingleUseTokens.hash(token), id.value(), address, Timestamp.from(now),
					Timestamp.from(now.plus(LINK_LIFETIME)))
			.update();
		record(account, AuditOutcome.SUCCESS, null);
		this.notifications.send(new Email("email-change-confirm", address, "Confirm your new Portico email address", """
				Hello %s,

				You asked to use this address for your Portico account %s. To confirm it, open this link within
				30 minutes (it works once):

				%s

				If you did not ask for this, ignore this email: nothing changes.
				""".formatted(account.displayName(), account.username(),
				this.notifications.link("/confirm-email?token=" + token))));
		this.notifications
			.send(new Email("email-change-requested", account.email(), "A change of your Portico email address", """
					Hello %s,

					Someone signed in to your Portico account %s with its password asked to send its mail to %s
					from now on. The change happens only if that address confirms it within 30 minutes.

					If this was not you, choose a new password at once and call Provider Services.
					""".formatted(account.displayName(), account.username(), address)));
		return List.of();
	}

	/** The address a change link would confirm, if the link can still be used. */
	@Transactional(readOnly = true)
	public Optional<String> pendingAddress(String token) {
		if (token == null || token.isBlank()) {
			return Optional.empty();
		}
		return this.jdbc.sql("""
				SELECT c.new_email FROM identity.email_change c JOIN identity.account a ON a.id = c.account_id
				WHERE c.token_hash = ? AND c.used_at IS NULL AND c.expires_at > ? AND a.enabled
				""")
			.params(SingleUseTokens.hash(token), Timestamp.from(Instant.now(this.clock)))
			.query(String.class)
			.optional();
	}

	/**
	 * Makes the link's address the account's, uses the link up, and tells the old
	 * address.
	 * @return false when the link cannot be used
	 */
	@Transactional
	public boolean confirmChange(String token) {
		Optional<String> address = pendingAddress(token);
		if (address.isEmpty()) {
			return false;
		}
		Instant now = Instant.now(this.clock);
		int used = this.jdbc.sql("""
				UPDATE identity.email_change SET used_at = ?
				WHERE token_hash = ? AND used_at IS NULL AND expires_at > ?
				""").params(Timestamp.from(now), SingleUseTokens.hash(token), Timestamp.from(now)).update();
		if (used != 1) {
			return false;
		}
		long id = this.jdbc.sql("SELECT account_id FROM identity.email_change WHERE token_hash = ?")
			.param(SingleUseTokens.hash(token))
			.query(Long.class)
			.single();
		Account account = account(new AccountId(id));
		this.jdbc.sql("UPDATE identity.account SET email = ? WHERE id = ?").params(address.get(), id).update();
		this.audit.record(AuditEvent.success(account.username(), "email.change", "account", String.valueOf(id)));
		this.notifications
			.send(new Email("email-changed", account.email(), "Your Portico email address was changed", """
					Hello %s,

					The email address of your Portico account %s is now %s: mail about your account goes there from
					now on, and no longer to this address.

					If this was not you, call Provider Services at once.
					""".formatted(account.displayName(), account.username(), address.get())));
		return true;
	}

	/** Requests the account made since then, whatever became of them. */
	private long requestsSince(AccountId id, Instant since) {
		return this.jdbc.sql("SELECT COUNT(*) FROM identity.email_change WHERE account_id = ? AND created_at > ?")
			.params(id.value(), Timestamp.from(since))
			.query(Long.class)
			.single();
	}

	/** Whether a link to this address, sent since then, still waits to be opened. */
	private boolean waiting(AccountId id, String address, Instant since, Instant now) {
		return this.jdbc.sql("""
				SELECT COUNT(*) FROM identity.email_change
				WHERE account_id = ? AND LOWER(new_email) = ? AND created_at > ? AND used_at IS NULL AND expires_at > ?
				""")
			.params(id.value(), address.toLowerCase(Locale.ROOT), Timestamp.from(since), Timestamp.from(now))
			.query(Long.class)
			.single() > 0;
	}

	private void record(Account account, AuditOutcome outcome, String detail) {
		this.audit.record(new AuditEvent(account.username(), "email.change-request", "account",
				String.valueOf(account.id().value()), outcome, detail));
	}

	private Account account(AccountId id) {
		return this.jdbc.sql("SELECT id, username, email, display_name FROM identity.account WHERE id = ?")
			.param(id.value())
			.query((rs, row) -> new Account(new AccountId(rs.getLong("id")), rs.getString("username"),
					rs.getString("email"), rs.getString("display_name")))
			.single();
	}

	private record Account(AccountId id, String username, String email, String displayName) {
	}

}
