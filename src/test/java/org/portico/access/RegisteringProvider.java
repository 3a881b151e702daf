package org.portico.access;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

import org.portico.providers.Npi;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * What a provider registering for Portico knows: their NPI, the last four digits of their
 * SSN, and two of their recent claims. Read from the test database, for an NPI without an
 * SAA yet.
 *
 * @param npi the provider's NPI
 * @param ssnLastFour the last four digits of the provider's SSN
 * @param claims two claims rendered by the provider in the last 11 months
 */
public record RegisteringProvider(Npi npi, String ssnLastFour, List<Claim> claims) {

	/** A claim as the provider's billing office has it. */
	public record Claim(String number, LocalDate date, BigDecimal billed) {
	}

	/**
	 * What proves this provider, as an individual: the last four digits of the SSN and
	 * the two claims, typed as the office has them.
	 */
	public Registration.ProviderProof proof() {
		return new Registration.ProviderProof(this.npi.value(), false, null, this.ssnLastFour, this.claims.stream()
			.map((c) -> new Registration.ClaimProof(c.number(), c.date().toString(), c.billed().toPlainString()))
			.toList());
	}

	/**
	 * A registration as the provider, with the address username@example.org.
	 * @param replaceSaa whether to replace the NPI's SAA, should it have one
	 */
	public Registration.Request registration(String name, String username, String password, boolean replaceSaa) {
		return new Registration.Request(proof(), new Registration.Acting(false, null, replaceSaa), name,
				username + "@example.org", username, password, password);
	}

	private static List<String> fromLast;

	/**
	 * The n-th such provider; tests use different n so they never register the same NPI.
	 */
	public static RegisteringProvider nth(JdbcClient jdbc, int n) {
		return of(jdbc, candidates(jdbc, "ASC").get(n + 10));
	}

	/**
	 * The n-th such provider counted from the end of the list as it was when first asked,
	 * so that registering one does not move the others, and never one that {@link #nth}
	 * gives.
	 */
	public static synchronized RegisteringProvider nthFromLast(JdbcClient jdbc, int n) {
		if (fromLast == null) {
			fromLast = candidates(jdbc, "DESC");
		}
		return of(jdbc, fromLast.get(n));
	}

	private static List<String> firstTen;

	/**
	 * One of the first ten such providers, counted from the start of the list as it was
	 * when first asked: {@link #nth} never gives these, as it skips the first ten, and
	 * registering one does not move the others.
	 */
	public static synchronized RegisteringProvider nthOfFirstTen(JdbcClient jdbc, int n) {
		if (n < 0 || n >= 10) {
			throw new IllegalArgumentException("One of the first ten");
		}
		if (firstTen == null) {
			firstTen = candidates(jdbc, "ASC").subList(0, 10);
		}
		return of(jdbc, firstTen.get(n));
	}

	private static List<String> candidates(JdbcClient jdbc, String order) {
		return jdbc.sql("""
				SELECT p.npi FROM providers.provider p
				WHERE p.entity_type = '1'
				  AND NOT EXISTS (SELECT 1 FROM access.npi_role r WHERE r.npi = p.npi)
				  AND (SELECT COUNT(*) FROM claims.claim c WHERE c.rendering_npi = p.npi AND c.received_date >= ?) >= 2
				ORDER BY p.npi\s""" + order).param(LocalDate.now().minusMonths(11)).query(String.class).list();
	}

	private static RegisteringProvider of(JdbcClient jdbc, String npi) {
		LocalDate since = LocalDate.now().minusMonths(11);
		String last4 = jdbc.sql("SELECT ssn_last4 FROM providers.provider WHERE npi = ?")
			.param(npi)
			.query(String.class)
			.single();
		List<Claim> claims = jdbc.sql("""
				SELECT claim_number, service_from, total_billed FROM claims.claim
				WHERE rendering_npi = ? AND received_date >= ? ORDER BY claim_number FETCH FIRST 2 ROWS ONLY
				""")
			.params(npi, since)
			.query((rs, row) -> new Claim(rs.getString(1), rs.getObject(2, LocalDate.class), rs.getBigDecimal(3)))
			.list();
		return new RegisteringProvider(new Npi(npi), last4, claims);
	}

}
