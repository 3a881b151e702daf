package org.portico.identity;

import java.time.Instant;

/**
 * What an authenticator app does, for tests in other packages: the current code for a key
 * as the enrollment page shows it.
 */
public final class TestAuthenticator {

	private TestAuthenticator() {
	}

	public static String currentCode(String base32Key) {
		String key = base32Key.replace(" ", "");
		String alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
		byte[] secret = new byte[key.length() * 5 / 8];
		int buffer = 0;
		int bits = 0;
		int index = 0;
		for (char c : key.toCharArray()) {
			buffer = (buffer << 5) | alphabet.indexOf(c);
			bits += 5;
			if (bits >= 8) {
				secret[index++] = (byte) (buffer >> (bits - 8));
				bits -= 8;
			}
		}
		return Totp.code(secret, Totp.step(Instant.now().getEpochSecond()));
	}

}
