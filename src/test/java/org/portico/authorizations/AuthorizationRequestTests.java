package org.portico.authorizations;

import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import org.portico.PorticoIntegrationTest;
import org.portico.access.AccessApi;
import org.portico.access.ProviderFunction;
import org.portico.audit.AuditLog;
import org.portico.audit.AuditOutcome;
import org.portico.identity.Accounts;
import org.portico.identity.PorticoUser;
import org.portico.members.MemberId;
import org.portico.notifications.SentMail;
import org.portico.providers.Npi;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The request core every kind shares, through its facade on the real database: one
 * request per form, due times, access, history, the review flow and its mail.
 */
@PorticoIntegrationTest
class AuthorizationRequestTests {

	@Autowired
	Authorizations authorizations;

	@Autowired
	Accounts accounts;

	@Autowired
	AccessApi access;

	@Autowired
	AuditLog audit;

	@Autowired
	JdbcClient jdbc;

	private PorticoUser user(String username) {
		return (PorticoUser) this.accounts.loadUserByUsername(username);
	}

	private Npi npiOf(PorticoUser user) {
		return this.access.npisFor(user.accountId(), ProviderFunction.REFERRALS_AUTHORIZATIONS).iterator().next();
	}

	private MemberId anyMember(int n) {
		return this.jdbc.sql(
				"SELECT subscriber_id, member_suffix FROM members.member ORDER BY subscriber_id, member_suffix OFFSET ? ROWS FETCH FIRST 1 ROWS ONLY")
			.param(n)
			.query((rs, row) -> new MemberId(rs.getString(1), rs.getString(2)))
			.single();
	}

	private NewRequest request(PorticoUser user, Priority priority, String key) {
		Npi npi = npiOf(user);
		LocalDate today = LocalDate.now();
		return new NewRequest(RequestKind.PRIOR_AUTH, anyMember(3), npi, npi, user, priority, today, today.plusDays(30),
				4, key);
	}

	@Test
	void anApprovedRequestGetsATrackingNumberDueTimeAndHistoryOnce() {
		PorticoUser saa = user("saa.demo");
		String key = UUID.randomUUID().toString();
		List<Long> detailsWritten = new java.util.ArrayList<>();
		Authorizations.Submitted first = this.authorizations.submit(request(saa, Priority.EXPEDITED, key),
				AutomaticDecision.approved(), detailsWritten::add);
		AuthorizationRequest r = first.request();
		assertThat(first.alreadySubmitted()).isFalse();
		assertThat(r.trackingNumber()).matches("PA-[0-9]{8}");
		assertThat(r.status()).isEqualTo(RequestStatus.APPROVED);
		assertThat(r.decidedAutomatically()).isTrue();
		assertThat(r.approvedUnits()).isEqualTo(4);
		assertThat(Duration.between(r.receivedAt(), r.dueAt())).isEqualTo(Duration.ofHours(72));
		assertThat(detailsWritten).containsExactly(r.id());

		Authorizations.Submitted again = this.authorizations.submit(request(saa, Priority.EXPEDITED, key),
				AutomaticDecision.approved(), detailsWritten::add);
		assertThat(again.alreadySubmitted()).isTrue();
		assertThat(again.request().trackingNumber()).isEqualTo(r.trackingNumber());
		assertThat(detailsWritten).hasSize(1);
		assertThat(this.jdbc.sql("SELECT COUNT(*) FROM authorizations.request WHERE submission_key = ?")
			.param(key)
			.query(Long.class)
			.single()).isEqualTo(1);
		assertThat(this.authorizations.history(r)).extracting(RequestEvent::to)
			.containsExactly(RequestStatus.PENDED, RequestStatus.APPROVED);
	}

	@Test
	void aRequestOfAnotherPracticeIsNotFoundAndTheRefusalIsAudited() {
		PorticoUser saa = user("saa.demo");
		AuthorizationRequest r = this.authorizations
			.submit(request(saa, Priority.STANDARD, UUID.randomUUID().toString()),
					AutomaticDecision.pended(List.of("referral.pend.not-pcp")), (id) -> {
					})
			.request();
		assertThat(this.authorizations.find(saa, r.trackingNumber())).isPresent();
		assertThat(this.authorizations.find(user("other.demo"), r.trackingNumber())).isEmpty();
		assertThat(this.audit.recentByActor("other.demo", 5)).anyMatch((e) -> e.action().equals("authorization.view")
				&& e.objectId().equals(r.trackingNumber()) && e.outcome() == AuditOutcome.DENIED);
		assertThat(this.authorizations.search(user("other.demo"),
				new Authorizations.RequestSearch(java.util.Set.of(), null, null, null, null, null, r.trackingNumber())))
			.isEmpty();
	}

