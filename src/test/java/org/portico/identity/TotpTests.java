package org.portico.identity;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class TotpTests {

	private static final byte[] RFC_SECRET = "12345678901234567890".getBytes(StandardCharsets.US_ASCII);

	@Test
	void matchesTheTestVectorsOfRfc6238() {
		assertThat(Totp.code(RFC_SECRET, Totp.step(59), 8)).isEqualTo("94287082");
		assertThat(Totp.code(RFC_SECRET, Totp.step(1111111109), 8)).isEqualTo("07081804");
		assertThat(Totp.code(RFC_SECRET, Totp.step(1234567890), 8)).isEqualTo("89005924");
		assertThat(Totp.code(RFC_SECRET, Totp.step(2000000000), 8)).isEqualTo("69279037");
		assertThat(Totp.code(RFC_SECRET, Totp.step(59))).isEqualTo("287082");
	}

	@Test
	void acceptsOneStepOfClockDriftAndNoMore() {
		long now = Totp.step(1234567890);
		assertThat(Totp.matchingStep(RFC_SECRET, Totp.code(RFC_SECRET, now - 1), now)).hasValue(now - 1);
		assertThat(Totp.matchingStep(RFC_SECRET, Totp.code(RFC_SECRET, now + 1), now)).hasValue(now + 1);
		assertThat(Totp.matchingStep(RFC_SECRET, Totp.code(RFC_SECRET, now - 2), now)).isEmpty();
		assertThat(Totp.matchingStep(RFC_SECRET, "12345", now)).isEmpty();
	}

	@Test
	void writesTheSecretInBase32ForAuthenticatorApps() {
		assertThat(Totp.base32(RFC_SECRET)).isEqualTo("GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ");
	}

}
