package org.portico.identity;

import org.junit.jupiter.api.Test;

import org.portico.identity.PasswordPolicy.Problem;

import static org.assertj.core.api.Assertions.assertThat;

class PasswordPolicyTests {

	private final PasswordPolicy policy = new PasswordPolicy();

	@Test
	void fifteenCharactersWhileThePasswordIsTheOnlyFactorTwelveWithMfa() {
		assertThat(this.policy.problems("lamp river cost", "dana", false)).isEmpty();
		assertThat(this.policy.problems("lamp river co", "dana", false)).containsExactly(Problem.TOO_SHORT);
		assertThat(this.policy.problems("lamp river co", "dana", true)).isEmpty();
		assertThat(this.policy.problems("lamp river", "dana", true)).containsExactly(Problem.TOO_SHORT_WITH_MFA);
	}

	@Test
	void noCompositionRulesAndLongPassphrasesWelcome() {
		assertThat(this.policy.problems("all lower case words here", "dana", false)).isEmpty();
		assertThat(this.policy.problems("x".repeat(64) + " long enough", "dana", false)).isEmpty();
		assertThat(this.policy.problems("x".repeat(129), "dana", false)).containsExactly(Problem.TOO_LONG);
	}

	@Test
	void refusesTheMostCommonPasswordsWhateverTheCase() {
		assertThat(this.policy.problems("123456789987654321", "dana", false)).containsExactly(Problem.COMMON);
		assertThat(this.policy.problems("CorrectHorseBatteryStaple", "dana", false)).contains(Problem.COMMON);
	}

	@Test
	void refusesAPasswordContainingTheUsername() {
		assertThat(this.policy.problems("my name is saa.demo okay", "saa.demo", false))
			.containsExactly(Problem.CONTAINS_USERNAME);
	}

	@Test
	void countsCharactersNotBytesAndTreatsEquivalentFormsAlike() {
		assertThat(this.policy.problems("ééééééééééééééé", "dana", false)).isEmpty();
		// "é" typed as one character or as e plus a combining accent is the same
		// password.
		assertThat(PasswordPolicy.normalize("caf\u00e9")).isEqualTo(PasswordPolicy.normalize("cafe\u0301"));
	}

	@Test
	void strengthGrowsWithUnpredictability() {
		assertThat(this.policy.strength("password")).isZero();
		assertThat(this.policy.strength("violet canyon ledger prism 42")).isGreaterThanOrEqualTo(3);
	}

}
