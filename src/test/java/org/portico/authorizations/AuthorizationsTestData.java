package org.portico.authorizations;

import java.time.LocalDate;
import java.util.Collection;
import java.util.List;

import org.portico.members.MemberId;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Members and providers of the demo data set that the tests of referrals and
 * authorizations need, found by what they are rather than by fixed ids.
 */
public final class AuthorizationsTestData {

	private final JdbcClient jdbc;

	public AuthorizationsTestData(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * A member whose PCP today is one of these NPIs, covered by a product that requires
	 * referrals from today for at least the next 60 days and who has no referral yet; the
	 * n-th such member.
	 */
	public Member memberWithPcpAmong(Collection<String> npis, int n) {
		LocalDate today = LocalDate.now();
		return this.jdbc.sql("""
				SELECT a.subscriber_id, a.member_suffix, a.pcp_npi, c.product_code FROM members.pcp_assignment a
				JOIN members.coverage c ON c.subscriber_id = a.subscriber_id AND c.member_suffix = a.member_suffix
				JOIN members.product p ON p.code = c.product_code
				WHERE a.pcp_npi IN (:npis) AND a.effective_date <= :today
				  AND (a.termination_date IS NULL OR a.termination_date >= :later)
				  AND c.effective_date <= :today AND (c.termination_date IS NULL OR c.termination_date >= :later)
				  AND p.referrals_required
				ORDER BY a.subscriber_id, a.member_suffix
				OFFSET :n ROWS FETCH FIRST 1 ROWS ONLY
				""")
			.param("npis", List.copyOf(npis))
			.param("today", today)
			.param("later", today.plusDays(60))
			.param("n", n)
			.query((rs, row) -> new Member(new MemberId(rs.getString(1), rs.getString(2)), rs.getString(3),
					rs.getString(4)))
			.single();
	}

	/**
	 * The PCPs of members who are neither these NPIs nor in a provider unit with any of
	 * them.
	 */
	public List<String> pcpsOutsideTheUnitsOf(Collection<String> npis) {
		return this.jdbc.sql("""
				SELECT DISTINCT a.pcp_npi FROM members.pcp_assignment a
				WHERE a.pcp_npi NOT IN (:npis) AND a.pcp_npi NOT IN (
				  SELECT b.npi FROM providers.provider_unit_member u
				  JOIN providers.provider_unit_member b ON b.unit_id = u.unit_id WHERE u.npi IN (:npis))
				ORDER BY a.pcp_npi
				""").param("npis", List.copyOf(npis)).query(String.class).list();
	}

	/**
	 * A member covered today whose coverage ends within 40 days, with a referral product.
	 */
	public Member memberWhoseCoverageEndsSoon() {
		LocalDate today = LocalDate.now();
		return this.jdbc.sql("""
				SELECT c.subscriber_id, c.member_suffix, c.product_code FROM members.coverage c
				JOIN members.product p ON p.code = c.product_code
				WHERE c.effective_date <= ? AND c.termination_date >= ? AND c.termination_date < ?
				ORDER BY c.subscriber_id FETCH FIRST 1 ROWS ONLY
				""")
			.params(today, today.plusDays(5), today.plusDays(40))
			.query((rs, row) -> new Member(new MemberId(rs.getString(1), rs.getString(2)), null, rs.getString(3)))
			.optional()
			.orElse(null);
	}

	/** A member with no coverage today. */
	public MemberId memberNotCoveredToday() {
		LocalDate today = LocalDate.now();
		return this.jdbc.sql("""
				SELECT m.subscriber_id, m.member_suffix FROM members.member m
				WHERE NOT EXISTS (SELECT 1 FROM members.coverage c
				  WHERE c.subscriber_id = m.subscriber_id AND c.member_suffix = m.member_suffix
				    AND c.effective_date <= ? AND (c.termination_date IS NULL OR c.termination_date >= ?))
				ORDER BY m.subscriber_id FETCH FIRST 1 ROWS ONLY
				""").params(today, today).query((rs, row) -> new MemberId(rs.getString(1), rs.getString(2))).single();
	}

	/**
	 * The n-th practitioner who is not primary care and is in the product's network
	 * today.
	 */
	public String specialistInNetwork(String productCode, int n) {
		LocalDate today = LocalDate.now();
		return this.jdbc
			.sql("""
					SELECT p.npi FROM providers.provider p JOIN providers.network_participation n ON n.npi = p.npi
					WHERE p.entity_type = '1' AND p.specialty_code NOT IN ('207Q00000X', '207R00000X', '208000000X')
					  AND n.product_code = ? AND n.effective_date <= ? AND (n.termination_date IS NULL OR n.termination_date >= ?)
					ORDER BY p.npi OFFSET ? ROWS FETCH FIRST 1 ROWS ONLY
					""")
			.params(productCode, today, today, n)
			.query(String.class)
			.single();
	}

	/** A practitioner not in the product's network at all. */
	public String specialistOutOfNetwork(String productCode) {
		return this.jdbc.sql("""
				SELECT p.npi FROM providers.provider p
				WHERE p.entity_type = '1' AND NOT EXISTS (
				  SELECT 1 FROM providers.network_participation n WHERE n.npi = p.npi AND n.product_code = ?)
				ORDER BY p.npi FETCH FIRST 1 ROWS ONLY
				""").param(productCode).query(String.class).single();
	}

	/** A facility (an organization) on file. */
	public String anyPractitioner() {
		return this.jdbc
			.sql("SELECT npi FROM providers.provider WHERE entity_type = '1' ORDER BY npi FETCH FIRST 1 ROWS ONLY")
			.query(String.class)
			.single();
	}

	public long requestsWithSubmission(String key) {
		return this.jdbc.sql("SELECT COUNT(*) FROM authorizations.request WHERE submission_key = ?")
			.param(key)
			.query(Long.class)
			.single();
	}

	/**
	 * A member of the demo data set.
	 *
	 * @param id the member ID
	 * @param pcpNpi their PCP today, when asked for
	 * @param productCode their product today
	 */
	public record Member(MemberId id, String pcpNpi, String productCode) {
	}

}
