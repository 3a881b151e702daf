package org.portico.authorizations;

/**
 * The kinds of request a clinical reviewer may decide, each with the prefix of its
 * tracking numbers.
 */
public enum RequestKind {

	REFERRAL("REF"), PRIOR_AUTH("PA"), BEHAVIORAL_HEALTH("BH");

	private final String prefix;

	RequestKind(String prefix) {
		this.prefix = prefix;
	}

	public String prefix() {
		return this.prefix;
	}

	/** The tracking number of the request with this id, such as {@code REF-00000012}. */
	public String trackingNumber(long id) {
		return String.format("%s-%08d", this.prefix, id);
	}

	public String messageKey() {
		return "authorizations.kind." + name();
	}

}
