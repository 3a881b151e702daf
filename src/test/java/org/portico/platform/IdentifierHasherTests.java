package org.portico.platform;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

class IdentifierHasherTests {

	private static final DatabaseProduct EMBEDDED = DatabaseProduct.named("H2");

	private static final DatabaseProduct POSTGRES = DatabaseProduct.named("PostgreSQL");

	@Test
	void aRealDatabaseNeedsAKeyOfItsOwn() {
		assertThatIllegalStateException().isThrownBy(() -> new IdentifierHasher(new MasterKey("", POSTGRES)))
			.withMessageContaining("PORTICO_IDENTIFIER_KEY");
		assertThatIllegalStateException().isThrownBy(() -> new IdentifierHasher(new MasterKey("short", POSTGRES)));
	}

	@Test
	void theEmbeddedDatabaseFallsBackToTheDemoKey() {
		assertThat(new IdentifierHasher(new MasterKey("", EMBEDDED)).hash("tin", "041234567")).isEqualTo(
				new IdentifierHasher(new MasterKey(MasterKey.EMBEDDED_DEMO_KEY, POSTGRES)).hash("tin", "041234567"));
	}

	@Test
	void theHashDependsOnTheKeyAndTheKindAndRevealsNoDigits() {
		IdentifierHasher one = new IdentifierHasher(new MasterKey("first-key-0123456789", POSTGRES));
		IdentifierHasher two = new IdentifierHasher(new MasterKey("second-key-0123456789", POSTGRES));
		String hash = one.hash("tin", "041234567");
		assertThat(hash).matches("[0-9a-f]{64}").doesNotContain("041234567");
		assertThat(hash).isEqualTo(one.hash("tin", "041234567"))
			.isNotEqualTo(two.hash("tin", "041234567"))
			.isNotEqualTo(one.hash("ssn", "041234567"));
	}

}
