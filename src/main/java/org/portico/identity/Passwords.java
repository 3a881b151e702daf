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
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Changing a password, and choosing a new one through an emailed single-use link. A
 * password is never shown, never emailed and never kept but as an adaptive hash.
 */
@Service
public class Passwords {

	static final Duration RESET_LINK_LIFETIME = Duration.ofMinutes(30);

	static final Duration INVITATION_LIFETIME = Duration.ofDays(7);

	/** Reset links one account may be sent per hour, so nobody can flood a mailbox. */
	static final int RESETS_PER_HOUR = 3;

	private final JdbcClient jdbc;

	private final PasswordEncoder encoder;

	private final PasswordPolicy policy;

	private final Notifications notifications;

	private final AuditLog audit;

	private final Sessions sessions;

	private final SignInGuard guard;

	private final Clock clock;

	Passwords(JdbcClient jdbc, PasswordEncoder encoder, PasswordPolicy policy, Notifications notifications,
			AuditLog audit, Sessions sessions, SignInGuard guard, Clock clock) {
		this.jdbc = jdbc;
		this.encoder = encoder;
		this.policy = policy;
		this.notifications = notifications;
		this.audit = audit;
		this.sessions = sessions;
		this.guard = guard;
		this.clock = clock;
	}

	/**
	 * Changes the signed-in user's password after checking the current one, and ends the
	 * user's other sessions. A wrong current password counts as a failed sign-in: the
	 * same delays and lock stop guessing.
	 * @param client the client address, counted like a sign-in's
	 * @return message keys of what is wrong; empty when the password was changed
	 */
	@Transactional
	public List<String> change(AccountId id, String current, String chosen, String confirmation,
			String currentSessionId, String client) {
		Account account = account(id).orElseThrow();
		PasswordCheck check = this.guard.checkCurrentPassword(id, current, client);
		if (check != PasswordCheck.RIGHT) {
			this.audit
				.record(new AuditEvent(account.username(), "password.change", "account", String.valueOf(id.value()),
						(check == PasswordCheck.WRONG) ? AuditOutcome.FAILURE : AuditOutcome.DENIED,
						(check == PasswordCheck.WRONG) ? "current password did not match"
								: "must wait after failed password checks"));
			return List.of((check == PasswordCheck.WRONG) ? "password.current-wrong" : "password.current-wait");
		}
		List<String> problems = problems(chosen, confirmation, account.username());
		if (!problems.isEmpty()) {
			return problems;
		}
		setPassword(account, chosen);
		this.audit
			.record(AuditEvent.success(account.username(), "password.change", "account", String.valueOf(id.value())));
		this.notifications.send(new Email("password-changed", account.email(), "Your Portico password was changed", """
				Hello %s,

				The password of your Portico account %s was just changed, and your other sessions were ended.

				If you did not change it, call Provider Services at once.
				""".formatted(account.displayName(), account.username())));
		this.sessions.endAllExcept(account.username(), currentSessionId);
		return List.of();
	}

	/**
	 * Re-authentication: checks the signed-in user's password again before a sensitive
	 * change, audited, and counted like a sign-in when wrong.
	 * @param client the client address, counted like a sign-in's
	 */
	@Transactional
	public PasswordCheck reconfirm(AccountId id, String typed, String purpose, String client) {
		Account account = account(id).orElseThrow();
		PasswordCheck check = this.guard.checkCurrentPassword(id, typed, client);
		this.audit.record(new AuditEvent(account.username(), "password.reconfirm", "account",
				String.valueOf(id.value()), switch (check) {
					case RIGHT -> AuditOutcome.SUCCESS;
					case WRONG -> AuditOutcome.FAILURE;
					case MUST_WAIT -> AuditOutcome.DENIED;
				}, purpose));
		return check;
	}

	/**
	 * Emails a single-use link to choose a new password, if the username names an active
	 * account. Whether it does is never revealed: the caller answers the same either way.
	 */
	@Transactional
	public void requestReset(String username) {
		Optional<Account> found = (username == null) ? Optional.empty()
				: findByUsername(username.trim().toLowerCase(Locale.ROOT)).filter(Account::enabled);
		if (found.isEmpty()) {
			this.audit.record(new AuditEvent("(unknown account)", "password.reset-request", null, null,
					AuditOutcome.FAILURE, null));
			return;
		}
		Account account = found.get();
		Instant now = Instant.now(this.clock);
		long recent = this.jdbc.sql("""
				SELECT COUNT(*) FROM identity.password_reset WHERE account_id = ? AND created_at > ?
				""")
			.params(account.id().value(), Timestamp.from(now.minus(Duration.ofHours(1))))
			.query(Long.class)
			.single();
		if (recent >= RESETS_PER_HOUR) {
			this.audit.record(new AuditEvent(account.username(), "password.reset-request", "account",
					String.valueOf(account.id().value()), AuditOutcome.DENIED, "too many requests this hour"));
			return;
		}
		String token = newToken(account, now, RESET_LINK_LIFETIME);
		this.audit.record(AuditEvent.success(account.username(), "password.reset-request", "account",
				String.valueOf(account.id().value())));
		this.notifications.send(new Email("password-reset", account.email(), "Choose a new Portico password", """
				Hello %s,

				To choose a new password for your Portico account %s, open this link within 30 minutes:

				%s

				The link works once. If you did not ask for it, ignore this email: your password stays as it is.
				""".formatted(account.displayName(), account.username(),
				this.notifications.link("/reset-password?token=" + token))));
	}

