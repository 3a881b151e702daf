package org.portico.members;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.portico.members.EligibilityReport.Accumulator;
import org.portico.members.EligibilityReport.BenefitRow;
import org.portico.members.EligibilityReport.Coverage;
import org.portico.members.EligibilityReport.OtherInsurance;
import org.portico.members.EligibilityReport.PcpSpan;
import org.portico.members.EligibilityReport.VisitLimit;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Builds the Eligibility & Benefits report. Callers check the user's access and audit the
 * view; this only reads.
 */
@Service
@Transactional(readOnly = true)
public class Eligibility {

	private final JdbcClient jdbc;

	private final ProductBenefits products;

	private final Clock clock;

	Eligibility(JdbcClient jdbc, ProductBenefits products, Clock clock) {
		this.jdbc = jdbc;
		this.products = products;
		this.clock = clock;
	}

	/** A member and every span of their coverage, newest first, read together. */
	private record MemberCoverage(String firstName, String lastName, LocalDate birthDate, String gender,
			String relationship, List<Coverage> history) {
	}

	public Optional<EligibilityReport> report(MemberId id, LocalDate dateOfService) {
		return memberCoverage(id).map((m) -> {
			Optional<Coverage> current = m.history().stream().filter((c) -> c.covers(dateOfService)).findFirst();
			List<Accumulator> accumulators = new ArrayList<>();
			List<VisitLimit> visitLimits = new ArrayList<>();
			List<BenefitRow> benefits = current.map((c) -> {
				ProductBenefits.Product product = this.products.of(c.productCode());
				used(id, dateOfService.getYear(), product, accumulators, visitLimits);
				return product.benefits();
			}).orElse(List.of());
			return new EligibilityReport(id, m.firstName(), m.lastName(), m.birthDate(), m.gender(), m.relationship(),
					dateOfService, current, m.history(), pcpHistory(id, dateOfService),
					otherInsurance(id, dateOfService), benefits, accumulators, visitLimits);
		});
	}

	/** The member's coverage on the date, if covered: what a change or a check needs. */
	public Optional<Coverage> coverageOn(MemberId id, LocalDate date) {
		return memberCoverage(id).flatMap((m) -> m.history().stream().filter((c) -> c.covers(date)).findFirst());
	}

	/**
	 * The member's coverage and PCP on a date and what is left of one benefit's yearly
	 * visit limit, read together: what a request for the member needs. Empty when no such
	 * member is on file.
	 * @param limited the benefit whose visit limit to read, or null for none
	 */
	public Optional<OnDate> onDate(MemberId id, LocalDate date, ServiceCategory limited) {
		return memberCoverage(id).map((m) -> {
			Optional<Coverage> coverage = m.history().stream().filter((c) -> c.covers(date)).findFirst();
			if (coverage.isEmpty()) {
				return new OnDate(coverage, Optional.empty(), Optional.empty());
			}
			Integer limit = (limited != null)
					? this.products.of(coverage.get().productCode()).visitLimits().get(limited) : null;
			Optional<VisitLimit> visits = Optional.empty();
			if (limit != null) {
				int used = this.jdbc.sql("""
						SELECT visits_used FROM members.visit_accumulator
						WHERE subscriber_id = ? AND member_suffix = ? AND plan_year = ? AND service_category = ?
						""")
					.params(id.subscriberId(), id.suffix(), date.getYear(), limited.name())
					.query(Integer.class)
					.optional()
					.orElse(0);
				visits = Optional.of(new VisitLimit(limited, limit, used));
			}
			return new OnDate(coverage, pcpOn(id, date).map(PcpSpan::pcpNpi), visits);
		});
	}

	/**
	 * A member on a date.
	 *
	 * @param coverage the coverage then, if covered
	 * @param pcpNpi the PCP then, if covered and the member has one
	 * @param visitLimit the visit limit asked for, if covered and the benefit has one
	 */
	public record OnDate(Optional<Coverage> coverage, Optional<String> pcpNpi, Optional<VisitLimit> visitLimit) {
	}

	/** The member's PCP on the date, if they have one. */
	public Optional<PcpSpan> pcpOn(MemberId id, LocalDate date) {
		return pcpHistory(id, date).stream().filter((p) -> p.covers(date)).findFirst();
	}

	/**
	 * What a product covers in network for a category of service, and whether it needs
	 * prior authorization: the same for every member of the product.
	 */
	public EligibilityReport.Benefit inNetworkBenefit(String productCode, ServiceCategory category) {
		return this.products.of(productCode).benefits().get(category.ordinal()).inNetwork();
	}

