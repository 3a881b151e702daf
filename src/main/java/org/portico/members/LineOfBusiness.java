package org.portico.members;

/**
 * The plan's lines of business. Rules such as whether a PCP or referrals are required
 * belong to each product, not to the line.
 */
public enum LineOfBusiness {

	/** Employer and individual plans: HMO, PPO, EPO and the Freedom plan. */
	COMMERCIAL,

	/** Medicare Advantage, sold as Medicare Preferred. */
	MEDICARE_ADVANTAGE,

	/** Senior Care Options, for members eligible for both Medicare and Medicaid. */
	SENIOR_CARE_OPTIONS,

	/** The Massachusetts Medicaid ACO line. */
	MEDICAID_MASSACHUSETTS,

	/** The Rhode Island Medicaid line. */
	MEDICAID_RHODE_ISLAND,

	/** The duals demonstration line, Unify, whose members have care plans. */
	DUALS_UNIFY

}
