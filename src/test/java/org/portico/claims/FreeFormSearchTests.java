package org.portico.claims;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Set;

import org.junit.jupiter.api.Test;

import org.portico.members.MemberId;
import org.portico.providers.Npi;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The free-form search reads each piece of what the office typed as what it looks like.
 */
class FreeFormSearchTests {

	private static final Npi NPI = Npi.withCheckDigit("123456789");

	@Test
	void numbersAreReadByTheirLength() {
		ClaimCriteria c = read("26-0000001234 123456789-02 " + NPI.value()).criteria();
		assertThat(c.claimNumber()).isEqualTo(new ClaimNumber("260000001234"));
		assertThat(c.member()).isEqualTo(new MemberId("123456789", "02"));
		assertThat(c.provider()).isEqualTo(NPI);
		assertThat(read("987654321").criteria().subscriberId()).isEqualTo("987654321");
		assertThat(read("12345678901").criteria().member()).isEqualTo(new MemberId("123456789", "01"));
	}

	@Test
	void namesIgnoreCaseAccentsAndPunctuation() {
		ClaimCriteria c = read("CÔTÉ-O'Brien, Renée").criteria();
		assertThat(c.nameWords()).containsExactly("cote", "obrien", "renee");
		assertThat(PatientSearchName.of("Renée", "Côté-O'Brien")).isEqualTo(" renee cote obrien");
	}

	@Test
	void datesAmountsAndStatusWords() {
		ClaimCriteria one = read("smith 3/4/2026 $1,245.50 pending").criteria();
		assertThat(one.serviceFrom()).isEqualTo(LocalDate.of(2026, 3, 4)).isEqualTo(one.serviceTo());
		assertThat(one.billed()).isEqualTo(new BigDecimal("1245.50"));
		assertThat(one.statuses()).containsExactly(ClaimStatus.PENDED);
		ClaimCriteria range = read("2026-05-01 2026-02-01 12.00 paid denied").criteria();
		assertThat(range.serviceFrom()).isEqualTo(LocalDate.of(2026, 2, 1));
		assertThat(range.serviceTo()).isEqualTo(LocalDate.of(2026, 5, 1));
		assertThat(range.billed()).isEqualTo(new BigDecimal("12.00"));
		assertThat(range.statuses()).containsExactlyInAnyOrder(ClaimStatus.PAID, ClaimStatus.DENIED);
	}

	@Test
	void theFiltersBesideTheBoxJoinIn() {
		ClaimCriteria c = FreeFormSearch
			.read("lee", Set.of(ClaimStatus.DENIED), LocalDate.of(2026, 1, 1), LocalDate.of(2026, 3, 31))
			.criteria();
		assertThat(c.statuses()).containsExactly(ClaimStatus.DENIED);
		assertThat(c.serviceFrom()).isEqualTo(LocalDate.of(2026, 1, 1));
		assertThat(c.serviceTo()).isEqualTo(LocalDate.of(2026, 3, 31));
	}

	@Test
	void whatCannotBeReadIsSaidInsteadOfGuessed() {
		assertThat(read("").problems()).containsExactly("claims.problem.text-empty");
		assertThat(read("1234567890").problems()).containsExactly("claims.problem.text-npi");
		assertThat(read("12345").problems()).containsExactly("claims.problem.text-number");
		assertThat(read("2026-02-30").problems()).containsExactly("claims.problem.text-date");
		assertThat(read("260000001234 260000001235").problems()).containsExactly("claims.problem.text-one-each");
		assertThat(read("2026-01-01 2026-02-01 2026-03-01").problems()).containsExactly("claims.problem.text-dates");
		assertThat(read("2024-01-01 2026-01-01").problems()).containsExactly("claims.problem.dates-too-long");
		assertThat(read("x".repeat(201)).problems()).containsExactly("claims.problem.text-long");
		assertThat(FreeFormSearch.read("2026-01-01", Set.of(), LocalDate.of(2026, 1, 1), null).problems())
			.containsExactly("claims.problem.text-dates-twice");
		assertThat(read("123456789-00").problems()).containsExactly("claims.problem.member-id");
	}

	private static FreeFormSearch.Reading read(String text) {
		return FreeFormSearch.read(text, Set.of(), null, null);
	}

}
