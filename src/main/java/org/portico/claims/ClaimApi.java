package org.portico.claims;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Collection;
import java.util.List;

import org.portico.providers.Npi;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The claims module's facade: what other modules may ask about claims.
 */
@Service
@Transactional(readOnly = true)
public class ClaimApi {

	private final JdbcClient jdbc;

	ClaimApi(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * Whether a claim with this number, first date of service and billed amount was
	 * billed or rendered by the NPI and received on or after the date: how a registering
	 * provider proves they are who they say.
	 */
	public boolean matchesRecentClaim(Npi npi, ClaimNumber number, LocalDate serviceDate, BigDecimal billed,
			LocalDate receivedSince) {
		return this.jdbc.sql("""
				SELECT COUNT(*) FROM claims.claim
				WHERE claim_number = ? AND service_from = ? AND total_billed = ? AND received_date >= ?
				  AND (billing_npi = ? OR rendering_npi = ?)
				""")
			.params(number.value(), serviceDate, billed, receivedSince, npi.value(), npi.value())
			.query(Long.class)
			.single() > 0;
	}

	/**
	 * The payees' most recently served claims that were paid, newest first: for the
	 * demo's adjustment cases.
	 */
	public List<ClaimNumber> recentPaidClaims(Collection<Npi> payees, int count) {
		if (payees.isEmpty()) {
			return List.of();
		}
		return this.jdbc.sql("""
				SELECT claim_number FROM claims.claim
				WHERE payee_npi IN (:payees) AND status = 'PAID' AND frequency_code = '1' AND total_paid > 0
				ORDER BY service_from DESC, claim_number FETCH FIRST :count ROWS ONLY
				""")
			.param("payees", payees.stream().map(Npi::value).toList())
			.param("count", count)
			.query((rs, row) -> new ClaimNumber(rs.getString(1)))
			.list();
	}

	/** How many claims are on file, for operations pages and the data loader. */
	public long claimsOnFile() {
		return this.jdbc.sql("SELECT COUNT(*) FROM claims.claim").query(Long.class).single();
	}

}
