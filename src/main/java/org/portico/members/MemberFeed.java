package org.portico.members;

import java.math.BigDecimal;
import java.time.LocalDate;

import org.portico.platform.SearchText;
import org.portico.platform.bulk.BulkLoad;
import org.portico.platform.bulk.BulkLoad.TableWriter;
import org.portico.providers.Npi;

import org.springframework.stereotype.Component;

/**
 * How enrollment data enters Portico: the plan's enrollment feed writes through this, so
 * only this module knows its tables.
 */
@Component
public class MemberFeed {

	public Writer writer(BulkLoad load) {
		return new Writer(load);
	}

	public record Product(String code, String name, LineOfBusiness lineOfBusiness, String planType, boolean pcpRequired,
			boolean referralsRequired, boolean hasCarePlans) {
	}

	public record Benefit(String productCode, ServiceCategory category, Network network, boolean covered,
			BigDecimal copay, Integer coinsurancePercent, boolean deductibleApplies, boolean priorAuthorizationRequired,
			Integer visitLimit) {
	}

	public record Member(MemberId id, String firstName, Character middleInitial, String lastName, LocalDate birthDate,
			char gender, String relationship, String addressLine, String city, String state, String postalCode,
			String phone) {
	}

	public final class Writer {

		private final TableWriter products;

		private final TableWriter costShares;

		private final TableWriter benefits;

		private final TableWriter members;

		private final TableWriter coverage;

		private final TableWriter pcps;

		private final TableWriter otherInsurance;

		private final TableWriter accumulators;

		private final TableWriter visits;

		private final TableWriter carePlans;

		private final TableWriter careTeams;

		private final TableWriter goals;

		private final TableWriter services;

		Writer(BulkLoad load) {
			this.products = load.into("members.product", "code", "name", "line_of_business", "plan_type",
					"pcp_required", "referrals_required", "has_care_plans");
			this.costShares = load.into("members.product_cost_share", "product_code", "network",
					"deductible_individual", "deductible_family", "out_of_pocket_individual", "out_of_pocket_family");
			this.benefits = load.into("members.benefit", "product_code", "service_category", "network", "covered",
					"copay", "coinsurance_percent", "deductible_applies", "prior_authorization_required",
					"visit_limit");
			this.members = load.into("members.member", "subscriber_id", "member_suffix", "first_name", "middle_initial",
					"last_name", "search_first_name", "search_last_name", "birth_date", "gender", "relationship",
					"address_line", "city", "state", "postal_code", "phone");
			this.coverage = load.into("members.coverage", "subscriber_id", "member_suffix", "effective_date",
					"termination_date", "product_code", "group_number", "group_name");
			this.pcps = load.into("members.pcp_assignment", "subscriber_id", "member_suffix", "effective_date",
					"termination_date", "pcp_npi", "change_reason");
			this.otherInsurance = load.into("members.other_insurance", "subscriber_id", "member_suffix", "payer_name",
					"policy_number", "payer_order", "effective_date", "termination_date");
			this.accumulators = load.into("members.accumulator", "subscriber_id", "member_suffix", "plan_year",
					"network", "deductible_met", "out_of_pocket_met");
			this.visits = load.into("members.visit_accumulator", "subscriber_id", "member_suffix", "plan_year",
					"service_category", "visits_used");
			this.carePlans = load.into("members.care_plan", "id", "subscriber_id", "member_suffix", "kind", "version",
					"status", "assessed_date", "signed_date", "updated_date", "next_review_date", "member_preferences");
			this.careTeams = load.into("members.care_plan_team_member", "care_plan_id", "ordinal", "role", "npi",
					"name", "phone");
			this.goals = load.into("members.care_plan_goal", "care_plan_id", "ordinal", "concern", "goal",
					"target_date", "status");
			this.services = load.into("members.care_plan_service", "care_plan_id", "ordinal", "service", "frequency",
					"provided_by");
		}

		public void product(Product p) {
			this.products.row(p.code(), p.name(), p.lineOfBusiness().name(), p.planType(), p.pcpRequired(),
					p.referralsRequired(), p.hasCarePlans());
		}

		public void costShare(String productCode, Network network, BigDecimal deductibleIndividual,
				BigDecimal deductibleFamily, BigDecimal outOfPocketIndividual, BigDecimal outOfPocketFamily) {
			this.costShares.row(productCode, network.name(), deductibleIndividual, deductibleFamily,
					outOfPocketIndividual, outOfPocketFamily);
		}

		public void benefit(Benefit b) {
			this.benefits.row(b.productCode(), b.category().name(), b.network().name(), b.covered(), b.copay(),
					b.coinsurancePercent(), b.deductibleApplies(), b.priorAuthorizationRequired(), b.visitLimit());
		}

		public void member(Member m) {
			this.members.row(m.id().subscriberId(), m.id().suffix(), m.firstName(),
					(m.middleInitial() != null) ? m.middleInitial().toString() : null, m.lastName(),
					SearchText.normalize(m.firstName()), SearchText.normalize(m.lastName()), m.birthDate(),
					String.valueOf(m.gender()), m.relationship(), m.addressLine(), m.city(), m.state(), m.postalCode(),
					m.phone());
		}

		public void coverage(MemberId id, LocalDate from, LocalDate to, String productCode, String groupNumber,
				String groupName) {
			this.coverage.row(id.subscriberId(), id.suffix(), from, to, productCode, groupNumber, groupName);
		}

		public void pcp(MemberId id, LocalDate from, LocalDate to, Npi pcp, String changeReason) {
			this.pcps.row(id.subscriberId(), id.suffix(), from, to, pcp.value(), changeReason);
		}

		public void otherInsurance(MemberId id, String payerName, String policyNumber, String payerOrder,
				LocalDate from, LocalDate to) {
			this.otherInsurance.row(id.subscriberId(), id.suffix(), payerName, policyNumber, payerOrder, from, to);
		}

		public void accumulator(MemberId id, int planYear, Network network, BigDecimal deductibleMet,
				BigDecimal outOfPocketMet) {
			this.accumulators.row(id.subscriberId(), id.suffix(), (short) planYear, network.name(), deductibleMet,
					outOfPocketMet);
		}

		public void visitsUsed(MemberId id, int planYear, ServiceCategory category, int visits) {
			this.visits.row(id.subscriberId(), id.suffix(), (short) planYear, category.name(), (short) visits);
		}

		/** A care plan with its care team, goals and services, in the order given. */
		public void carePlan(CarePlan p) {
			this.carePlans.row(p.id(), p.member().subscriberId(), p.member().suffix(), p.kind().name(),
					(short) p.version(), p.status().name(), p.assessedDate(), p.signedDate(), p.updatedDate(),
					p.nextReviewDate(), p.memberPreferences());
			short ordinal = 0;
			for (CarePlan.TeamMember t : p.careTeam()) {
				this.careTeams.row(p.id(), ++ordinal, t.role().name(), (t.npi() != null) ? t.npi().value() : null,
						t.name(), t.phone());
			}
			ordinal = 0;
			for (CarePlan.Goal g : p.goals()) {
				this.goals.row(p.id(), ++ordinal, g.concern(), g.goal(), g.targetDate(), g.status().name());
			}
			ordinal = 0;
			for (CarePlan.Service s : p.services()) {
				this.services.row(p.id(), ++ordinal, s.service(), s.frequency(), s.providedBy());
			}
		}

	}

}
