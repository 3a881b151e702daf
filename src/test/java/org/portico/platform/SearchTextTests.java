package org.portico.platform;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class SearchTextTests {

	@Test
	void namesMatchRegardlessOfCaseAndAccents() {
		assertThat(SearchText.normalize("José Peña")).isEqualTo(SearchText.normalize("JOSE PENA"))
			.isEqualTo("jose pena");
		assertThat(SearchText.normalize("Gonçalves")).isEqualTo("goncalves");
		assertThat(SearchText.normalize("Zoë")).isEqualTo("zoe");
	}

	@Test
	void apostrophesDisappearAndOtherPunctuationBecomesASpace() {
		assertThat(SearchText.normalize("O'Brien")).isEqualTo(SearchText.normalize("OBrien")).isEqualTo("obrien");
		assertThat(SearchText.normalize("  Smith-Jones  ")).isEqualTo("smith jones");
		assertThat(SearchText.normalize(null)).isEmpty();
	}

}
