package org.portico.platform;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;

import javax.crypto.Cipher;
import javax.crypto.Mac;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

import org.springframework.stereotype.Component;

/**
 * Seals small secrets that must be read back, such as TOTP seeds, with AES-256-GCM under
 * a key derived from the master key: a copy of the database alone does not reveal them,
 * and a tampered value is refused.
 */
@Component
public class SecretSealer {

	private static final SecureRandom RANDOM = new SecureRandom();

	private static final int NONCE = 12;

	private final SecretKeySpec key;

	SecretSealer(MasterKey master) {
		try {
			Mac mac = Mac.getInstance("HmacSHA256");
			mac.init(new SecretKeySpec(master.bytes(), "HmacSHA256"));
			this.key = new SecretKeySpec(mac.doFinal("portico:sealed-secrets:v1".getBytes(StandardCharsets.UTF_8)),
					"AES");
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("Cannot derive the sealing key", ex);
		}
	}

	/**
	 * @param purpose what the secret is for; a sealed secret only opens for the same
	 * purpose
	 */
	public String seal(byte[] secret, String purpose) {
		try {
			byte[] nonce = new byte[NONCE];
			RANDOM.nextBytes(nonce);
			Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
			cipher.init(Cipher.ENCRYPT_MODE, this.key, new GCMParameterSpec(128, nonce));
			cipher.updateAAD(purpose.getBytes(StandardCharsets.UTF_8));
			byte[] sealed = cipher.doFinal(secret);
			return Base64.getEncoder()
				.encodeToString(ByteBuffer.allocate(NONCE + sealed.length).put(nonce).put(sealed).array());
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("Cannot seal a secret", ex);
		}
	}

	public byte[] open(String sealed, String purpose) {
		try {
			byte[] all = Base64.getDecoder().decode(sealed);
			Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
			cipher.init(Cipher.DECRYPT_MODE, this.key, new GCMParameterSpec(128, all, 0, NONCE));
			cipher.updateAAD(purpose.getBytes(StandardCharsets.UTF_8));
			return cipher.doFinal(all, NONCE, all.length - NONCE);
		}
		catch (GeneralSecurityException | IllegalArgumentException ex) {
			throw new IllegalStateException("A sealed secret could not be opened", ex);
		}
	}

}
