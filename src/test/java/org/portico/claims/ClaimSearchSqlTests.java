package org.portico.claims;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

import org.portico.claims.ClaimSearchSql.Query;
import org.portico.claims.ClaimSearchSql.Scope;
import org.portico.claims.PayeeNpiAccessRequired.VisiblePayees;
import org.portico.members.MemberId;
import org.portico.providers.Npi;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every claim search is limited in the database to the payee NPIs the user holds,
 * whatever it names, so that no count or page includes a claim the user may not see.
 */
class ClaimSearchSqlTests {

	private static final Npi HELD = Npi.withCheckDigit("160000007");

	private static final Npi OTHER = Npi.withCheckDigit("160000008");

	private static final VisiblePayees PAYEES = new VisiblePayees(Set.of(HELD));

	private static final LocalDate FROM = LocalDate.of(2026, 1, 1);

	private static final LocalDate TO = LocalDate.of(2026, 6, 30);

	@Test
	void searchesThatNameAClaimMemberOrProviderKeepOnlyTheHeldPayees() {
		for (ClaimCriteria c : List.of(ClaimCriteria.byNumber(new ClaimNumber("260000001234")),
				ClaimCriteria.byMember(new MemberId("123456789", "01"), FROM, TO),
				ClaimCriteria.byProvider(OTHER, FROM, TO))) {
			Query q = ClaimSearchSql.matched(c, PAYEES, Scope.VISIBLE).orElseThrow();
			int branches = q.sql().split("UNION ALL").length;
			assertThat(q.sql().split("c\\.payee_npi IN \\(\\?\\)", -1)).as(q.sql()).hasSize(branches + 1);
			assertThat(q.params().stream().filter(HELD.value()::equals)).hasSize(branches);
		}
	}

	@Test
	void otherSearchesReadEachHeldPayeesOwnClaims() {
		ClaimCriteria c = new ClaimCriteria(null, null, null, null, List.of("smith"), FROM, TO, null,
				Set.of(ClaimStatus.PAID));
		Query q = ClaimSearchSql.matched(c, PAYEES, Scope.VISIBLE).orElseThrow();
		assertThat(q.sql()).contains("c.payee_npi = ?").doesNotContain("UNION ALL");
		assertThat(q.params()).first().isEqualTo(HELD.value());
		assertThat(ClaimSearchSql.matched(c, PAYEES, Scope.WITHHELD)).isEmpty();
	}

	@Test
	void aProvidersClaimsPaidToItAreSoughtOnlyWhenTheUserHoldsIt() {
		Query held = ClaimSearchSql.matched(ClaimCriteria.byProvider(HELD, FROM, TO), PAYEES, Scope.VISIBLE)
			.orElseThrow();
		Query other = ClaimSearchSql.matched(ClaimCriteria.byProvider(OTHER, FROM, TO), PAYEES, Scope.VISIBLE)
			.orElseThrow();
		assertThat(held.sql().split("UNION ALL")).hasSize(3);
		assertThat(other.sql().split("UNION ALL")).hasSize(2);
		Query withheld = ClaimSearchSql.matched(ClaimCriteria.byProvider(HELD, FROM, TO), PAYEES, Scope.WITHHELD)
			.orElseThrow();
		assertThat(withheld.sql()).contains("c.payee_npi NOT IN (?)");
	}

	@Test
	void aUserWithoutPayeesFindsNothing() {
		Query q = ClaimSearchSql
			.matched(ClaimCriteria.byNumber(new ClaimNumber("260000001234")), new VisiblePayees(Set.of()),
					Scope.VISIBLE)
			.orElseThrow();
		assertThat(q.sql()).contains("1 = 0");
	}

}
