package org.portico.identity;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import org.portico.audit.AuditEvent;
import org.portico.audit.AuditLog;
import org.portico.notifications.Email;
import org.portico.notifications.Notifications;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.web.webauthn.api.AuthenticatorTransport;
import org.springframework.security.web.webauthn.api.Bytes;
import org.springframework.security.web.webauthn.api.CredentialRecord;
import org.springframework.security.web.webauthn.api.ImmutableCredentialRecord;
import org.springframework.security.web.webauthn.api.ImmutablePublicKeyCose;
import org.springframework.security.web.webauthn.api.PublicKeyCredentialType;
import org.springframework.security.web.webauthn.management.UserCredentialRepository;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Passkeys (WebAuthn): where Spring Security keeps them, and what the account's owner
 * sees of them under Self Service. A passkey is both factors at once: something held and,
 * by the device's own unlock, something known or something one is.
 */
@Service
public class Passkeys implements UserCredentialRepository {

	private static final String COLUMNS = """
			credential_id, user_id, public_key, signature_count, uv_initialized, backup_eligible, backup_state,
			transports, credential_type, attestation_object, attestation_client_data_json, label, created_at,
			last_used_at""";

	private final JdbcClient jdbc;

	private final AuditLog audit;

	private final Notifications notifications;

	private final Clock clock;

	Passkeys(JdbcClient jdbc, AuditLog audit, Notifications notifications, Clock clock) {
		this.jdbc = jdbc;
		this.audit = audit;
		this.notifications = notifications;
		this.clock = clock;
	}

	/** A passkey as its owner sees it. */
	public record Passkey(String id, String label, Instant createdAt, Instant lastUsedAt) {
	}

	@Transactional(readOnly = true)
	public List<Passkey> of(AccountId account) {
		return this.jdbc.sql("""
				SELECT c.credential_id, c.label, c.created_at, c.last_used_at
				FROM identity.passkey_credential c JOIN identity.passkey_user u ON u.id = c.user_id
				WHERE u.account_id = ? ORDER BY c.created_at
				""")
			.param(account.value())
			.query((rs, row) -> new Passkey(rs.getString(1), rs.getString(2), rs.getTimestamp(3).toInstant(),
					rs.getTimestamp(4).toInstant()))
			.list();
	}

	@Transactional(readOnly = true)
	public boolean any(AccountId account) {
		return this.jdbc.sql("""
				SELECT COUNT(*) FROM identity.passkey_credential c JOIN identity.passkey_user u ON u.id = c.user_id
				WHERE u.account_id = ?
				""").param(account.value()).query(Long.class).single() > 0;
	}

	/**
	 * The owner removes one of their passkeys.
	 * @return whether it was theirs and is gone
	 */
	@Transactional
	public boolean remove(AccountId account, String username, String credentialId) {
		int removed = this.jdbc.sql("""
				DELETE FROM identity.passkey_credential WHERE credential_id = ?
				AND user_id IN (SELECT id FROM identity.passkey_user WHERE account_id = ?)
				""").params(credentialId, account.value()).update();
		if (removed == 1) {
			this.audit
				.record(AuditEvent.success(username, "mfa.passkey.remove", "account", String.valueOf(account.value())));
			tellOwner(account, "passkey-removed", "A passkey was removed from your Portico account",
					"A passkey was removed from your Portico account %s.");
		}
		return removed == 1;
	}

	/** Removes every passkey of an account, such as when an administrator resets it. */
	@Transactional
	void removeAll(AccountId account) {
		this.jdbc.sql("""
				DELETE FROM identity.passkey_credential
				WHERE user_id IN (SELECT id FROM identity.passkey_user WHERE account_id = ?)
				""").param(account.value()).update();
	}

