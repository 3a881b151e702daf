package org.portico.providers;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class TinTests {

	@Test
	void readsATinWrittenWithADash() {
		assertThat(Tin.parse("04-1234567").value()).isEqualTo("041234567");
	}

	@Test
	void neverShowsMoreThanTheLastFourDigits() {
		Tin tin = new Tin("041234567");
		assertThat(tin.toString()).isEqualTo("**-***4567").doesNotContain("04123");
		assertThat(tin.masked()).isEqualTo("**-***4567");
		assertThat(tin.lastFour()).isEqualTo("4567");
	}

	@Test
	void refusesWhatCannotBeATin() {
		assertThatIllegalArgumentException().isThrownBy(() -> new Tin("04123456"));
		assertThatIllegalArgumentException().isThrownBy(() -> new Tin("001234567"));
		assertThatIllegalArgumentException().isThrownBy(() -> new Tin("999999999"));
		assertThatIllegalArgumentException().isThrownBy(() -> Tin.parse("04-12345AB"));
	}

}
