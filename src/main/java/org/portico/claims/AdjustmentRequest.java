package org.portico.claims;

import java.math.BigDecimal;
import java.util.List;

/**
 * What an office asks for in an adjustment case, as checked by the form that took it.
 */
public sealed interface AdjustmentRequest {

	AdjustmentType type();

	/**
	 * A corrected claim (replacement) with the lines as they should have been billed, or
	 * a void of the claim (no lines).
	 */
	record Correction(AdjustmentType type, List<CorrectedLine> lines, String reason) implements AdjustmentRequest {

		public Correction {
			if (type != AdjustmentType.CORRECTED_CLAIM && type != AdjustmentType.VOID) {
				throw new IllegalArgumentException("A correction is a corrected claim or a void");
			}
			lines = List.copyOf(lines);
		}

	}

	/** A line of a corrected claim. */
	record CorrectedLine(int number, String procedureCode, List<String> modifiers, int units, BigDecimal billed) {

		public CorrectedLine {
			modifiers = List.copyOf(modifiers);
		}

	}

	/** Money given back to the plan. */
	record ReturnFunds(BigDecimal amount, RefundReason reason, String otherReason,
			RefundMethod method) implements AdjustmentRequest {

		@Override
		public AdjustmentType type() {
			return AdjustmentType.RETURN_FUNDS;
		}

	}

	/** A disagreement with what was paid, with the files that support it. */
	record PaymentDispute(DisputeCategory category, String narrative,
			List<AttachmentFile> files) implements AdjustmentRequest {

		public PaymentDispute {
			files = List.copyOf(files);
		}

		@Override
		public AdjustmentType type() {
			return AdjustmentType.PAYMENT_DISPUTE;
		}

	}

	/** Why funds are returned. */
	enum RefundReason {

		OVERPAYMENT, DUPLICATE_PAYMENT, COORDINATION_OF_BENEFITS, OTHER;

		public String messageKey() {
			return "adjustment.refund-reason." + name();
		}

	}

	/** How funds are returned. */
	enum RefundMethod {

		/** The office mails the plan a check. */
		REFUND_CHECK,

		/** The plan takes the amount from the office's future payments. */
		OFFSET;

		public String messageKey() {
			return "adjustment.refund-method." + name();
		}

	}

	/** What a payment dispute is about. */
	enum DisputeCategory {

		PAID_BELOW_CONTRACT, DENIED_IN_ERROR, BUNDLING, MEDICAL_NECESSITY, TIMELY_FILING, OTHER;

		public String messageKey() {
			return "adjustment.dispute-category." + name();
		}

	}

	/**
	 * A file already checked (type from its bytes, size, virus scan) and ready to keep.
	 *
	 * @param name a safe name to show, never used as a path
	 */
	record AttachmentFile(String name, String mediaType, byte[] content, String sha256) {
	}

}
