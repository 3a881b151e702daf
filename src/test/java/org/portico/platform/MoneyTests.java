package org.portico.platform;

import java.math.BigDecimal;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Dollar amounts with a thousands separator and cents, whatever the server's locale.
 */
class MoneyTests {

	@Test
	void amountsHaveADollarSignThousandsSeparatorsAndCents() {
		assertThat(Money.dollars(new BigDecimal("1234.5"))).isEqualTo("$1,234.50");
		assertThat(Money.dollars(new BigDecimal("1500000"))).isEqualTo("$1,500,000.00");
		assertThat(Money.dollars(new BigDecimal("25.00"))).isEqualTo("$25.00");
		assertThat(Money.dollars(BigDecimal.ZERO)).isEqualTo("$0.00");
		assertThat(Money.dollars(new BigDecimal("0.5"))).isEqualTo("$0.50");
	}

}
