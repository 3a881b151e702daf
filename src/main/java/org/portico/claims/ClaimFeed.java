package org.portico.claims;

import java.math.BigDecimal;
import java.time.LocalDate;

import org.portico.members.MemberId;
import org.portico.platform.bulk.BulkLoad;
import org.portico.platform.bulk.BulkLoad.TableWriter;
import org.portico.providers.Npi;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * How adjudicated claims enter Portico from the claims system, so only this module knows
 * its tables.
 */
@Component
public class ClaimFeed {

	private final JdbcClient jdbc;

	public ClaimFeed(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	public Writer writer(BulkLoad load) {
		return new Writer(load);
	}

	/**
	 * Creates the payments that claims point to, one per payment id, from the claims they
	 * paid: checks for a quarter of them, EFTs for the rest.
	 */
	@Transactional
	public int createPaymentsFromClaims() {
		return this.jdbc.sql("""
				INSERT INTO claims.payment (id, payment_number, method, payment_date, payee_npi, amount)
				SELECT c.payment_id,
				       CASE WHEN MOD(c.payment_id, 4) = 0 THEN LPAD(CAST(c.payment_id AS VARCHAR), 9, '0')
				            ELSE 'EFT' || LPAD(CAST(c.payment_id AS VARCHAR), 12, '0') END,
				       CASE WHEN MOD(c.payment_id, 4) = 0 THEN 'CHK' ELSE 'ACH' END,
				       MAX(c.adjudicated_date), MIN(c.payee_npi), SUM(c.total_paid)
				FROM claims.claim c
				WHERE c.payment_id IS NOT NULL
				GROUP BY c.payment_id
				""").update();
	}

	public record Claim(long id, ClaimNumber number, boolean institutional, char frequencyCode,
			ClaimNumber originalClaimNumber, MemberId member, String patientFirstName, String patientLastName,
			LocalDate patientBirthDate, String productCode, Npi billingNpi, Npi renderingNpi, Npi payeeNpi,
			String placeOfService, LocalDate serviceFrom, LocalDate serviceTo, LocalDate receivedDate,
			LocalDate adjudicatedDate, ClaimStatus status, ClaimStatusCategory category, String[] diagnosisCodes,
			BigDecimal billed, BigDecimal allowed, BigDecimal paid, BigDecimal patientResponsibility, Long paymentId) {

		public Claim {
			if (!status.allows(category)) {
				throw new IllegalArgumentException("Status " + status + " cannot have category " + category);
			}
		}

	}

	public record Line(long claimId, int lineNumber, LocalDate serviceDate, String procedureCode, String modifiers,
			String revenueCode, int units, BigDecimal billed, BigDecimal allowed, BigDecimal paid,
			BigDecimal patientResponsibility) {
	}

	public final class Writer {

		private final TableWriter claims;

		private final TableWriter lines;

		private final TableWriter adjustments;

		Writer(BulkLoad load) {
			this.claims = load.into("claims.claim", "id", "claim_number", "claim_type", "frequency_code",
					"original_claim_number", "subscriber_id", "member_suffix", "patient_first_name",
					"patient_last_name", "patient_birth_date", "product_code", "billing_npi", "rendering_npi",
					"payee_npi", "place_of_service", "service_from", "service_to", "received_date", "adjudicated_date",
					"status", "status_category", "diagnosis_codes", "total_billed", "total_allowed", "total_paid",
					"patient_responsibility", "payment_id");
			this.lines = load.into("claims.claim_line", "claim_id", "line_number", "service_date", "procedure_code",
					"modifiers", "revenue_code", "units", "billed", "allowed", "paid", "patient_responsibility");
			this.adjustments = load.into("claims.claim_line_adjustment", "claim_id", "line_number", "sequence",
					"group_code", "reason_code", "remark_code", "amount");
		}

		public void claim(Claim c) {
			this.claims.row(c.id(), c.number().value(), c.institutional() ? "I" : "P",
					String.valueOf(c.frequencyCode()),
					(c.originalClaimNumber() != null) ? c.originalClaimNumber().value() : null,
					c.member().subscriberId(), c.member().suffix(), c.patientFirstName(), c.patientLastName(),
					c.patientBirthDate(), c.productCode(), c.billingNpi().value(), c.renderingNpi().value(),
					c.payeeNpi().value(), c.placeOfService(), c.serviceFrom(), c.serviceTo(), c.receivedDate(),
					c.adjudicatedDate(), c.status().name(), c.category().code(), c.diagnosisCodes(), c.billed(),
					c.allowed(), c.paid(), c.patientResponsibility(), c.paymentId());
		}

		public void line(Line l) {
			this.lines.row(l.claimId(), (short) l.lineNumber(), l.serviceDate(), l.procedureCode(), l.modifiers(),
					l.revenueCode(), (short) l.units(), l.billed(), l.allowed(), l.paid(), l.patientResponsibility());
		}

		/**
		 * @param groupCode CO contractual, PR patient responsibility, OA other, PI payer
		 * initiated
		 */
		public void adjustment(long claimId, int lineNumber, int sequence, String groupCode, String reasonCode,
				String remarkCode, BigDecimal amount) {
			this.adjustments.row(claimId, (short) lineNumber, (short) sequence, groupCode, reasonCode, remarkCode,
					amount);
		}

	}

}
