package org.portico.claims;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

import org.portico.access.AccessApi;
import org.portico.access.ProviderFunction;
import org.portico.identity.Accounts;
import org.portico.identity.PorticoUser;
import org.portico.members.MemberId;
import org.portico.providers.Npi;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Claims of the test database as the tests need them, and claims the tests add and take
 * away again: one billed by a practice but paid to another, a corrected claim, a patient
 * with an accented name.
 */
public final class ClaimsTestData {

	/** Claim numbers of added claims start with 99, which no loaded claim does. */
	public static final String ADDED = "99";

	private final JdbcClient jdbc;

	private final Accounts accounts;

	private final AccessApi access;

	public ClaimsTestData(JdbcClient jdbc, Accounts accounts, AccessApi access) {
		this.jdbc = jdbc;
		this.accounts = accounts;
		this.access = access;
	}

	public PorticoUser user(String username) {
		return (PorticoUser) this.accounts.loadUserByUsername(username);
	}

	/** The NPIs the user holds claim status access for. */
	public List<String> claimStatusNpis(String username) {
		return this.access.npisFor(user(username).accountId(), ProviderFunction.CLAIM_STATUS)
			.stream()
			.map(Npi::value)
			.toList();
	}

	/** The user's NPI that claims are paid to: their practice's group NPI. */
	public String payeeNpi(String username) {
		return this.jdbc.sql("SELECT DISTINCT payee_npi FROM claims.claim WHERE payee_npi IN (:npis)")
			.param("npis", claimStatusNpis(username))
			.query(String.class)
			.list()
			.get(0);
	}

	/** A claim as the tests compare it. */
	public record Claim(long id, String number, MemberId member, String firstName, String lastName,
			LocalDate serviceFrom, String billingNpi, String renderingNpi, String payeeNpi, String status,
			BigDecimal billed, Long paymentId) {
	}

	private static final String CLAIM = """
			SELECT id, claim_number, subscriber_id, member_suffix, patient_first_name, patient_last_name, service_from,
			       billing_npi, rendering_npi, payee_npi, status, total_billed, payment_id
			FROM claims.claim c
			""";

	public List<Claim> claims(String where, Object... params) {
		return this.jdbc.sql(CLAIM + " WHERE " + where).params(params).query((rs, row) -> {
			long payment = rs.getLong(13);
			Long paymentId = rs.wasNull() ? null : payment;
			return new Claim(rs.getLong(1), rs.getString(2), new MemberId(rs.getString(3), rs.getString(4)),
					rs.getString(5), rs.getString(6), rs.getObject(7, LocalDate.class), rs.getString(8),
					rs.getString(9), rs.getString(10), rs.getString(11), rs.getBigDecimal(12), paymentId);
		}).list();
	}

	/**
	 * A paid claim of the payee with a contractual adjustment and a payment, whose
	 * patient's name and billed amount no other claim of the payee shares.
	 */
	public Claim paidClaimOf(String payeeNpi) {
		return claims(
				"""
						c.payee_npi = ? AND c.status = 'PAID' AND c.payment_id IS NOT NULL
						  AND EXISTS (SELECT 1 FROM claims.claim_line_adjustment a WHERE a.claim_id = c.id AND a.reason_code = '45')
						  AND (SELECT COUNT(*) FROM claims.claim o WHERE o.payee_npi = c.payee_npi
						       AND o.patient_last_name = c.patient_last_name AND o.total_billed = c.total_billed) = 1
						  AND c.patient_last_name NOT LIKE '% %' AND c.patient_first_name NOT LIKE '% %'
						ORDER BY c.service_from DESC, c.id FETCH FIRST 1 ROWS ONLY
						""",
				payeeNpi)
			.get(0);
	}

	/** Adds a paid claim with one line and an adjustment, paid by the payment. */
	public void addClaim(long id, String number, String frequency, String original, MemberId member, String first,
			String last, String billing, String rendering, String payee, LocalDate serviceDate, BigDecimal billed,
			BigDecimal paid, Long paymentId) {
		this.jdbc.sql("""
				INSERT INTO claims.claim (id, claim_number, claim_type, frequency_code, original_claim_number,
				  subscriber_id, member_suffix, patient_first_name, patient_last_name, patient_birth_date, product_code,
				  billing_npi, rendering_npi, payee_npi, place_of_service, service_from, service_to, received_date,
				  adjudicated_date, status, status_category, diagnosis_codes, total_billed, total_allowed, total_paid,
				  patient_responsibility, payment_id)
				VALUES (?, ?, 'P', ?, ?, ?, ?, ?, ?, DATE '1970-05-06', 'TEST', ?, ?, ?, '11', ?, ?, ?, ?, 'PAID', 'F1',
				  ARRAY['E11.9', 'I10'], ?, ?, ?, 0, ?)
				""")
			.params(id, number, frequency, original, member.subscriberId(), member.suffix(), first, last, billing,
					rendering, payee, serviceDate, serviceDate, serviceDate.plusDays(3), serviceDate.plusDays(10),
					billed, paid, paid, paymentId)
			.update();
		this.jdbc.sql("""
				INSERT INTO claims.claim_line (claim_id, line_number, service_date, procedure_code, modifiers, units,
				  billed, allowed, paid, patient_responsibility)
				VALUES (?, 1, ?, '99214', '25', 1, ?, ?, ?, 0)
				""").params(id, serviceDate, billed, paid, paid).update();
		this.jdbc.sql("""
				INSERT INTO claims.claim_line_adjustment (claim_id, line_number, sequence, group_code, reason_code,
				  remark_code, amount)
				VALUES (?, 1, 1, 'CO', '45', 'N381', ?)
				""").params(id, billed.subtract(paid)).update();
	}

	public void addPayment(long id, String number, String payee, LocalDate date, BigDecimal amount) {
		this.jdbc.sql("""
				INSERT INTO claims.payment (id, payment_number, method, payment_date, payee_npi, amount)
				VALUES (?, ?, 'ACH', ?, ?, ?)
				""").params(id, number, date, payee, amount).update();
	}

	/** Takes away every claim and payment the tests added. */
	public void removeAdded() {
		this.jdbc.sql("""
				DELETE FROM claims.claim_line_adjustment
				WHERE claim_id IN (SELECT id FROM claims.claim WHERE claim_number LIKE '99%')
				""").update();
		this.jdbc
			.sql("""
					DELETE FROM claims.claim_line WHERE claim_id IN (SELECT id FROM claims.claim WHERE claim_number LIKE '99%')
					""")
			.update();
		this.jdbc.sql("DELETE FROM claims.claim WHERE claim_number LIKE '99%'").update();
		this.jdbc.sql("DELETE FROM claims.payment WHERE payment_number LIKE 'EFT99%'").update();
	}

}
