package org.portico.members;

import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The members module's facade: what other modules may ask about members. Callers check
 * access and record the view in the audit trail; this facade only reads.
 */
@Service
@Transactional(readOnly = true)
public class MemberApi {

	private final JdbcClient jdbc;

	MemberApi(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	public Optional<MemberSummary> find(MemberId id) {
		return this.jdbc.sql("""
				SELECT first_name, last_name, birth_date FROM members.member
				WHERE subscriber_id = ? AND member_suffix = ?
				""")
			.params(id.subscriberId(), id.suffix())
			.query((rs, row) -> new MemberSummary(id, rs.getString(1), rs.getString(2),
					rs.getObject(3, java.time.LocalDate.class)))
			.optional();
	}

	/**
	 * Members whose PCP on the date is one of these NPIs and whose product requires
	 * referrals, last member IDs first: what a practice's demo requests are made for.
	 */
	public java.util.List<MemberId> membersWithPcpAmong(java.util.Collection<org.portico.providers.Npi> npis,
			java.time.LocalDate date, int limit) {
		if (npis.isEmpty()) {
			return java.util.List.of();
		}
		return this.jdbc.sql("""
				SELECT a.subscriber_id, a.member_suffix FROM members.pcp_assignment a
				JOIN members.coverage c ON c.subscriber_id = a.subscriber_id AND c.member_suffix = a.member_suffix
				JOIN members.product p ON p.code = c.product_code
				WHERE a.pcp_npi IN (:npis) AND a.effective_date <= :date
				  AND (a.termination_date IS NULL OR a.termination_date >= :date)
				  AND c.effective_date <= :date AND (c.termination_date IS NULL OR c.termination_date >= :date)
				  AND p.referrals_required
				ORDER BY a.subscriber_id DESC, a.member_suffix DESC
				FETCH FIRST :limit ROWS ONLY
				""")
			.param("npis", npis.stream().map(org.portico.providers.Npi::value).toList())
			.param("date", date)
			.param("limit", limit)
			.query((rs, row) -> new MemberId(rs.getString(1), rs.getString(2)))
			.list();
	}

	/** Whether any member is on file: a fresh database has none. */
	public boolean anyMemberOnFile() {
		return this.jdbc.sql("SELECT COUNT(*) FROM (SELECT 1 FROM members.member FETCH FIRST 1 ROWS ONLY) m")
			.query(Long.class)
			.single() > 0;
	}

}
