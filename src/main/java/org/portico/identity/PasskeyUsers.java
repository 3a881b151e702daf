package org.portico.identity;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.web.webauthn.api.Bytes;
import org.springframework.security.web.webauthn.api.ImmutablePublicKeyCredentialUserEntity;
import org.springframework.security.web.webauthn.api.PublicKeyCredentialUserEntity;
import org.springframework.security.web.webauthn.management.PublicKeyCredentialUserEntityRepository;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Accounts as passkeys know them: a random user handle per account, created the first
 * time its owner adds a passkey. The name is the username.
 */
@Component
class PasskeyUsers implements PublicKeyCredentialUserEntityRepository {

	private final JdbcClient jdbc;

	PasskeyUsers(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	@Override
	@Transactional(readOnly = true)
	public PublicKeyCredentialUserEntity findById(Bytes id) {
		return find("id", id.toBase64UrlString());
	}

	@Override
	@Transactional(readOnly = true)
	public PublicKeyCredentialUserEntity findByUsername(String username) {
		return find("name", username);
	}

	@Override
	@Transactional
	public void save(PublicKeyCredentialUserEntity user) {
		this.jdbc.sql("""
				INSERT INTO identity.passkey_user (id, account_id, name, display_name)
				SELECT ?, a.id, a.username, a.display_name FROM identity.account a
				WHERE a.username = ? AND NOT EXISTS (SELECT 1 FROM identity.passkey_user p WHERE p.account_id = a.id)
				""").params(user.getId().toBase64UrlString(), user.getName()).update();
	}

	@Override
	@Transactional
	public void delete(Bytes id) {
		this.jdbc.sql("DELETE FROM identity.passkey_credential WHERE user_id = ?")
			.param(id.toBase64UrlString())
			.update();
		this.jdbc.sql("DELETE FROM identity.passkey_user WHERE id = ?").param(id.toBase64UrlString()).update();
	}

	private PublicKeyCredentialUserEntity find(String column, String value) {
		return this.jdbc.sql("SELECT id, name, display_name FROM identity.passkey_user WHERE " + column + " = ?")
			.param(value)
			.query((rs, row) -> ImmutablePublicKeyCredentialUserEntity.builder()
				.id(Bytes.fromBase64(rs.getString("id")))
				.name(rs.getString("name"))
				.displayName(rs.getString("display_name"))
				.build())
			.optional()
			.orElse(null);
	}

}
