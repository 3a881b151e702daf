package org.portico.providers;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class NpiTests {

	@Test
	void acceptsTheCmsExampleNpi() {
		// The example in CMS's NPI check digit guidance: 123456789 completes to
		// 1234567893.
		assertThat(new Npi("1234567893").value()).isEqualTo("1234567893");
		assertThat(Npi.withCheckDigit("123456789")).isEqualTo(new Npi("1234567893"));
	}

	@Test
	void refusesAWrongCheckDigit() {
		assertThatIllegalArgumentException().isThrownBy(() -> new Npi("1234567890"))
			.withMessageContaining("check digit");
	}

	@Test
	void refusesAnythingButTenDigits() {
		assertThatIllegalArgumentException().isThrownBy(() -> new Npi("123456789"));
		assertThatIllegalArgumentException().isThrownBy(() -> new Npi("12345678930"));
		assertThatIllegalArgumentException().isThrownBy(() -> new Npi("12345A7893"));
		assertThatIllegalArgumentException().isThrownBy(() -> new Npi(null));
	}

	@Test
	void readsWhatPeopleTypeWithSpacesAndDashes() {
		assertThat(Npi.parse(" 12345-67893 ")).isEqualTo(new Npi("1234567893"));
		assertThat(Npi.isValid("1234567893")).isTrue();
		assertThat(Npi.isValid("1234567894")).isFalse();
	}

	@Test
	void everyCheckDigitIsReachable() {
		for (int i = 0; i < 50; i++) {
			Npi npi = Npi.withCheckDigit(String.valueOf(100000000 + i));
			assertThat(Npi.isValid(npi.value())).isTrue();
			int wrong = (npi.value().charAt(9) - '0' + 1) % 10;
			assertThat(Npi.isValid(npi.value().substring(0, 9) + wrong)).isFalse();
		}
	}

}