	private Optional<MemberCoverage> memberCoverage(MemberId id) {
		List<MemberCoverage> member = new ArrayList<>(1);
		this.jdbc.sql("""
				SELECT m.first_name, m.last_name, m.birth_date, m.gender, m.relationship,
				       c.effective_date, c.termination_date, p.code, p.name, p.line_of_business, p.plan_type,
				       c.group_number, c.group_name, p.pcp_required, p.referrals_required, p.has_care_plans
				FROM members.member m
				LEFT JOIN members.coverage c ON c.subscriber_id = m.subscriber_id AND c.member_suffix = m.member_suffix
				LEFT JOIN members.product p ON p.code = c.product_code
				WHERE m.subscriber_id = ? AND m.member_suffix = ?
				ORDER BY c.effective_date DESC
				""").params(id.subscriberId(), id.suffix()).query((ResultSet rs) -> {
			if (member.isEmpty()) {
				member.add(new MemberCoverage(rs.getString(1), rs.getString(2), rs.getObject(3, LocalDate.class),
						rs.getString(4), rs.getString(5), new ArrayList<>()));
			}
			if (rs.getString(8) != null) {
				member.get(0)
					.history()
					.add(new Coverage(rs.getObject(6, LocalDate.class), rs.getObject(7, LocalDate.class),
							rs.getString(8), rs.getString(9), LineOfBusiness.valueOf(rs.getString(10)),
							rs.getString(11), rs.getString(12), rs.getString(13), rs.getBoolean(14), rs.getBoolean(15),
							rs.getBoolean(16)));
			}
		});
		return member.stream().findFirst();
	}

	/**
	 * How much of the product's deductible, out-of-pocket maximum and visit limits the
	 * member used in the plan year: one read for both.
	 */
	private void used(MemberId id, int planYear, ProductBenefits.Product product, List<Accumulator> accumulators,
			List<VisitLimit> visitLimits) {
		Map<Network, BigDecimal[]> met = new EnumMap<>(Network.class);
		Map<ServiceCategory, Integer> visits = new EnumMap<>(ServiceCategory.class);
		this.jdbc.sql("""
				SELECT 'COST' AS kind, network AS category, deductible_met AS used, out_of_pocket_met AS used_too
				FROM members.accumulator WHERE subscriber_id = ? AND member_suffix = ? AND plan_year = ?
				UNION ALL
				SELECT 'VISITS', service_category, CAST(visits_used AS numeric(9, 2)), CAST(NULL AS numeric(9, 2))
				FROM members.visit_accumulator WHERE subscriber_id = ? AND member_suffix = ? AND plan_year = ?
				""")
			.params(id.subscriberId(), id.suffix(), planYear, id.subscriberId(), id.suffix(), planYear)
			.query((ResultSet rs) -> {
				if ("COST".equals(rs.getString(1))) {
					met.put(Network.valueOf(rs.getString(2)),
							new BigDecimal[] { rs.getBigDecimal(3), rs.getBigDecimal(4) });
				}
				else {
					visits.put(ServiceCategory.valueOf(rs.getString(2)), rs.getBigDecimal(3).intValue());
				}
			});
		product.costShares().forEach((network, share) -> {
			BigDecimal[] amounts = met.getOrDefault(network, new BigDecimal[] { BigDecimal.ZERO, BigDecimal.ZERO });
			accumulators
				.add(new Accumulator(network, share.deductible(), amounts[0], share.outOfPocketMaximum(), amounts[1]));
		});
		product.visitLimits()
			.forEach((category, limit) -> visitLimits
				.add(new VisitLimit(category, limit, visits.getOrDefault(category, 0))));
	}

	/**
	 * PCP assignments up to the later of today and the date of service: a change asked
	 * for joins the history when it takes effect.
	 */
	private List<PcpSpan> pcpHistory(MemberId id, LocalDate dateOfService) {
		LocalDate today = LocalDate.now(this.clock);
		LocalDate upTo = dateOfService.isAfter(today) ? dateOfService : today;
		return this.jdbc.sql("""
				SELECT pcp_npi, effective_date, termination_date, change_reason FROM members.pcp_assignment
				WHERE subscriber_id = ? AND member_suffix = ? AND effective_date <= ? ORDER BY effective_date DESC
				""")
			.params(id.subscriberId(), id.suffix(), upTo)
			.query((rs, row) -> new PcpSpan(rs.getString(1), rs.getObject(2, LocalDate.class),
					rs.getObject(3, LocalDate.class), rs.getString(4)))
			.list();
	}

	private List<OtherInsurance> otherInsurance(MemberId id, LocalDate date) {
		return this.jdbc.sql("""
				SELECT payer_name, policy_number, payer_order, effective_date, termination_date
				FROM members.other_insurance
				WHERE subscriber_id = ? AND member_suffix = ? AND effective_date <= ?
				  AND (termination_date IS NULL OR termination_date >= ?)
				ORDER BY payer_name
				""")
			.params(id.subscriberId(), id.suffix(), date, date)
			.query((rs, row) -> new OtherInsurance(rs.getString(1), rs.getString(2), rs.getString(3),
					rs.getObject(4, LocalDate.class), rs.getObject(5, LocalDate.class)))
			.list();
	}

}
