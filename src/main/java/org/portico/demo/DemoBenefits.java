package org.portico.demo;

import java.math.BigDecimal;
import java.util.EnumSet;
import java.util.Set;

import org.portico.demo.DemoCatalog.ProductDesign;
import org.portico.members.MemberFeed;
import org.portico.members.Network;
import org.portico.members.ServiceCategory;

/**
 * The plan designs behind each product: what a member pays per service category and
 * network, and which categories need prior authorization.
 */
final class DemoBenefits {

	private DemoBenefits() {
	}

	/** A member's share for a category, in whole dollars and percent. */
	record Share(boolean covered, int copay, int coinsurancePercent, boolean deductibleApplies,
			boolean priorAuthorizationRequired, Integer visitLimit) {
	}

	private static final Set<ServiceCategory> PRIOR_AUTHORIZATION = EnumSet.of(ServiceCategory.HIGH_TECH_IMAGING,
			ServiceCategory.INPATIENT, ServiceCategory.OUTPATIENT_SURGERY, ServiceCategory.BEHAVIORAL_HEALTH_INPATIENT,
			ServiceCategory.DME);

	static Share share(ProductDesign product, ServiceCategory category, Network network) {
		boolean pa = PRIOR_AUTHORIZATION.contains(category);
		Integer visits = (category == ServiceCategory.PT_OT) ? 30 : null;
		if (network == Network.OUT) {
			if (!product.outOfNetworkCovered()) {
				boolean emergency = category == ServiceCategory.EMERGENCY_ROOM;
				return new Share(emergency, emergency ? copayIn(product, category) : 0, 0, false, false, visits);
			}
			return new Share(category != ServiceCategory.PHARMACY, 0, 40, category != ServiceCategory.EMERGENCY_ROOM,
					pa, visits);
		}
		return switch (product.tier()) {
			case COMMERCIAL -> switch (category) {
				case PREVENTIVE -> new Share(true, 0, 0, false, false, null);
				case PCP_OFFICE_VISIT, BEHAVIORAL_HEALTH_OUTPATIENT -> new Share(true, 25, 0, false, false, null);
				case SPECIALIST_OFFICE_VISIT, URGENT_CARE -> new Share(true, 50, 0, false, false, null);
				case EMERGENCY_ROOM -> new Share(true, 250, 0, false, false, null);
				case LAB -> new Share(true, 0, 0, true, false, null);
				case PT_OT -> new Share(true, 40, 0, false, false, visits);
				case PHARMACY -> new Share(true, 10, 0, false, false, null);
				default -> new Share(true, 0, 20, true, pa, null);
			};
			case MEDICARE -> switch (category) {
				case PREVENTIVE, LAB, PCP_OFFICE_VISIT -> new Share(true, 0, 0, false, false, null);
				case SPECIALIST_OFFICE_VISIT, BEHAVIORAL_HEALTH_OUTPATIENT, PT_OT ->
					new Share(true, 40, 0, false, false, visits);
				case URGENT_CARE -> new Share(true, 45, 0, false, false, null);
				case EMERGENCY_ROOM -> new Share(true, 110, 0, false, false, null);
				case PHARMACY -> new Share(true, 5, 0, false, false, null);
				default -> new Share(true, 0, 20, false, pa, null);
			};
			case MEDICAID -> new Share(true, category == ServiceCategory.PHARMACY ? 1 : 0, 0, false, pa, visits);
		};
	}

	private static int copayIn(ProductDesign product, ServiceCategory category) {
		return share(product, category, Network.IN).copay();
	}

	static void write(MemberFeed.Writer feed) {
		for (ProductDesign p : DemoCatalog.PRODUCTS) {
			feed.product(new MemberFeed.Product(p.code(), p.name(), p.line(), p.planType(), p.pcpRequired(),
					p.referralsRequired(), p.carePlans()));
			for (Network network : Network.values()) {
				if (network == Network.OUT && !p.outOfNetworkCovered()) {
					continue;
				}
				int factor = (network == Network.IN) ? 1 : 2;
				feed.costShare(p.code(), network, BigDecimal.valueOf((long) p.deductible() * factor),
						BigDecimal.valueOf((long) p.deductible() * factor * 2),
						BigDecimal.valueOf((long) p.outOfPocket() * factor),
						BigDecimal.valueOf((long) p.outOfPocket() * factor * 2));
			}
			for (ServiceCategory category : ServiceCategory.values()) {
				for (Network network : Network.values()) {
					Share s = share(p, category, network);
					feed.benefit(new MemberFeed.Benefit(p.code(), category, network, s.covered(),
							s.covered() ? BigDecimal.valueOf(s.copay()) : null,
							s.covered() ? s.coinsurancePercent() : null, s.deductibleApplies(),
							s.priorAuthorizationRequired(), s.visitLimit()));
				}
			}
		}
	}

}
