package org.portico.claims;

/**
 * What an office asks of the plan about a claim it was paid, or not paid, for.
 */
public enum AdjustmentType {

	/** A replacement of the claim (frequency code 7) with corrected lines. */
	CORRECTED_CLAIM,

	/** The claim withdrawn as if never sent (frequency code 8). */
	VOID,

	/** The office disagrees with what was paid and says why, with documents. */
	PAYMENT_DISPUTE,

	/** The office gives back money it should not have been paid. */
	RETURN_FUNDS;

	public String messageKey() {
		return "adjustment.type." + name();
	}

	/** Whether the request changes the claim itself, and so needs a claim that can be. */
	public boolean changesTheClaim() {
		return this == CORRECTED_CLAIM || this == VOID;
	}

	/** The request's type as typed in an address or form, or null. */
	public static AdjustmentType parse(String typed) {
		for (AdjustmentType t : values()) {
			if (t.name().equals(typed)) {
				return t;
			}
		}
		return null;
	}

}