	/**
	 * Emails a new user a single-use link to choose their password, valid for 7 days.
	 * Until then the account has a random password nobody knows.
	 */
	@Transactional
	public void invite(AccountId id, String invitedBy, String practice) {
		Account account = account(id).orElseThrow();
		Instant now = Instant.now(this.clock);
		String token = newToken(account, now, INVITATION_LIFETIME);
		this.audit.record(AuditEvent.success(invitedBy, "account.invite", "account", String.valueOf(id.value())));
		this.notifications.send(new Email("invitation", account.email(), "You are invited to Portico", """
				Hello %s,

				%s invited you to use Portico, the provider self-service portal, for %s. Your username is %s.

				To choose your password, open this link within 7 days (it works once):

				%s
				""".formatted(account.displayName(), invitedBy, practice, account.username(),
				this.notifications.link("/reset-password?token=" + token))));
	}

	/** Whether a reset link can still be used. */
	@Transactional(readOnly = true)
	public boolean resetLinkUsable(String token) {
		return token != null && this.jdbc.sql("""
				SELECT COUNT(*) FROM identity.password_reset r JOIN identity.account a ON a.id = r.account_id
				WHERE r.token_hash = ? AND r.used_at IS NULL AND r.expires_at > ? AND a.enabled
				""")
			.params(SingleUseTokens.hash(token), Timestamp.from(Instant.now(this.clock)))
			.query(Long.class)
			.single() > 0;
	}

	/**
	 * Sets the password chosen through a reset link, uses the link up, and ends every
	 * session of the account.
	 * @return message keys of what is wrong; empty when the password was set
	 */
	@Transactional
	public List<String> reset(String token, String chosen, String confirmation) {
		if (!resetLinkUsable(token)) {
			return List.of("password.reset.link-unusable");
		}
		long accountId = this.jdbc.sql("SELECT account_id FROM identity.password_reset WHERE token_hash = ?")
			.param(SingleUseTokens.hash(token))
			.query(Long.class)
			.single();
		Account account = account(new AccountId(accountId)).orElseThrow();
		List<String> problems = problems(chosen, confirmation, account.username());
		if (!problems.isEmpty()) {
			return problems;
		}
		Instant now = Instant.now(this.clock);
		int used = this.jdbc.sql("""
				UPDATE identity.password_reset SET used_at = ?
				WHERE token_hash = ? AND used_at IS NULL AND expires_at > ?
				""").params(Timestamp.from(now), SingleUseTokens.hash(token), Timestamp.from(now)).update();
		if (used != 1) {
			return List.of("password.reset.link-unusable");
		}
		setPassword(account, chosen);
		this.audit
			.record(AuditEvent.success(account.username(), "password.reset", "account", String.valueOf(accountId)));
		this.notifications.send(new Email("password-reset-done", account.email(), "Your Portico password was reset", """
				Hello %s,

				A new password was just chosen for your Portico account %s, and all its sessions were ended.

				If this was not you, call Provider Services at once.
				""".formatted(account.displayName(), account.username())));
		this.sessions.endAll(account.username());
		return List.of();
	}

	private String newToken(Account account, Instant now, Duration lifetime) {
		String token = SingleUseTokens.newToken();
		this.jdbc.sql("""
				INSERT INTO identity.password_reset (token_hash, account_id, created_at, expires_at)
				VALUES (?, ?, ?, ?)
				""")
			.params(SingleUseTokens.hash(token), account.id().value(), Timestamp.from(now),
					Timestamp.from(now.plus(lifetime)))
			.update();
		return token;
	}

	/**
	 * What the policy says of a chosen password, plus whether it was typed twice alike.
	 */
	private List<String> problems(String chosen, String confirmation, String username) {
		List<String> problems = new ArrayList<>();
		this.policy.problems(chosen, username, false).forEach((p) -> problems.add(p.messageKey()));
		if (!PasswordPolicy.normalize(chosen).equals(PasswordPolicy.normalize(confirmation))) {
			problems.add("password.problem.MISMATCH");
		}
		return problems;
	}

	private void setPassword(Account account, String chosen) {
		this.jdbc.sql("UPDATE identity.account SET password_hash = ? WHERE id = ?")
			.params(this.encoder.encode(chosen), account.id().value())
			.update();
	}

	private Optional<Account> account(AccountId id) {
		return this.jdbc.sql("SELECT * FROM identity.account WHERE id = ?")
			.param(id.value())
			.query(this::row)
			.optional();
	}

	private Optional<Account> findByUsername(String username) {
		return this.jdbc.sql("SELECT * FROM identity.account WHERE username = ?")
			.param(username)
			.query(this::row)
			.optional();
	}

	private Account row(java.sql.ResultSet rs, int row) throws java.sql.SQLException {
		return new Account(new AccountId(rs.getLong("id")), rs.getString("username"), rs.getString("email"),
				rs.getString("display_name"), rs.getString("password_hash"), rs.getBoolean("enabled"));
	}

	private record Account(AccountId id, String username, String email, String displayName, String passwordHash,
			boolean enabled) {
	}

}
