package org.portico.identity;

import org.portico.audit.AuditEvent;
import org.portico.audit.AuditLog;
import org.portico.audit.AuditOutcome;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The identity module's facade for accounts, and the source of users for sign-in.
 */
@Service
public class Accounts implements UserDetailsService {

	private final JdbcClient jdbc;

	private final PasswordEncoder passwordEncoder;

	private final SignInGuard guard;

	private final Sessions sessions;

	private final AuditLog audit;

	Accounts(JdbcClient jdbc, PasswordEncoder passwordEncoder, SignInGuard guard, Sessions sessions, AuditLog audit) {
		this.jdbc = jdbc;
		this.passwordEncoder = passwordEncoder;
		this.guard = guard;
		this.sessions = sessions;
		this.audit = audit;
	}

	@Transactional
	public AccountId openProviderAccount(NewAccount account) {
		return insert(account, AccountKind.PROVIDER, false);
	}

	/**
	 * Opens a provider account that cannot sign in until {@link #approvePendingAccount
	 * approved}: its username is taken and its password hashed at once, and nothing but
	 * the hash is kept.
	 */
	@Transactional
	public AccountId openProviderAccountPendingApproval(NewAccount account) {
		AccountId id = insert(account, AccountKind.PROVIDER, true);
		this.audit.record(AuditEvent.success(account.username().trim().toLowerCase(Locale.ROOT), "account.open-pending",
				"account", String.valueOf(id.value())));
		return id;
	}

	/**
	 * Lets an account opened pending approval sign in.
	 * @return false when the account is not pending approval (approved or removed
	 * already)
	 */
	@Transactional
	public boolean approvePendingAccount(AccountId id, String approvedBy) {
		int changed = this.jdbc.sql("""
				UPDATE identity.account SET enabled = TRUE, pending_approval = FALSE WHERE id = ? AND pending_approval
				""").param(id.value()).update();
		if (changed == 1) {
			this.audit.record(AuditEvent.success(approvedBy, "account.approve", "account", String.valueOf(id.value())));
		}
		return changed == 1;
	}

	/**
	 * Removes an account still pending approval, which never signed in, so that its
	 * username is free again.
	 * @return false when the account is not pending approval
	 */
	@Transactional
	public boolean discardPendingAccount(AccountId id, String discardedBy) {
		if (this.jdbc.sql("SELECT COUNT(*) FROM identity.account WHERE id = ? AND pending_approval")
			.param(id.value())
			.query(Long.class)
			.single() == 0) {
			return false;
		}
		// Failed sign-in attempts against it may have left an unlock link.
		this.jdbc.sql("DELETE FROM identity.unlock_token WHERE account_id = ?").param(id.value()).update();
		this.jdbc.sql("DELETE FROM identity.password_reset WHERE account_id = ?").param(id.value()).update();
		this.jdbc.sql("DELETE FROM identity.account WHERE id = ? AND pending_approval").param(id.value()).update();
		this.audit.record(AuditEvent.success(discardedBy, "account.discard", "account", String.valueOf(id.value())));
		return true;
	}

	@Transactional
	public AccountId openStaffAccount(NewAccount account, Set<StaffRole> roles) {
		AccountId id = insert(account, AccountKind.STAFF, false);
		for (StaffRole role : roles) {
			this.jdbc.sql("INSERT INTO identity.staff_role (account_id, role) VALUES (?, ?)")
				.params(id.value(), role.name())
				.update();
		}
		return id;
	}

	/** Accounts as an access administrator sees them. */
	@Transactional(readOnly = true)
	public List<AccountSummary> summaries(Collection<AccountId> ids) {
		if (ids.isEmpty()) {
			return List.of();
		}
		return this.jdbc.sql("""
				SELECT id, username, display_name, email, enabled, last_sign_in_at FROM identity.account
				WHERE id IN (:ids) ORDER BY display_name
				""")
			.param("ids", ids.stream().map(AccountId::value).toList())
			.query((rs, row) -> new AccountSummary(new AccountId(rs.getLong("id")), rs.getString("username"),
					rs.getString("display_name"), rs.getString("email"), rs.getBoolean("enabled"),
					instant(rs.getTimestamp("last_sign_in_at"))))
			.list();
	}

	/**
	 * Deactivates or reactivates an account. Deactivating ends all its sessions at once.
	 * An account pending approval is not reactivated this way: only its approval lets it
	 * in.
	 * @return whether the account changed
	 */
	@Transactional
	public boolean setEnabled(AccountId id, boolean enabled, String changedBy) {
		String username = this.jdbc.sql("SELECT username FROM identity.account WHERE id = ?")
			.param(id.value())
			.query(String.class)
			.single();
		int changed = this.jdbc
			.sql("UPDATE identity.account SET enabled = ? WHERE id = ? AND enabled <> ? AND NOT pending_approval")
			.params(enabled, id.value(), enabled)
			.update();
		if (changed == 1) {
			if (!enabled) {
				this.sessions.endAll(username);
			}
			this.audit.record(AuditEvent.success(changedBy, enabled ? "account.reactivate" : "account.deactivate",
					"account", String.valueOf(id.value())));
		}
		return changed == 1;
	}

