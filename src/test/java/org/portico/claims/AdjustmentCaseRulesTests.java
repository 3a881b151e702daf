package org.portico.claims;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * The rules of adjustment cases that need no database: how a case's status may move, the
 * tracking number, and the timely-filing window.
 */
class AdjustmentCaseRulesTests {

	@Test
	void aCaseIsTakenIntoReviewAskedForMoreAndResolvedOnlyFromReview() {
		assertThat(CaseStatus.SUBMITTED.mayBecome(CaseStatus.IN_REVIEW)).isTrue();
		assertThat(CaseStatus.SUBMITTED.mayBecome(CaseStatus.APPROVED)).isFalse();
		assertThat(CaseStatus.IN_REVIEW.mayBecome(CaseStatus.MORE_INFORMATION_REQUESTED)).isTrue();
		assertThat(CaseStatus.IN_REVIEW.mayBecome(CaseStatus.DENIED)).isTrue();
		assertThat(CaseStatus.MORE_INFORMATION_REQUESTED.mayBecome(CaseStatus.IN_REVIEW)).isTrue();
		assertThat(CaseStatus.MORE_INFORMATION_REQUESTED.mayBecome(CaseStatus.APPROVED)).isFalse();
		for (CaseStatus next : CaseStatus.values()) {
			assertThat(CaseStatus.APPROVED.mayBecome(next)).isFalse();
			assertThat(CaseStatus.DENIED.mayBecome(next)).isFalse();
		}
		assertThat(CaseStatus.DENIED.isOpen()).isFalse();
		assertThat(CaseStatus.MORE_INFORMATION_REQUESTED.isOpen()).isTrue();
	}

	@Test
	void aTrackingNumberIsReadAsTypedAndNothingElseIsOne() {
		assertThat(TrackingNumber.of(42)).hasToString("ADJ-00000042");
		assertThat(TrackingNumber.parse(" adj-00000042 ")).isEqualTo(TrackingNumber.of(42));
		assertThat(TrackingNumber.parse("ADJ-42")).isNull();
		assertThat(TrackingNumber.parse("../etc/passwd")).isNull();
		assertThat(TrackingNumber.parse(null)).isNull();
		assertThat(TrackingNumber.of(42).caseId()).isEqualTo(42);
		assertThatIllegalArgumentException().isThrownBy(() -> new TrackingNumber("ADJ-1"));
	}

	@Test
	void aClaimMayBeCorrectedUpToTheLastDayOfTheWindowCountingTheDateOfService() {
		LocalDate today = LocalDate.of(2026, 11, 23);
		TimelyFiling rule = new TimelyFiling(365,
				Clock.fixed(today.atStartOfDay().toInstant(ZoneOffset.UTC), ZoneOffset.UTC));
		assertThat(rule.lastDay(today.minusDays(364))).isEqualTo(today);
		assertThat(rule.isPast(today.minusDays(364))).isFalse();
		assertThat(rule.isPast(today.minusDays(365))).isTrue();
		assertThat(new TimelyFiling(90, Clock.systemUTC()).days()).isEqualTo(90);
		assertThatIllegalArgumentException().isThrownBy(() -> new TimelyFiling(0, Clock.systemUTC()));
	}

}
