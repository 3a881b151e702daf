package org.portico.authorizations;

import java.util.ArrayList;
import java.util.List;

/**
 * When a referral is approved the moment it is submitted: every rule below holds.
 * Otherwise it is pended for a clinical reviewer with the rules that did not hold, in
 * this order.
 * <ol>
 * <li>The member is covered on every date of the referral.</li>
 * <li>The member's product uses referrals: it requires them, or it has a PCP who
 * refers.</li>
 * <li>The referring provider is the member's PCP, in the PCP's group practice, or in the
 * PCP's provider unit.</li>
 * <li>The specialist or facility is in the product's network on the first date.</li>
 * <li>The visits fit the product's yearly limit for specialist visits, less those used;
 * without a yearly limit, at most {@value #VISITS_PER_REFERRAL} visits.</li>
 * <li>The member has no other open or approved referral to the same specialist whose
 * dates overlap.</li>
 * </ol>
 * No Spring and no database: the facts are gathered by {@link Referrals}.
 */
public final class ReferralPolicy {

	/** The most visits one referral gives when the product sets no yearly limit. */
	public static final int VISITS_PER_REFERRAL = 12;

	private ReferralPolicy() {
	}

	/**
	 * What the rules need to know about one referral.
	 *
	 * @param coveredOnEveryDate the member's coverage spans the referral's dates
	 * @param productRequiresReferrals the product requires referrals
	 * @param productHasPcp the product gives the member a PCP
	 * @param referredByPcp the referring NPI is the member's PCP or the PCP's group
	 * practice
	 * @param referredFromPcpUnit the referring NPI is in the PCP's provider unit
	 * @param specialistInNetwork the specialist or facility is in network
	 * @param visits visits asked for
	 * @param visitsLeft visits the product's yearly limit leaves, or null without a limit
	 * @param overlappingReferral another referral to the same specialist overlaps
	 */
	public record Facts(boolean coveredOnEveryDate, boolean productRequiresReferrals, boolean productHasPcp,
			boolean referredByPcp, boolean referredFromPcpUnit, boolean specialistInNetwork, int visits,
			Integer visitsLeft, boolean overlappingReferral) {
	}

	/**
	 * The message keys of the rules that do not hold; empty when the referral is
	 * approved.
	 */
	public static List<String> unmet(Facts facts) {
		List<String> unmet = new ArrayList<>();
		if (!facts.coveredOnEveryDate()) {
			unmet.add("referral.pend.coverage-ends");
		}
		if (!facts.productRequiresReferrals() && !facts.productHasPcp()) {
			unmet.add("referral.pend.product");
		}
		if (!facts.referredByPcp() && !facts.referredFromPcpUnit()) {
			unmet.add("referral.pend.not-pcp");
		}
		if (!facts.specialistInNetwork()) {
			unmet.add("referral.pend.out-of-network");
		}
		int limit = (facts.visitsLeft() != null) ? facts.visitsLeft() : VISITS_PER_REFERRAL;
		if (facts.visits() > limit) {
			unmet.add("referral.pend.visits");
		}
		if (facts.overlappingReferral()) {
			unmet.add("referral.pend.overlap");
		}
		return unmet;
	}

	/** What the rules decide. */
	public static AutomaticDecision decide(Facts facts) {
		List<String> unmet = unmet(facts);
		return unmet.isEmpty() ? AutomaticDecision.approved() : AutomaticDecision.pended(unmet);
	}

}
