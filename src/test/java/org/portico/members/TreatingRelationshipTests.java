package org.portico.members;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import org.portico.members.TreatingRelationship.Basis;
import org.portico.providers.Npi;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Care plans open only to the member's PCP today or a provider with a claim for them in
 * the last 12 months.
 */
class TreatingRelationshipTests {

	private static final LocalDate TODAY = LocalDate.of(2026, 11, 23);

	private static final MemberId MEMBER = MemberId.parse("123456789-01");

	private static final MemberId SOMEONE_ELSE = MemberId.parse("987654321-01");

	private static final Npi PROVIDER = Npi.withCheckDigit("110000003");

	private static final Npi ANOTHER_PROVIDER = Npi.withCheckDigit("110000010");

	private final List<Pcp> pcps = new ArrayList<>();

	private final List<Claim> claims = new ArrayList<>();

	private final TreatingRelationship policy = new TreatingRelationship(
			(member, npi, on) -> this.pcps.stream().anyMatch((p) -> p.is(member, npi, on)),
			(member, npi, since) -> this.claims.stream().anyMatch((c) -> c.from(member, npi, since)),
			Clock.fixed(TODAY.atStartOfDay().toInstant(ZoneOffset.UTC), ZoneOffset.UTC));

	@Test
	void theMembersPcpTodayTreatsThem() {
		this.pcps.add(new Pcp(MEMBER, PROVIDER, TODAY.minusYears(2), null));
		assertThat(this.policy.between(PROVIDER, MEMBER)).contains(Basis.PCP);
		assertThat(this.policy.between(ANOTHER_PROVIDER, MEMBER)).isEmpty();
	}

	@Test
	void aFormerPcpWithoutRecentClaimsDoesNot() {
		this.pcps.add(new Pcp(MEMBER, PROVIDER, TODAY.minusYears(2), TODAY.minusMonths(3)));
		this.pcps.add(new Pcp(MEMBER, ANOTHER_PROVIDER, TODAY.minusMonths(3).plusDays(1), null));
		assertThat(this.policy.between(PROVIDER, MEMBER)).isEmpty();
		assertThat(this.policy.between(ANOTHER_PROVIDER, MEMBER)).contains(Basis.PCP);
	}

	@Test
	void aClaimElevenMonthsAgoShowsTheProviderTreatsTheMember() {
		this.claims.add(new Claim(MEMBER, PROVIDER, TODAY.minusMonths(11)));
		assertThat(this.policy.between(PROVIDER, MEMBER)).contains(Basis.RECENT_CLAIM);
	}

	@Test
	void aClaimThirteenMonthsAgoDoesNot() {
		this.claims.add(new Claim(MEMBER, PROVIDER, TODAY.minusMonths(13)));
		assertThat(this.policy.between(PROVIDER, MEMBER)).isEmpty();
	}

	@Test
	void aClaimFromExactlyTwelveMonthsAgoStillCounts() {
		this.claims.add(new Claim(MEMBER, PROVIDER, TODAY.minusMonths(12)));
		assertThat(this.policy.between(PROVIDER, MEMBER)).contains(Basis.RECENT_CLAIM);
		this.claims.set(0, new Claim(MEMBER, PROVIDER, TODAY.minusMonths(12).minusDays(1)));
		assertThat(this.policy.between(PROVIDER, MEMBER)).isEmpty();
	}

	@Test
	void aClaimFromAnotherNpiOrForAnotherMemberDoesNot() {
		this.claims.add(new Claim(MEMBER, ANOTHER_PROVIDER, TODAY.minusMonths(1)));
		this.claims.add(new Claim(SOMEONE_ELSE, PROVIDER, TODAY.minusMonths(1)));
		this.pcps.add(new Pcp(SOMEONE_ELSE, PROVIDER, TODAY.minusYears(1), null));
		assertThat(this.policy.between(PROVIDER, MEMBER)).isEmpty();
	}

	private record Pcp(MemberId member, Npi npi, LocalDate from, LocalDate to) {

		boolean is(MemberId m, Npi n, LocalDate on) {
			return this.member.equals(m) && this.npi.equals(n) && !this.from.isAfter(on)
					&& (this.to == null || !this.to.isBefore(on));
		}

	}

	/** A claim as the claims module keeps it: who billed or rendered it, and when. */
	private record Claim(MemberId member, Npi npi, LocalDate serviceFrom) {

		boolean from(MemberId m, Npi n, LocalDate since) {
			return this.member.equals(m) && this.npi.equals(n) && !this.serviceFrom.isBefore(since);
		}

	}

}
