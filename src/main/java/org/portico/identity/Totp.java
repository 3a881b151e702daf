package org.portico.identity;

import java.nio.ByteBuffer;
import java.security.GeneralSecurityException;
import java.util.OptionalLong;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Time-based one-time passwords (RFC 6238 over RFC 4226): six digits from HMAC-SHA1 of
 * the 30-second step, as every authenticator app computes them.
 */
final class Totp {

	static final long STEP_SECONDS = 30;

	private static final int DIGITS = 6;

	private static final String BASE32 = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";

	private Totp() {
	}

	static long step(long epochSeconds) {
		return Math.floorDiv(epochSeconds, STEP_SECONDS);
	}

	static String code(byte[] secret, long step) {
		return code(secret, step, DIGITS);
	}

	static String code(byte[] secret, long step, int digits) {
		try {
			Mac mac = Mac.getInstance("HmacSHA1");
			mac.init(new SecretKeySpec(secret, "HmacSHA1"));
			byte[] hash = mac.doFinal(ByteBuffer.allocate(8).putLong(step).array());
			int offset = hash[hash.length - 1] & 0x0f;
			int binary = ((hash[offset] & 0x7f) << 24) | ((hash[offset + 1] & 0xff) << 16)
					| ((hash[offset + 2] & 0xff) << 8) | (hash[offset + 3] & 0xff);
			int code = binary % (int) Math.pow(10, digits);
			return String.format("%0" + digits + "d", code);
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("HmacSHA1 is not available", ex);
		}
	}

	/**
	 * The step the code belongs to, allowing one step of clock drift either way, or empty
	 * when it matches none.
	 */
	static OptionalLong matchingStep(byte[] secret, String typed, long now) {
		String code = (typed == null) ? "" : typed.replaceAll("\\s", "");
		if (!code.matches("[0-9]{6}")) {
			return OptionalLong.empty();
		}
		for (long step = now - 1; step <= now + 1; step++) {
			if (java.security.MessageDigest.isEqual(code(secret, step).getBytes(), code.getBytes())) {
				return OptionalLong.of(step);
			}
		}
		return OptionalLong.empty();
	}

	static String base32(byte[] bytes) {
		StringBuilder out = new StringBuilder();
		int buffer = 0;
		int bits = 0;
		for (byte b : bytes) {
			buffer = (buffer << 8) | (b & 0xff);
			bits += 8;
			while (bits >= 5) {
				out.append(BASE32.charAt((buffer >> (bits - 5)) & 31));
				bits -= 5;
			}
		}
		if (bits > 0) {
			out.append(BASE32.charAt((buffer << (5 - bits)) & 31));
		}
		return out.toString();
	}

}