	/**
	 * Lets an account sign in without a second factor. Only the demo loader does this,
	 * for the demo logins, so that the demo can be tried without a phone; it is audited.
	 */
	@Transactional
	public void waiveSecondStep(AccountId id, String reason) {
		this.jdbc.sql("UPDATE identity.account SET second_step_waived = TRUE WHERE id = ?").param(id.value()).update();
		this.audit.record(new AuditEvent("(system)", "mfa.waive", "account", String.valueOf(id.value()),
				AuditOutcome.SUCCESS, reason));
	}

	/** Whether the account may sign in without a second factor (demo logins only). */
	@Transactional(readOnly = true)
	boolean secondStepWaived(AccountId id) {
		return this.jdbc.sql("SELECT second_step_waived FROM identity.account WHERE id = ?")
			.param(id.value())
			.query(Boolean.class)
			.optional()
			.orElse(false);
	}

	@Transactional(readOnly = true)
	public boolean anyAccountExists() {
		return this.jdbc.sql("SELECT COUNT(*) FROM identity.account").query(Long.class).single() > 0;
	}

	@Transactional(readOnly = true)
	public Optional<AccountId> idOf(String username) {
		if (username == null || username.isBlank()) {
			return Optional.empty();
		}
		return this.jdbc.sql("SELECT id FROM identity.account WHERE username = ?")
			.param(username.trim().toLowerCase(Locale.ROOT))
			.query((rs, row) -> new AccountId(rs.getLong(1)))
			.optional();
	}

	@Override
	@Transactional(readOnly = true)
	public UserDetails loadUserByUsername(String username) {
		String name = (username == null) ? "" : username.trim().toLowerCase(Locale.ROOT);
		return this.jdbc.sql("""
				SELECT id, username, password_hash, enabled, display_name, kind, failed_sign_ins,
				       last_failed_sign_in_at, locked_until
				FROM identity.account WHERE username = ?
				""").param(name).query((rs, row) -> {
			AccountId id = new AccountId(rs.getLong("id"));
			AccountKind kind = AccountKind.valueOf(rs.getString("kind"));
			boolean mayTry = this.guard.accountMayTry(rs.getInt("failed_sign_ins"),
					instant(rs.getTimestamp("last_failed_sign_in_at")), instant(rs.getTimestamp("locked_until")));
			if (!mayTry) {
				// Refused before its password is checked, so spend the time a check
				// takes: how long the
				// answer takes must not tell a waiting account from any other.
				this.passwordEncoder.matches("timing only", rs.getString("password_hash"));
			}
			return new PorticoUser(id, rs.getString("username"), rs.getString("password_hash"),
					rs.getBoolean("enabled"), mayTry, rs.getString("display_name"), kind, authorities(id, kind));
		}).optional().orElseThrow(() -> new UsernameNotFoundException("No such account"));
	}

	@Transactional
	void recordSignIn(AccountId id) {
		this.jdbc.sql("UPDATE identity.account SET last_sign_in_at = ? WHERE id = ?")
			.params(Timestamp.from(Instant.now()), id.value())
			.update();
	}

	private static Instant instant(Timestamp timestamp) {
		return (timestamp != null) ? timestamp.toInstant() : null;
	}

	private List<SimpleGrantedAuthority> authorities(AccountId id, AccountKind kind) {
		if (kind == AccountKind.PROVIDER) {
			return List.of(new SimpleGrantedAuthority("ROLE_PROVIDER_USER"));
		}
		List<SimpleGrantedAuthority> roles = new java.util.ArrayList<>();
		roles.add(new SimpleGrantedAuthority("ROLE_STAFF"));
		this.jdbc.sql("SELECT role FROM identity.staff_role WHERE account_id = ?")
			.param(id.value())
			.query(String.class)
			.list()
			.forEach((role) -> roles.add(new SimpleGrantedAuthority(StaffRole.valueOf(role).authority())));
		return roles;
	}

	private AccountId insert(NewAccount account, AccountKind kind, boolean pendingApproval) {
		KeyHolder keys = new GeneratedKeyHolder();
		this.jdbc.sql("""
				INSERT INTO identity.account
				  (username, email, display_name, password_hash, kind, enabled, pending_approval, created_at)
				VALUES (?, ?, ?, ?, ?, ?, ?, ?)
				""")
			.params(account.username().trim().toLowerCase(Locale.ROOT), account.email(), account.displayName(),
					this.passwordEncoder.encode(account.rawPassword()), kind.name(), !pendingApproval, pendingApproval,
					Timestamp.from(Instant.now()))
			.update(keys, "id");
		return new AccountId(keys.getKey().longValue());
	}

}
