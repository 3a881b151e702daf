package org.portico.identity;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalLong;

import io.nayuki.qrcodegen.QrCode;

import org.portico.audit.AuditEvent;
import org.portico.audit.AuditLog;
import org.portico.audit.AuditOutcome;
import org.portico.notifications.Email;
import org.portico.notifications.Notifications;
import org.portico.platform.SecretSealer;
import org.portico.platform.SingleUseTokens;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Two-step sign-in with an authenticator app (TOTP): enrollment with a QR code, confirmed
 * by a first code and the current password; ten one-time recovery codes; and the second
 * step at sign-in, where each code works once.
 */
@Service
public class TwoStepSignIn {

	private static final String PURPOSE = "totp-secret";

	private static final String RECOVERY_ALPHABET = "abcdefghjkmnpqrstuvwxyz23456789";

	private static final SecureRandom RANDOM = new SecureRandom();

	private final JdbcClient jdbc;

	private final SecretSealer sealer;

	private final SignInGuard guard;

	private final AuditLog audit;

	private final Notifications notifications;

	private final Sessions sessions;

	private final Passkeys passkeys;

	private final Clock clock;

	TwoStepSignIn(JdbcClient jdbc, SecretSealer sealer, SignInGuard guard, AuditLog audit, Notifications notifications,
			Sessions sessions, Passkeys passkeys, Clock clock) {
		this.sessions = sessions;
		this.passkeys = passkeys;
		this.jdbc = jdbc;
		this.sealer = sealer;
		this.guard = guard;
		this.audit = audit;
		this.notifications = notifications;
		this.clock = clock;
	}

	/**
	 * What the enrollment page shows: the QR code and the same secret to type in by hand.
	 */
	public record Enrollment(String secret, String qrSvg) {
	}

	@Transactional(readOnly = true)
	public boolean enrolled(AccountId id) {
		return this.jdbc
			.sql("SELECT COUNT(*) FROM identity.totp_credential WHERE account_id = ? AND confirmed_at IS NOT NULL")
			.param(id.value())
			.query(Long.class)
			.single() > 0;
	}

	/**
	 * Starts (or restarts) enrollment with a new secret; the current one stays until
	 * confirmed.
	 */
	@Transactional
	public Enrollment begin(AccountId id, String username) {
		byte[] secret = new byte[20];
		RANDOM.nextBytes(secret);
		String sealed = this.sealer.seal(secret, PURPOSE);
		Timestamp now = Timestamp.from(Instant.now(this.clock));
		if (this.jdbc.sql(
				"UPDATE identity.totp_credential SET sealed_secret = ?, created_at = ? WHERE account_id = ? AND confirmed_at IS NULL")
			.params(sealed, now, id.value())
			.update() == 0 && !enrolled(id)) {
			this.jdbc.sql("""
					INSERT INTO identity.totp_credential (account_id, sealed_secret, created_at, last_used_step)
					VALUES (?, ?, ?, 0)
					""").params(id.value(), sealed, now).update();
		}
		return enrollment(secret, username);
	}

	/** The enrollment under way, to show again after a mistyped code. */
	@Transactional(readOnly = true)
	public Optional<Enrollment> pending(AccountId id, String username) {
		return this.jdbc
			.sql("SELECT sealed_secret FROM identity.totp_credential WHERE account_id = ? AND confirmed_at IS NULL")
			.param(id.value())
			.query(String.class)
			.optional()
			.map((sealed) -> enrollment(this.sealer.open(sealed, PURPOSE), username));
	}

	private static Enrollment enrollment(byte[] secret, String username) {
		String base32 = Totp.base32(secret);
		String uri = "otpauth://totp/" + encode("Portico:" + username) + "?secret=" + base32
				+ "&issuer=Portico&algorithm=SHA1&digits=6&period=30";
		return new Enrollment(base32, svg(QrCode.encodeText(uri, QrCode.Ecc.MEDIUM)));
	}

	/** How confirming an enrollment ended. */
	public sealed interface Confirmation {

		/** Two-step sign-in is on; the recovery codes are shown once. */
		record Confirmed(List<String> recoveryCodes) implements Confirmation {
		}

		/** Nothing changed; the message key says why. */
		record Refused(String messageKey) implements Confirmation {
		}

	}

	/**
	 * Confirms enrollment with the current password and a first code from the app. A
	 * wrong password counts as a failed sign-in: the same delays and lock stop guessing.
	 * @param client the client address, counted like a sign-in's
	 */
	@Transactional
	public Confirmation confirm(AccountId id, String username, String email, String password, String code,
			String client) {
		PasswordCheck check = this.guard.checkCurrentPassword(id, password, client);
		if (check == PasswordCheck.MUST_WAIT) {
			this.audit.record(new AuditEvent(username, "mfa.enroll", "account", String.valueOf(id.value()),
					AuditOutcome.DENIED, "must wait after failed password checks"));
			return new Confirmation.Refused("password.current-wait");
		}
		Optional<byte[]> secret = this.jdbc
			.sql("SELECT sealed_secret FROM identity.totp_credential WHERE account_id = ? AND confirmed_at IS NULL")
			.param(id.value())
			.query(String.class)
			.optional()
			.map((s) -> this.sealer.open(s, PURPOSE));
		OptionalLong step = secret.isPresent()
				? Totp.matchingStep(secret.get(), code, Totp.step(Instant.now(this.clock).getEpochSecond()))
				: OptionalLong.empty();
		if (check == PasswordCheck.WRONG || step.isEmpty()) {
			this.audit.record(new AuditEvent(username, "mfa.enroll", "account", String.valueOf(id.value()),
					AuditOutcome.FAILURE, null));
			return new Confirmation.Refused("two-step.enroll.wrong");
		}
		int confirmed = this.jdbc.sql("""
				UPDATE identity.totp_credential SET confirmed_at = ?, last_used_step = ?
				WHERE account_id = ? AND confirmed_at IS NULL
				""").params(Timestamp.from(Instant.now(this.clock)), step.getAsLong(), id.value()).update();
		if (confirmed != 1) {
			// Confirmed a moment ago by a double submit: the codes shown then are the
			// ones that count.
			return new Confirmation.Refused("two-step.enroll.wrong");
		}

		List<String> codes = newRecoveryCodes(id);
		this.audit.record(AuditEvent.success(username, "mfa.enroll", "account", String.valueOf(id.value())));
		this.notifications.send(new Email("mfa-enrolled", email, "Two-step sign-in is on for your Portico account", """
				Two-step sign-in with an authenticator app was turned on for your Portico account %s.

				If you did not do this, call Provider Services at once.
				""".formatted(username)));
		return new Confirmation.Confirmed(codes);
	}

