package org.portico.platform;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.HexFormat;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Keyed hash (HMAC-SHA-256) for identifiers that must be matched but never stored or
 * shown in full, such as TINs and SSNs. A plain hash of a nine-digit number could be
 * reversed by trying them all; without the key it cannot.
 */
@Component
public class IdentifierHasher {

	/** Used only on the embedded database, where all data is synthetic. */
	static final String EMBEDDED_DEMO_KEY = "portico-embedded-demo-identifier-key";

	private static final Logger log = LoggerFactory.getLogger(IdentifierHasher.class);

	private final SecretKeySpec key;

	IdentifierHasher(@Value("${portico.identifier-key:}") String key, DatabaseProduct database) {
		if (key == null || key.isBlank()) {
			if (!database.isEmbedded()) {
				throw new IllegalStateException(
						"Set PORTICO_IDENTIFIER_KEY: the secret key for hashing TINs and SSNs (at least 16 characters)");
			}
			log.warn("Using the embedded demo key for TIN and SSN hashes: set PORTICO_IDENTIFIER_KEY for real data");
			key = EMBEDDED_DEMO_KEY;
		}
		if (key.length() < 16) {
			throw new IllegalStateException("PORTICO_IDENTIFIER_KEY must be at least 16 characters");
		}
		this.key = new SecretKeySpec(key.getBytes(StandardCharsets.UTF_8), "HmacSHA256");
	}

	/**
	 * @param kind what the value is ("tin", "ssn"), so equal digits of different kinds
	 * differ
	 * @param value the identifier's digits
	 * @return 64 lowercase hex characters
	 */
	public String hash(String kind, String value) {
		try {
			Mac mac = Mac.getInstance("HmacSHA256");
			mac.init(this.key);
			mac.update(kind.getBytes(StandardCharsets.UTF_8));
			mac.update((byte) ':');
			return HexFormat.of().formatHex(mac.doFinal(value.getBytes(StandardCharsets.UTF_8)));
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("HmacSHA256 is not available", ex);
		}
	}

}
