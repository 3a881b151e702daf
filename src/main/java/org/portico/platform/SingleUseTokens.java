package org.portico.platform;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;

/**
 * The secrets in emailed links and recovery codes: 256 random bits for the link, and only
 * a SHA-256 hash of it in the database, so a copy of the database opens no link.
 */
public final class SingleUseTokens {

	private static final SecureRandom RANDOM = new SecureRandom();

	private SingleUseTokens() {
	}

	/** A new token, URL-safe. */
	public static String newToken() {
		byte[] secret = new byte[32];
		RANDOM.nextBytes(secret);
		return Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
	}

	/** What is stored of a token: 64 lowercase hex characters. */
	public static String hash(String token) {
		try {
			return HexFormat.of()
				.formatHex(MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8)));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException("SHA-256 is not available", ex);
		}
	}

}