	/** The second step at sign-in: a code from the app, or one of the recovery codes. */
	@Transactional
	public boolean verify(AccountId id, String username, String typed) {
		boolean ok = verifyCode(id, typed) || useRecoveryCode(id, typed);
		this.audit.record(new AuditEvent(username, "mfa.verify", "account", String.valueOf(id.value()),
				ok ? AuditOutcome.SUCCESS : AuditOutcome.FAILURE, null));
		return ok;
	}

	/**
	 * Turns every second factor off, app and passkeys, such as when an administrator
	 * resets a lost phone. The account sets one up again at its next sign-in.
	 */
	@Transactional
	public void remove(AccountId id, String by) {
		this.passkeys.removeAll(id);
		this.jdbc.sql("DELETE FROM identity.recovery_code WHERE account_id = ?").param(id.value()).update();
		this.jdbc.sql("DELETE FROM identity.totp_credential WHERE account_id = ?").param(id.value()).update();
		this.audit.record(AuditEvent.success(by, "mfa.remove", "account", String.valueOf(id.value())));
		this.jdbc.sql("SELECT username, email FROM identity.account WHERE id = ?").param(id.value()).query((rs) -> {
			this.sessions.endAll(rs.getString(1));
			this.notifications.send(new Email("mfa-removed", rs.getString(2),
					"Two-step sign-in was turned off for your Portico account", """
							%s turned off two-step sign-in for your Portico account %s, removed its passkeys and
							ended your sessions. Sign in with your password and set up a second step again.

							If you did not ask for this, call Provider Services at once.
							""".formatted(by, rs.getString(1))));
		});
	}

	private boolean verifyCode(AccountId id, String typed) {
		return this.jdbc.sql("""
				SELECT sealed_secret, last_used_step FROM identity.totp_credential
				WHERE account_id = ? AND confirmed_at IS NOT NULL
				""").param(id.value()).query((rs, row) -> {
			byte[] secret = this.sealer.open(rs.getString(1), PURPOSE);
			OptionalLong step = Totp.matchingStep(secret, typed, Totp.step(Instant.now(this.clock).getEpochSecond()));
			// A code works once: only a later step than the last one used counts.
			return step.isPresent() && this.jdbc.sql("""
					UPDATE identity.totp_credential SET last_used_step = ? WHERE account_id = ? AND last_used_step < ?
					""").params(step.getAsLong(), id.value(), step.getAsLong()).update() == 1;
		}).optional().orElse(false);
	}

	private boolean useRecoveryCode(AccountId id, String typed) {
		if (typed == null || typed.isBlank()) {
			return false;
		}
		String normalized = typed.strip().toLowerCase(Locale.ROOT).replace(" ", "").replace("-", "");
		return this.jdbc.sql("""
				UPDATE identity.recovery_code SET used_at = ? WHERE account_id = ? AND code_hash = ? AND used_at IS NULL
				""")
			.params(Timestamp.from(Instant.now(this.clock)), id.value(), SingleUseTokens.hash(normalized))
			.update() == 1;
	}

	private List<String> newRecoveryCodes(AccountId id) {
		this.jdbc.sql("DELETE FROM identity.recovery_code WHERE account_id = ?").param(id.value()).update();
		List<String> codes = new ArrayList<>();
		for (int i = 0; i < 10; i++) {
			StringBuilder code = new StringBuilder();
			for (int c = 0; c < 10; c++) {
				if (c == 5) {
					code.append('-');
				}
				code.append(RECOVERY_ALPHABET.charAt(RANDOM.nextInt(RECOVERY_ALPHABET.length())));
			}
			codes.add(code.toString());
			this.jdbc.sql("INSERT INTO identity.recovery_code (account_id, code_hash) VALUES (?, ?)")
				.params(id.value(), SingleUseTokens.hash(code.toString().replace("-", "")))
				.update();
		}
		return codes;
	}

	private static String svg(QrCode qr) {
		int border = 4;
		StringBuilder path = new StringBuilder();
		for (int y = 0; y < qr.size; y++) {
			for (int x = 0; x < qr.size; x++) {
				if (qr.getModule(x, y)) {
					path.append('M').append(x + border).append(',').append(y + border).append("h1v1h-1z");
				}
			}
		}
		int size = qr.size + 2 * border;
		return "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 " + size + " " + size
				+ "\" shape-rendering=\"crispEdges\"><rect width=\"100%\" height=\"100%\" fill=\"#ffffff\"/>"
				+ "<path d=\"" + path + "\" fill=\"#000000\"/></svg>";
	}

	private static String encode(String text) {
		return URLEncoder.encode(text, StandardCharsets.UTF_8).replace("+", "%20");
	}

}
