package org.portico.claims;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

import org.portico.members.MemberId;
import org.portico.providers.Npi;

/**
 * Everything about one claim the office may see: the header, its lines with each
 * adjustment and the reason for it, the payment, and the claims that corrected or
 * replaced it.
 *
 * @param frequency whether the claim is an original, a replacement or a void
 * @param replacedClaim the claim a replacement or void refers to, or null
 * @param payment the payment that paid it, or null when none did (or the user may not see
 * it)
 * @param history the claims of the same original, this one included, oldest first
 */
public record ClaimDetail(ClaimNumber number, boolean institutional, Frequency frequency, ClaimNumber replacedClaim,
		MemberId member, String patientFirstName, String patientLastName, LocalDate patientBirthDate,
		String productCode, Npi billingNpi, Npi renderingNpi, Npi payeeNpi, String placeOfService,
		LocalDate serviceFrom, LocalDate serviceTo, LocalDate receivedDate, LocalDate adjudicatedDate,
		ClaimStatus status, ClaimStatusCategory category, List<String> diagnosisCodes, BigDecimal billed,
		BigDecimal allowed, BigDecimal paid, BigDecimal patientResponsibility, List<Line> lines, Payment payment,
		List<Version> history) {

	public ClaimDetail {
		diagnosisCodes = List.copyOf(diagnosisCodes);
		lines = List.copyOf(lines);
		history = List.copyOf(history);
	}

	public String patientName() {
		return this.patientFirstName + " " + this.patientLastName;
	}

	/** Every adjustment of every line, in line order. */
	public List<Adjustment> adjustments() {
		return this.lines.stream().flatMap((l) -> l.adjustments().stream()).toList();
	}

	/** Whether another claim corrected, replaced or voided this one, or it did so. */
	public boolean hasHistory() {
		return this.history.size() > 1;
	}

	/** The X12 claim frequency: an original claim, a replacement of one, or its void. */
	public enum Frequency {

		ORIGINAL('1'), REPLACEMENT('7'), VOID('8');

		private final char code;

		Frequency(char code) {
			this.code = code;
		}

		public char code() {
			return this.code;
		}

		static Frequency of(char code) {
			for (Frequency f : values()) {
				if (f.code == code) {
					return f;
				}
			}
			throw new IllegalArgumentException("Unknown claim frequency " + code);
		}

	}

	/**
	 * A service line.
	 *
	 * @param modifiers the procedure code's modifiers, as billed
	 * @param revenueCode the revenue code of an institutional claim's line, or null
	 */
	public record Line(int number, LocalDate serviceDate, String procedureCode, List<String> modifiers,
			String revenueCode, int units, BigDecimal billed, BigDecimal allowed, BigDecimal paid,
			BigDecimal patientResponsibility, List<Adjustment> adjustments) {

		public Line {
			modifiers = List.copyOf(modifiers);
			adjustments = List.copyOf(adjustments);
		}

	}

	/**
	 * Why a line was paid less than billed, as on a remittance advice.
	 *
	 * @param groupCode CO contractual obligation, PR patient responsibility, OA other, PI
	 * payer initiated
	 * @param reasonCode the claim adjustment reason code (CARC)
	 * @param reason what it means, or null when Portico does not explain it
	 * @param remarkCode the remittance advice remark code (RARC), or null
	 * @param remark what it means, or null
	 */
	public record Adjustment(int line, String groupCode, String reasonCode, String reason, String remarkCode,
			String remark, BigDecimal amount) {
	}

	/**
	 * A check or an electronic funds transfer.
	 *
	 * @param number the check number or EFT trace number
	 * @param amount the whole payment, for this claim and the others it paid
	 */
	public record Payment(String number, PaymentMethod method, LocalDate date, BigDecimal amount, Npi payeeNpi) {
	}

	/** A claim of the same original: the original, a replacement or a void. */
	public record Version(ClaimNumber number, Frequency frequency, LocalDate receivedDate, ClaimStatus status,
			BigDecimal paid) {
	}

}
