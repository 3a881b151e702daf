package org.portico.members;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class MemberIdTests {

	@ParameterizedTest
	@ValueSource(strings = { "123456789-01", "12345678901", " 123 456 789 - 01 ", "123456789 01" })
	void readsTheWaysFrontDesksTypeAMemberId(String typed) {
		assertThat(MemberId.parse(typed)).isEqualTo(new MemberId("123456789", "01"));
	}

	@ParameterizedTest
	@ValueSource(strings = { "123456789", "123456789-1", "123456789-00", "12345678-901", "ABCDEFGHI-01", "" })
	void refusesWhatIsNotAMemberId(String typed) {
		assertThatIllegalArgumentException().isThrownBy(() -> MemberId.parse(typed));
	}

	@Test
	void theSubscriberIsSuffixOne() {
		assertThat(MemberId.of("123456789", 1).isSubscriber()).isTrue();
		assertThat(MemberId.of("123456789", 3).isSubscriber()).isFalse();
		assertThat(MemberId.of("123456789", 3)).hasToString("123456789-03");
	}

}
