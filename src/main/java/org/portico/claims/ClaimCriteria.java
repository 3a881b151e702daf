package org.portico.claims;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import org.portico.members.MemberId;
import org.portico.providers.Npi;

/**
 * What a claim search asks for. Every part is optional, but a search gives at least one,
 * and a claim matches when it matches every part given. Dates are of the claim's first
 * date of service.
 *
 * @param claimNumber the claim's number
 * @param member the patient's member ID
 * @param subscriberId a family's subscriber number: any member of the family
 * @param provider an NPI that billed or rendered the claim or is paid for it
 * @param nameWords words in their search form, each the start of a word of the patient's
 * name
 * @param serviceFrom the earliest first date of service
 * @param serviceTo the latest first date of service
 * @param billed the claim's total billed amount
 * @param statuses any of these statuses; empty for any status
 */
public record ClaimCriteria(ClaimNumber claimNumber, MemberId member, String subscriberId, Npi provider,
		List<String> nameWords, LocalDate serviceFrom, LocalDate serviceTo, BigDecimal billed,
		Set<ClaimStatus> statuses) {

	public ClaimCriteria {
		nameWords = List.copyOf(nameWords);
		statuses = statuses.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(statuses));
		if (subscriberId != null && !subscriberId.matches("[0-9]{9}")) {
			throw new IllegalArgumentException("A subscriber number is 9 digits");
		}
		if (nameWords.stream().anyMatch((w) -> !w.matches("[a-z0-9]+"))) {
			throw new IllegalArgumentException("Name words are in their search form");
		}
		if (serviceFrom != null && serviceTo != null && serviceTo.isBefore(serviceFrom)) {
			throw new IllegalArgumentException("The dates of service are reversed");
		}
	}

	public static ClaimCriteria byNumber(ClaimNumber number) {
		return new ClaimCriteria(number, null, null, null, List.of(), null, null, null, Set.of());
	}

	public static ClaimCriteria byMember(MemberId member, LocalDate from, LocalDate to) {
		return new ClaimCriteria(null, member, null, null, List.of(), from, to, null, Set.of());
	}

	public static ClaimCriteria byProvider(Npi provider, LocalDate from, LocalDate to) {
		return new ClaimCriteria(null, null, null, provider, List.of(), from, to, null, Set.of());
	}

	public boolean isEmpty() {
		return this.claimNumber == null && this.member == null && this.subscriberId == null && this.provider == null
				&& this.nameWords.isEmpty() && this.serviceFrom == null && this.serviceTo == null && this.billed == null
				&& this.statuses.isEmpty();
	}

	/** The kinds of criteria given, never their values: for the audit trail. */
	public String describe() {
		List<String> kinds = new ArrayList<>();
		if (this.claimNumber != null) {
			kinds.add("claim number");
		}
		if (this.member != null) {
			kinds.add("member ID");
		}
		if (this.subscriberId != null) {
			kinds.add("subscriber ID");
		}
		if (this.provider != null) {
			kinds.add("provider NPI");
		}
		if (!this.nameWords.isEmpty()) {
			kinds.add("patient name");
		}
		if (this.serviceFrom != null || this.serviceTo != null) {
			kinds.add("dates of service");
		}
		if (this.billed != null) {
			kinds.add("billed amount");
		}
		if (!this.statuses.isEmpty()) {
			kinds.add("status");
		}
		return String.join(", ", kinds);
	}

}