	@Test
	void aReviewerTakesAndPartlyApprovesAPendedRequestAndTheRequesterIsToldWithoutPhi() {
		PorticoUser saa = user("saa.demo");
		PorticoUser reviewer = user("reviewer.staff");
		AuthorizationRequest r = this.authorizations
			.submit(request(saa, Priority.STANDARD, UUID.randomUUID().toString()),
					AutomaticDecision.pended(List.of("referral.pend.not-pcp")), (id) -> {
					})
			.request();
		assertThat(r.status()).isEqualTo(RequestStatus.PENDED);
		assertThat(this.authorizations.queue(reviewer, List.of(RequestKind.values())))
			.anyMatch((q) -> q.trackingNumber().equals(r.trackingNumber()));
		assertThat(this.authorizations.take(reviewer, r.trackingNumber())).isInstanceOf(Authorizations.Step.Done.class);
		Authorizations.Step refused = this.authorizations.approve(reviewer, r.trackingNumber(), 5, r.serviceFrom(),
				r.serviceTo());
		assertThat(refused).isEqualTo(new Authorizations.Step.Refused("authorizations.review.problem.units"));
		Authorizations.Step done = this.authorizations.approve(reviewer, r.trackingNumber(), 2, r.serviceFrom(),
				r.serviceTo());
		AuthorizationRequest decided = ((Authorizations.Step.Done) done).request();
		assertThat(decided.status()).isEqualTo(RequestStatus.PARTIALLY_APPROVED);
		assertThat(decided.decidedBy()).isEqualTo("reviewer.staff");
		assertThat(this.authorizations.deny(reviewer, r.trackingNumber(), DenialReason.NOT_MEDICALLY_NECESSARY,
				"Too late"))
			.isEqualTo(new Authorizations.Step.Refused("authorizations.review.problem.not-open"));
		assertThat(this.authorizations.history(decided)).extracting(RequestEvent::to)
			.containsExactly(RequestStatus.PENDED, RequestStatus.IN_REVIEW, RequestStatus.PARTIALLY_APPROVED);
		String body = SentMail.lastBodyTo(this.jdbc, "saa.demo@example.org");
		assertThat(body).contains(r.trackingNumber(), "/referrals/requests/" + r.trackingNumber())
			.doesNotContain(r.member().subscriberId());
		assertThat(this.audit.recentByActor("reviewer.staff", 10))
			.anyMatch((e) -> e.action().equals("authorization.review") && e.objectId().equals(r.trackingNumber())
					&& e.detail().contains("PARTIALLY_APPROVED"));
	}

	@Test
	void aDenialNeedsAReasonAndWords() {
		PorticoUser saa = user("saa.demo");
		PorticoUser reviewer = user("reviewer.staff");
		AuthorizationRequest r = this.authorizations
			.submit(request(saa, Priority.STANDARD, UUID.randomUUID().toString()),
					AutomaticDecision.pended(List.of("referral.pend.not-pcp")), (id) -> {
					})
			.request();
		assertThat(this.authorizations.deny(reviewer, r.trackingNumber(), DenialReason.NOT_MEDICALLY_NECESSARY, " "))
			.isEqualTo(new Authorizations.Step.Refused("authorizations.review.problem.reason-text"));
		AuthorizationRequest denied = ((Authorizations.Step.Done) this.authorizations.deny(reviewer, r.trackingNumber(),
				DenialReason.NOT_MEDICALLY_NECESSARY, "Conservative treatment first"))
			.request();
		assertThat(denied.status()).isEqualTo(RequestStatus.DENIED);
		assertThat(denied.denialReason()).isEqualTo(DenialReason.NOT_MEDICALLY_NECESSARY);
		assertThat(denied.denialText()).isEqualTo("Conservative treatment first");
	}

	@Test
	void onlyClinicalReviewersDecide() {
		PorticoUser saa = user("saa.demo");
		AuthorizationRequest r = this.authorizations
			.submit(request(saa, Priority.STANDARD, UUID.randomUUID().toString()),
					AutomaticDecision.pended(List.of("referral.pend.not-pcp")), (id) -> {
					})
			.request();
		assertThatThrownBy(() -> this.authorizations.take(saa, r.trackingNumber()))
			.isInstanceOf(AccessDeniedException.class);
		assertThatThrownBy(() -> this.authorizations.take(user("claims.staff"), r.trackingNumber()))
			.isInstanceOf(AccessDeniedException.class);
	}

}
