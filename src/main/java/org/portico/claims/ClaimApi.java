package org.portico.claims;

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

	/** How many claims are on file, for operations pages and the data loader. */
	public long claimsOnFile() {
		return this.jdbc.sql("SELECT COUNT(*) FROM claims.claim").query(Long.class).single();
	}

}
