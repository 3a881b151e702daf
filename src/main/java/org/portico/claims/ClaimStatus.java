package org.portico.claims;

import java.util.Set;

/**
 * Where a claim stands, as the billing office thinks of it. Each status allows only the
 * X12 categories that can describe it.
 */
public enum ClaimStatus {

	/** Accepted into adjudication, not yet decided. */
	RECEIVED(ClaimStatusCategory.A1, ClaimStatusCategory.A2),

	/** Waiting on the plan or on information from the provider. */
	PENDED(ClaimStatusCategory.P1, ClaimStatusCategory.P2, ClaimStatusCategory.P3, ClaimStatusCategory.P5),

	/** Finalized without payment because the service is not payable. */
	DENIED(ClaimStatusCategory.F2),

	/** Finalized and paid, in whole or in part. */
	PAID(ClaimStatusCategory.F1),

	/** Reprocessed after a correction or dispute; replaces an earlier claim. */
	ADJUSTED(ClaimStatusCategory.F3),

	/** Finalized with nothing to pay, such as when all of it went to the deductible. */
	FINALIZED(ClaimStatusCategory.F4);

	private final Set<ClaimStatusCategory> categories;

	ClaimStatus(ClaimStatusCategory... categories) {
		this.categories = Set.of(categories);
	}

	public boolean allows(ClaimStatusCategory category) {
		return this.categories.contains(category);
	}

	public boolean isFinal() {
		return this != RECEIVED && this != PENDED;
	}

}
