package org.portico.platform;

import java.nio.charset.StandardCharsets;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The secret the keyed hashes and sealed secrets derive their keys from
 * (PORTICO_IDENTIFIER_KEY). Required on every database but the embedded demo one.
 */
@Component
class MasterKey {

	/** Used only on the embedded database, where all data is synthetic. */
	static final String EMBEDDED_DEMO_KEY = "portico-embedded-demo-identifier-key";

	private static final Logger log = LoggerFactory.getLogger(MasterKey.class);

	private final byte[] key;

	MasterKey(@Value("${portico.identifier-key:}") String key, DatabaseProduct database) {
		if (key == null || key.isBlank()) {
			if (!database.isEmbedded()) {
				throw new IllegalStateException(
						"Set PORTICO_IDENTIFIER_KEY: the secret key for hashing TINs and SSNs (at least 16 characters)");
			}
			log.warn(
					"Using the embedded demo key for hashes and sealed secrets: set PORTICO_IDENTIFIER_KEY for real data");
			key = EMBEDDED_DEMO_KEY;
		}
		if (key.length() < 16) {
			throw new IllegalStateException("PORTICO_IDENTIFIER_KEY must be at least 16 characters");
		}
		this.key = key.getBytes(StandardCharsets.UTF_8);
	}

	byte[] bytes() {
		return this.key.clone();
	}

}
