package org.portico.claims;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class ClaimNumberTests {

	@Test
	void isTheYearReceivedAndASequence() {
		assertThat(ClaimNumber.of(2026, 4217)).hasToString("260000004217");
	}

	@Test
	void readsANumberTypedWithSpaces() {
		assertThat(ClaimNumber.parse("2600 0000 4217")).isEqualTo(new ClaimNumber("260000004217"));
	}

	@Test
	void refusesAnythingButTwelveDigits() {
		assertThatIllegalArgumentException().isThrownBy(() -> new ClaimNumber("26000000421"));
		assertThatIllegalArgumentException().isThrownBy(() -> new ClaimNumber("26000000421X"));
		assertThatIllegalArgumentException().isThrownBy(() -> ClaimNumber.parse(null));
	}

	@Test
	void aStatusOnlyAllowsCategoriesThatDescribeIt() {
		assertThat(ClaimStatus.PAID.allows(ClaimStatusCategory.F1)).isTrue();
		assertThat(ClaimStatus.PAID.allows(ClaimStatusCategory.F2)).isFalse();
		assertThat(ClaimStatus.PENDED.allows(ClaimStatusCategory.P3)).isTrue();
		assertThat(ClaimStatus.RECEIVED.isFinal()).isFalse();
		assertThat(ClaimStatus.DENIED.isFinal()).isTrue();
	}

}
