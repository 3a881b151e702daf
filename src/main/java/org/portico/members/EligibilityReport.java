package org.portico.members;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/**
 * The Eligibility & Benefits report of one member on a date of service: coverage and its
 * history, PCP and PCP history, other insurance, benefits in and out of network, and how
 * much of the deductible, out-of-pocket maximum and visit limits is used this plan year.
 */
public record EligibilityReport(MemberId id, String firstName, String lastName, LocalDate birthDate, String gender,
		String relationship, LocalDate dateOfService, Optional<Coverage> coverage, List<Coverage> history,
		List<PcpSpan> pcpHistory, List<OtherInsurance> otherInsurance, List<BenefitRow> benefits,
		List<Accumulator> accumulators, List<VisitLimit> visitLimits) {

	public String name() {
		return this.firstName + " " + this.lastName;
	}

	/** The PCP on the date of service, if the member has one. */
	public Optional<PcpSpan> currentPcp() {
		return this.pcpHistory.stream().filter((p) -> p.covers(this.dateOfService)).findFirst();
	}

	/** A span of coverage under a product and group. */
	public record Coverage(LocalDate effectiveDate, LocalDate terminationDate, String productCode, String productName,
			LineOfBusiness lineOfBusiness, String planType, String groupNumber, String groupName, boolean pcpRequired,
			boolean referralsRequired, boolean carePlans) {

		public boolean covers(LocalDate date) {
			return !this.effectiveDate.isAfter(date)
					&& (this.terminationDate == null || !this.terminationDate.isBefore(date));
		}

	}

	/** A PCP assignment; the provider's name is looked up by whoever shows it. */
	public record PcpSpan(String pcpNpi, LocalDate effectiveDate, LocalDate terminationDate, String changeReason) {

		public boolean covers(LocalDate date) {
			return !this.effectiveDate.isAfter(date)
					&& (this.terminationDate == null || !this.terminationDate.isBefore(date));
		}

	}

	/** Other coverage, for coordination of benefits. */
	public record OtherInsurance(String payerName, String policyNumber, String payerOrder, LocalDate effectiveDate,
			LocalDate terminationDate) {
	}

	/** One category of service, in and out of network. */
	public record BenefitRow(ServiceCategory category, Benefit inNetwork, Benefit outOfNetwork) {
	}

	/** What the member pays for a category of service in one network tier. */
	public record Benefit(boolean covered, BigDecimal copay, Integer coinsurancePercent, boolean deductibleApplies,
			boolean priorAuthorizationRequired, Integer visitLimit) {
	}

	/** Deductible and out-of-pocket maximum of one network tier, and what is met. */
	public record Accumulator(Network network, BigDecimal deductible, BigDecimal deductibleMet,
			BigDecimal outOfPocketMaximum, BigDecimal outOfPocketMet) {

		public BigDecimal deductibleRemaining() {
			return this.deductible.subtract(this.deductibleMet).max(BigDecimal.ZERO);
		}

		public BigDecimal outOfPocketRemaining() {
			return this.outOfPocketMaximum.subtract(this.outOfPocketMet).max(BigDecimal.ZERO);
		}

	}

	/** A benefit with a yearly visit limit, and the visits used. */
	public record VisitLimit(ServiceCategory category, int limit, int used) {

		public int remaining() {
			return Math.max(0, this.limit - this.used);
		}

	}

}
