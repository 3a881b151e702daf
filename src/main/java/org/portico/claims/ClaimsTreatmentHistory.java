package org.portico.claims;

import java.time.LocalDate;

import org.portico.members.MemberId;
import org.portico.members.TreatmentHistory;
import org.portico.providers.Npi;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Claims answering who has treated a member: a provider whose NPI billed or rendered one
 * of the member's claims. Any claim counts, paid or not: it shows the provider saw the
 * member.
 */
@Component
@Transactional(readOnly = true)
class ClaimsTreatmentHistory implements TreatmentHistory {

	private final JdbcClient jdbc;

	ClaimsTreatmentHistory(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	@Override
	public boolean billedOrRenderedSince(MemberId member, Npi npi, LocalDate since) {
		return this.jdbc.sql("""
				SELECT COUNT(*) FROM (
				  SELECT 1 FROM claims.claim
				  WHERE subscriber_id = ? AND member_suffix = ? AND service_from >= ?
				    AND (billing_npi = ? OR rendering_npi = ?)
				  FETCH FIRST 1 ROWS ONLY) c
				""")
			.params(member.subscriberId(), member.suffix(), since, npi.value(), npi.value())
			.query(Long.class)
			.single() > 0;
	}

}
