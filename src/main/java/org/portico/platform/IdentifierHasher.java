package org.portico.platform;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.HexFormat;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.springframework.stereotype.Component;

/**
 * Keyed hash (HMAC-SHA-256) for identifiers that must be matched but never stored or
 * shown in full, such as TINs and SSNs. A plain hash of a nine-digit number could be
 * reversed by trying them all; without the key it cannot.
 */
@Component
public class IdentifierHasher {

	private final SecretKeySpec key;

	IdentifierHasher(MasterKey key) {
		this.key = new SecretKeySpec(key.bytes(), "HmacSHA256");
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
