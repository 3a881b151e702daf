package org.portico.demo;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;
import java.util.UUID;

import org.portico.access.AccessApi;
import org.portico.access.ProviderFunction;
import org.portico.claims.AdjustmentCases;
import org.portico.claims.AdjustmentCases.Outcome;
import org.portico.claims.AdjustmentRequest;
import org.portico.claims.AdjustmentRequest.DisputeCategory;
import org.portico.claims.AdjustmentRequest.RefundMethod;
import org.portico.claims.AdjustmentRequest.RefundReason;
import org.portico.claims.AdjustmentType;
import org.portico.claims.ClaimApi;
import org.portico.claims.ClaimDetail;
import org.portico.claims.ClaimInquiry;
import org.portico.claims.ClaimNumber;
import org.portico.claims.TrackingNumber;
import org.portico.identity.Accounts;
import org.portico.identity.PorticoUser;

import org.springframework.stereotype.Component;

/**
 * A few claim adjustment cases of the billing office's practice, so that its pages and
 * the claims staff's queue show something: a dispute and a corrected claim waiting, a
 * return of funds in review, a dispute waiting for the office's documents, and a void
 * denied. They are opened and worked through the claims module as the demo logins would,
 * so their history, mail and audit trail are those of real cases.
 */
@Component
class DemoAdjustments {

	private final ClaimApi claims;

	private final ClaimInquiry inquiry;

	private final AdjustmentCases cases;

	private final Accounts accounts;

	private final AccessApi access;

	DemoAdjustments(ClaimApi claims, ClaimInquiry inquiry, AdjustmentCases cases, Accounts accounts, AccessApi access) {
		this.claims = claims;
		this.inquiry = inquiry;
		this.cases = cases;
		this.accounts = accounts;
		this.access = access;
	}

	void create() {
		PorticoUser billing = (PorticoUser) this.accounts.loadUserByUsername("billing.demo");
		PorticoUser staff = (PorticoUser) this.accounts.loadUserByUsername("claims.staff");
		List<ClaimNumber> recent = this.claims
			.recentPaidClaims(this.access.npisFor(billing.accountId(), ProviderFunction.CLAIM_STATUS), 5);
		if (recent.size() < 5) {
			return;
		}
		open(billing, recent.get(0), new AdjustmentRequest.PaymentDispute(DisputeCategory.PAID_BELOW_CONTRACT,
				"The office visit was paid below our contracted rate for this procedure.", List.of()), 1);
		ClaimDetail corrected = claim(billing, recent.get(1));
		open(billing, recent.get(1),
				new AdjustmentRequest.Correction(AdjustmentType.CORRECTED_CLAIM,
						corrected.lines()
							.stream()
							.map((l) -> new AdjustmentRequest.CorrectedLine(l.number(), l.procedureCode(),
									l.modifiers(), (l.number() == 1) ? l.units() + 1 : l.units(), l.billed()))
							.toList(),
						"One more unit was given than was billed on line 1."),
				2);
		ClaimDetail refunded = claim(billing, recent.get(2));
		TrackingNumber refund = open(billing, recent.get(2),
				new AdjustmentRequest.ReturnFunds(
						refunded.paid().divide(BigDecimal.valueOf(2), 2, RoundingMode.DOWN).max(new BigDecimal("0.01")),
						RefundReason.COORDINATION_OF_BENEFITS, null, RefundMethod.OFFSET),
				3);
		TrackingNumber dispute = open(billing, recent.get(3),
				new AdjustmentRequest.PaymentDispute(DisputeCategory.DENIED_IN_ERROR,
						"Line 2 was denied as a duplicate, but it was a second visit.", List.of()),
				4);
		TrackingNumber voided = open(billing, recent.get(4),
				new AdjustmentRequest.Correction(AdjustmentType.VOID, List.of(), "Billed under the wrong member."), 5);
		if (refund != null) {
			this.cases.take(staff, refund);
		}
		if (dispute != null) {
			this.cases.take(staff, dispute);
			this.cases.requestInformation(staff, dispute,
					"Please send the visit notes for both dates of service on line 2.");
		}
		if (voided != null) {
			this.cases.take(staff, voided);
			this.cases.resolve(staff, voided, false,
					"The member on the claim matches the visit record: nothing to void. Call us if this is wrong.");
		}
	}

	private ClaimDetail claim(PorticoUser user, ClaimNumber number) {
		return this.inquiry.claim(user, number, "demo data").orElseThrow();
	}

	/** Opens the case; the submission key is fixed so a second run opens nothing new. */
	private TrackingNumber open(PorticoUser user, ClaimNumber number, AdjustmentRequest request, int n) {
		Outcome outcome = this.cases.open(user, claim(user, number), request,
				UUID.nameUUIDFromBytes(("demo-adjustment-" + n).getBytes(java.nio.charset.StandardCharsets.UTF_8)));
		return (outcome instanceof Outcome.Opened opened) ? opened.tracking() : null;
	}

}
