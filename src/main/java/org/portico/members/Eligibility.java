package org.portico.members;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.portico.members.EligibilityReport.Accumulator;
import org.portico.members.EligibilityReport.Benefit;
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

	private final Clock clock;

	Eligibility(JdbcClient jdbc, Clock clock) {
		this.jdbc = jdbc;
		this.clock = clock;
	}

	public Optional<EligibilityReport> report(MemberId id, LocalDate dateOfService) {
		return this.jdbc.sql("""
				SELECT first_name, last_name, birth_date, gender, relationship FROM members.member
				WHERE subscriber_id = ? AND member_suffix = ?
				""").params(id.subscriberId(), id.suffix()).query((rs, row) -> {
			List<Coverage> history = coverage(id);
			Optional<Coverage> current = history.stream().filter((c) -> c.covers(dateOfService)).findFirst();
			return new EligibilityReport(id, rs.getString(1), rs.getString(2), rs.getObject(3, LocalDate.class),
					rs.getString(4), rs.getString(5), dateOfService, current, history, pcpHistory(id, dateOfService),
					otherInsurance(id, dateOfService), current.map((c) -> benefits(c.productCode())).orElse(List.of()),
					current.map((c) -> accumulators(id, c.productCode(), dateOfService.getYear())).orElse(List.of()),
					current.map((c) -> visitLimits(id, c.productCode(), dateOfService.getYear())).orElse(List.of()));
		}).optional();
	}

	/**
	 * The coverage on a date of service and the PCP on it, without the rest of the
	 * report: what a batch needs for each of its rows.
	 */
	CoverageOnDate coverageOn(MemberId id, LocalDate dateOfService) {
		Optional<Coverage> coverage = coverage(id).stream().filter((c) -> c.covers(dateOfService)).findFirst();
		if (coverage.isEmpty()) {
			return new CoverageOnDate(coverage, Optional.empty());
		}
		Optional<String> pcp = this.jdbc.sql("""
				SELECT pcp_npi FROM members.pcp_assignment
				WHERE subscriber_id = ? AND member_suffix = ? AND effective_date <= ?
				  AND (termination_date IS NULL OR termination_date >= ?)
				ORDER BY effective_date DESC FETCH FIRST 1 ROWS ONLY
				""")
			.params(id.subscriberId(), id.suffix(), dateOfService, dateOfService)
			.query(String.class)
			.optional();
		return new CoverageOnDate(coverage, pcp);
	}

	record CoverageOnDate(Optional<Coverage> coverage, Optional<String> pcpNpi) {
	}

	private List<Coverage> coverage(MemberId id) {
		return this.jdbc.sql("""
				SELECT c.effective_date, c.termination_date, p.code, p.name, p.line_of_business, p.plan_type,
				       c.group_number, c.group_name, p.pcp_required, p.referrals_required, p.has_care_plans
				FROM members.coverage c JOIN members.product p ON p.code = c.product_code
				WHERE c.subscriber_id = ? AND c.member_suffix = ?
				ORDER BY c.effective_date DESC
				""")
			.params(id.subscriberId(), id.suffix())
			.query((rs, row) -> new Coverage(rs.getObject(1, LocalDate.class), rs.getObject(2, LocalDate.class),
					rs.getString(3), rs.getString(4), LineOfBusiness.valueOf(rs.getString(5)), rs.getString(6),
					rs.getString(7), rs.getString(8), rs.getBoolean(9), rs.getBoolean(10), rs.getBoolean(11)))
			.list();
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

	private List<BenefitRow> benefits(String product) {
		Map<ServiceCategory, Map<Network, Benefit>> byCategory = new EnumMap<>(ServiceCategory.class);
		this.jdbc.sql("""
				SELECT service_category, network, covered, copay, coinsurance_percent, deductible_applies,
				       prior_authorization_required, visit_limit
				FROM members.benefit WHERE product_code = ?
				""").param(product).query((ResultSet rs) -> {
			byCategory.computeIfAbsent(ServiceCategory.valueOf(rs.getString(1)), (c) -> new EnumMap<>(Network.class))
				.put(Network.valueOf(rs.getString(2)), benefit(rs));
		});
		List<BenefitRow> rows = new ArrayList<>();
		Benefit notCovered = new Benefit(false, null, null, false, false, null);
		for (ServiceCategory category : ServiceCategory.values()) {
			Map<Network, Benefit> tiers = byCategory.getOrDefault(category, Map.of());
			rows.add(new BenefitRow(category, tiers.getOrDefault(Network.IN, notCovered),
					tiers.getOrDefault(Network.OUT, notCovered)));
		}
		return rows;
	}

	private static Benefit benefit(ResultSet rs) throws SQLException {
		Integer coinsurance = (Integer) rs.getObject(5, Integer.class);
		Integer visitLimit = (Integer) rs.getObject(8, Integer.class);
		return new Benefit(rs.getBoolean(3), rs.getBigDecimal(4), coinsurance, rs.getBoolean(6), rs.getBoolean(7),
				visitLimit);
	}

	private List<Accumulator> accumulators(MemberId id, String product, int planYear) {
		return this.jdbc.sql("""
				SELECT s.network, s.deductible_individual, COALESCE(a.deductible_met, 0),
				       s.out_of_pocket_individual, COALESCE(a.out_of_pocket_met, 0)
				FROM members.product_cost_share s
				LEFT JOIN members.accumulator a ON a.network = s.network AND a.subscriber_id = ?
				     AND a.member_suffix = ? AND a.plan_year = ?
				WHERE s.product_code = ? ORDER BY s.network
				""")
			.params(id.subscriberId(), id.suffix(), planYear, product)
			.query((rs, row) -> new Accumulator(Network.valueOf(rs.getString(1)), rs.getBigDecimal(2),
					rs.getBigDecimal(3), rs.getBigDecimal(4), rs.getBigDecimal(5)))
			.list();
	}

	private List<VisitLimit> visitLimits(MemberId id, String product, int planYear) {
		return this.jdbc.sql("""
				SELECT b.service_category, b.visit_limit, COALESCE(v.visits_used, 0)
				FROM members.benefit b
				LEFT JOIN members.visit_accumulator v ON v.service_category = b.service_category
				     AND v.subscriber_id = ? AND v.member_suffix = ? AND v.plan_year = ?
				WHERE b.product_code = ? AND b.network = 'IN' AND b.visit_limit IS NOT NULL
				ORDER BY b.service_category
				""")
			.params(id.subscriberId(), id.suffix(), planYear, product)
			.query((rs, row) -> new VisitLimit(ServiceCategory.valueOf(rs.getString(1)), rs.getInt(2), rs.getInt(3)))
			.list();
	}

}