	@Override
	@Transactional
	public void save(CredentialRecord record) {
		Timestamp lastUsed = Timestamp.from(orNow(record.getLastUsed()));
		int updated = this.jdbc.sql("""
				UPDATE identity.passkey_credential
				SET signature_count = ?, uv_initialized = ?, backup_state = ?, last_used_at = ?
				WHERE credential_id = ?
				""")
			.params(record.getSignatureCount(), record.isUvInitialized(), record.isBackupState(), lastUsed,
					record.getCredentialId().toBase64UrlString())
			.update();
		if (updated == 1) {
			return;
		}
		this.jdbc
			.sql("INSERT INTO identity.passkey_credential (" + COLUMNS
					+ ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
			.params(record.getCredentialId().toBase64UrlString(), record.getUserEntityUserId().toBase64UrlString(),
					record.getPublicKey().getBytes(), record.getSignatureCount(), record.isUvInitialized(),
					record.isBackupEligible(), record.isBackupState(),
					record.getTransports()
						.stream()
						.map(AuthenticatorTransport::getValue)
						.sorted()
						.collect(Collectors.joining(",")),
					record.getCredentialType().getValue(), bytes(record.getAttestationObject()),
					bytes(record.getAttestationClientDataJSON()), label(record.getLabel()),
					Timestamp.from(orNow(record.getCreated())), lastUsed)
			.update();
		this.jdbc.sql("""
				SELECT a.id, a.username FROM identity.account a JOIN identity.passkey_user u ON u.account_id = a.id
				WHERE u.id = ?
				""").param(record.getUserEntityUserId().toBase64UrlString()).query((rs) -> {
			AccountId account = new AccountId(rs.getLong(1));
			this.audit.record(
					AuditEvent.success(rs.getString(2), "mfa.passkey.add", "account", String.valueOf(account.value())));
			tellOwner(account, "passkey-added", "A passkey was added to your Portico account",
					"A passkey was added to your Portico account %s: it now signs you in without a password.");
		});
	}

	@Override
	@Transactional(readOnly = true)
	public CredentialRecord findByCredentialId(Bytes credentialId) {
		return this.jdbc.sql("SELECT " + COLUMNS + " FROM identity.passkey_credential WHERE credential_id = ?")
			.param(credentialId.toBase64UrlString())
			.query((rs, row) -> record(rs))
			.optional()
			.orElse(null);
	}

	@Override
	@Transactional(readOnly = true)
	public List<CredentialRecord> findByUserId(Bytes userId) {
		return this.jdbc.sql("SELECT " + COLUMNS + " FROM identity.passkey_credential WHERE user_id = ?")
			.param(userId.toBase64UrlString())
			.query((rs, row) -> record(rs))
			.list();
	}

	@Override
	@Transactional
	public void delete(Bytes credentialId) {
		this.jdbc.sql("DELETE FROM identity.passkey_credential WHERE credential_id = ?")
			.param(credentialId.toBase64UrlString())
			.update();
	}

	private void tellOwner(AccountId account, String category, String subject, String text) {
		this.jdbc.sql("SELECT username, email FROM identity.account WHERE id = ?")
			.param(account.value())
			.query((rs) -> {
				this.notifications.send(new Email(category, rs.getString(2), subject, """
						%s

						If you did not do this, call Provider Services at once.
						""".formatted(text.formatted(rs.getString(1)))));
			});
	}

	private Instant orNow(Instant instant) {
		return (instant != null) ? instant : Instant.now(this.clock);
	}

	private static String label(String label) {
		String text = (label == null) ? "" : label.strip();
		if (text.isEmpty()) {
			return "Passkey";
		}
		return (text.length() > 100) ? text.substring(0, 100) : text;
	}

	private static byte[] bytes(Bytes bytes) {
		return (bytes != null) ? bytes.getBytes() : null;
	}

	private static CredentialRecord record(ResultSet rs) throws SQLException {
		String transports = rs.getString("transports");
		byte[] attestation = rs.getBytes("attestation_object");
		byte[] clientData = rs.getBytes("attestation_client_data_json");
		Set<AuthenticatorTransport> parsed = transports.isEmpty() ? Set.of()
				: Arrays.stream(transports.split(",")).map(AuthenticatorTransport::valueOf).collect(Collectors.toSet());
		return ImmutableCredentialRecord.builder()
			.credentialId(Bytes.fromBase64(rs.getString("credential_id")))
			.userEntityUserId(Bytes.fromBase64(rs.getString("user_id")))
			.publicKey(new ImmutablePublicKeyCose(rs.getBytes("public_key")))
			.signatureCount(rs.getLong("signature_count"))
			.uvInitialized(rs.getBoolean("uv_initialized"))
			.backupEligible(rs.getBoolean("backup_eligible"))
			.backupState(rs.getBoolean("backup_state"))
			.transports(parsed)
			.credentialType(PublicKeyCredentialType.valueOf(rs.getString("credential_type")))
			.attestationObject((attestation != null) ? new Bytes(attestation) : null)
			.attestationClientDataJSON((clientData != null) ? new Bytes(clientData) : null)
			.label(rs.getString("label"))
			.created(rs.getTimestamp("created_at").toInstant())
			.lastUsed(rs.getTimestamp("last_used_at").toInstant())
			.build();
	}

}
