package org.portico.identity;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import me.gosimple.nbvcxz.Nbvcxz;
import me.gosimple.nbvcxz.resources.DictionaryUtil;

import org.springframework.stereotype.Component;

/**
 * Password rules after NIST SP 800-63B: long enough, not one of the 100,000 most common
 * passwords, not containing the username; no composition rules and no forced rotation.
 * Every printable character counts, spaces and emoji included.
 */
@Component
public class PasswordPolicy {

	/** While a password is the only factor; twelve will do once the account has MFA. */
	static final int MINIMUM_ONLY_FACTOR = 15;

	static final int MINIMUM_WITH_MFA = 12;

	static final int MAXIMUM = 128;

	private final Map<String, Integer> common = DictionaryUtil.loadRankedDictionary(DictionaryUtil.passwords);

	private final Nbvcxz estimator = new Nbvcxz();

	/** What is wrong with a proposed password; empty when it may be used. */
	public List<Problem> problems(String password, String username, boolean hasSecondFactor) {
		List<Problem> problems = new ArrayList<>();
		String normalized = normalize(password);
		int length = normalized.codePointCount(0, normalized.length());
		if (length < (hasSecondFactor ? MINIMUM_WITH_MFA : MINIMUM_ONLY_FACTOR)) {
			problems.add(hasSecondFactor ? Problem.TOO_SHORT_WITH_MFA : Problem.TOO_SHORT);
		}
		if (length > MAXIMUM) {
			problems.add(Problem.TOO_LONG);
		}
		String lower = normalized.toLowerCase(Locale.ROOT);
		if (this.common.containsKey(lower) || this.common.containsKey(lower.strip())) {
			problems.add(Problem.COMMON);
		}
		if (username != null && username.length() >= 3 && lower.contains(username.toLowerCase(Locale.ROOT))) {
			problems.add(Problem.CONTAINS_USERNAME);
		}
		return problems;
	}

	/** How hard the password would be to guess, from 0 (at once) to 4 (very hard). */
	public int strength(String password) {
		String normalized = normalize(password);
		if (normalized.isEmpty()) {
			return 0;
		}
		if (normalized.length() > MAXIMUM) {
			normalized = normalized.substring(0, MAXIMUM);
		}
		return this.estimator.estimate(normalized).getBasicScore();
	}

	/** The same password typed on different devices is the same password. */
	static String normalize(String password) {
		return (password == null) ? "" : Normalizer.normalize(password, Normalizer.Form.NFKC);
	}

	/** A reason a password cannot be used, with the message key that explains it. */
	public enum Problem {

		TOO_SHORT, TOO_SHORT_WITH_MFA, TOO_LONG, COMMON, CONTAINS_USERNAME;

		public String messageKey() {
			return "password.problem." + name();
		}

	}

}
