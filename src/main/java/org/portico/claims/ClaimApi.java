package org.portico.claims;

import java.math.BigDecimal;
import java.time.LocalDate;

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

	/** How many claims are on file, for operations pages and the data loader. */
	public long claimsOnFile() {
		return this.jdbc.sql("SELECT COUNT(*) FROM claims.claim").query(Long.class).single();
	}

}
