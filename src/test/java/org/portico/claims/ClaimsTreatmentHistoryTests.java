package org.portico.claims;

import java.math.BigDecimal;
import java.time.LocalDate;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.portico.PorticoIntegrationTest;
import org.portico.members.MemberId;
import org.portico.members.TreatingRelationship;
import org.portico.members.TreatmentHistory;
import org.portico.platform.bulk.BulkLoad;
import org.portico.platform.bulk.BulkLoads;
import org.portico.providers.Npi;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Who has treated a member, as the claims on the real database show: a claim billed or
 * rendered by the NPI, with service in the look-back period.
 */
@PorticoIntegrationTest
class ClaimsTreatmentHistoryTests {

	private static final MemberId MEMBER = MemberId.parse("999999991-01");

	private static final MemberId SOMEONE_ELSE = MemberId.parse("999999992-01");

	private static final Npi GROUP = Npi.withCheckDigit("169999990");

	private static final Npi CLINICIAN = Npi.withCheckDigit("119999990");

	private static final Npi FORMER_CLINICIAN = Npi.withCheckDigit("119999980");

	private static final Npi STRANGER = Npi.withCheckDigit("119999970");

	private static final long FIRST_ID = 9_999_000_001L;

	@Autowired
	TreatmentHistory history;

	@Autowired
	TreatingRelationship treating;

	@Autowired
	BulkLoads bulkLoads;

	@Autowired
	ClaimFeed feed;

	@Autowired
	JdbcClient jdbc;

	private final LocalDate today = LocalDate.now();

	@BeforeEach
	void claims() {
		try (BulkLoad load = this.bulkLoads.open()) {
			ClaimFeed.Writer writer = this.feed.writer(load);
			writer.claim(claim(FIRST_ID, MEMBER, GROUP, CLINICIAN, this.today.minusMonths(11)));
			writer.claim(claim(FIRST_ID + 1, MEMBER, GROUP, FORMER_CLINICIAN, this.today.minusMonths(13)));
			writer.claim(claim(FIRST_ID + 2, SOMEONE_ELSE, STRANGER, STRANGER, this.today.minusMonths(1)));
			load.commit();
		}
	}

	@AfterEach
	void removeClaims() {
		this.jdbc.sql("DELETE FROM claims.claim WHERE id BETWEEN ? AND ?").params(FIRST_ID, FIRST_ID + 2).update();
	}

	@Test
	void theBillingAndTheRenderingNpiOfARecentClaimBothTreatTheMember() {
		LocalDate since = this.today.minusMonths(12);
		assertThat(this.history.billedOrRenderedSince(MEMBER, GROUP, since)).isTrue();
		assertThat(this.history.billedOrRenderedSince(MEMBER, CLINICIAN, since)).isTrue();
		assertThat(this.treating.between(CLINICIAN, MEMBER)).contains(TreatingRelationship.Basis.RECENT_CLAIM);
	}

	@Test
	void aClaimThirteenMonthsAgoIsTooOld() {
		assertThat(this.history.billedOrRenderedSince(MEMBER, FORMER_CLINICIAN, this.today.minusMonths(12))).isFalse();
		assertThat(this.history.billedOrRenderedSince(MEMBER, FORMER_CLINICIAN, this.today.minusMonths(14))).isTrue();
		assertThat(this.treating.between(FORMER_CLINICIAN, MEMBER)).isEmpty();
	}

	@Test
	void aClaimFromAnotherNpiOrForAnotherMemberDoesNotCount() {
		assertThat(this.history.billedOrRenderedSince(MEMBER, STRANGER, this.today.minusMonths(12))).isFalse();
		assertThat(this.history.billedOrRenderedSince(SOMEONE_ELSE, CLINICIAN, this.today.minusMonths(12))).isFalse();
		assertThat(this.treating.between(STRANGER, MEMBER)).isEmpty();
	}

	private static ClaimFeed.Claim claim(long id, MemberId member, Npi billing, Npi rendering, LocalDate service) {
		BigDecimal amount = new BigDecimal("120.00");
		return new ClaimFeed.Claim(id, ClaimNumber.of(service.getYear(), id), false, '1', null, member, "Test",
				"Patient", LocalDate.of(1950, 1, 1), "UNIFY", billing, rendering, billing, "11", service, service,
				service.plusDays(3), null, ClaimStatus.RECEIVED, ClaimStatusCategory.A1, new String[] { "I10" }, amount,
				BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO, null);
	}

}
