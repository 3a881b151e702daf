package org.portico.members;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A member ID: the nine-digit subscriber number the family shares plus the member's
 * two-digit suffix (01 the subscriber, 02 a spouse, 03 and up dependents).
 *
 * @param subscriberId nine digits
 * @param suffix two digits, 01 to 99
 */
public record MemberId(String subscriberId, String suffix) implements java.io.Serializable {

	private static final Pattern TYPED = Pattern.compile("([0-9]{9})-?([0-9]{2})");

	public MemberId {
		if (subscriberId == null || !subscriberId.matches("[0-9]{9}")) {
			throw new IllegalArgumentException("A subscriber number is 9 digits");
		}
		if (suffix == null || !suffix.matches("[0-9]{2}") || suffix.equals("00")) {
			throw new IllegalArgumentException("A member suffix is 2 digits from 01 to 99");
		}
	}

	/**
	 * Reads a member ID as people type it: {@code 123456789-01}, {@code 12345678901},
	 * with or without spaces.
	 */
	public static MemberId parse(String text) {
		String compact = (text == null) ? "" : text.replaceAll("\\s", "");
		Matcher m = TYPED.matcher(compact);
		if (!m.matches()) {
			throw new IllegalArgumentException("A member ID is 9 digits and a 2-digit suffix, like 123456789-01");
		}
		return new MemberId(m.group(1), m.group(2));
	}

	public static MemberId of(String subscriberId, int suffix) {
		return new MemberId(subscriberId, String.format("%02d", suffix));
	}

	public boolean isSubscriber() {
		return this.suffix.equals("01");
	}

	@Override
	public String toString() {
		return this.subscriberId + "-" + this.suffix;
	}

}
