package org.portico.authorizations;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.portico.PorticoIntegrationTest;
import org.portico.access.AccessApi;
import org.portico.access.ProviderFunction;
import org.portico.audit.AuditLog;
import org.portico.audit.AuditOutcome;
import org.portico.authorizations.AuthorizationsTestData.Member;
import org.portico.identity.Accounts;
import org.portico.identity.PorticoUser;
import org.portico.notifications.SentMail;
import org.portico.providers.Npi;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrlPattern;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Referrals through the pages, on the real database: the policy's rules, bad input,
 * double submits, access, audit and the reviewer's decision reaching the office.
 */
@PorticoIntegrationTest
class ReferralTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	Accounts accounts;

	@Autowired
	AccessApi access;

	@Autowired
	AuditLog audit;

	@Autowired
	JdbcClient jdbc;

	private AuthorizationsTestData data;

	private PorticoUser saa;

	private Set<String> saaNpis;

	private String saaNpi;

	@BeforeEach
	void actAsTheSaa() {
		this.data = new AuthorizationsTestData(this.jdbc);
		this.saa = account("saa.demo");
		this.saaNpis = this.access.npisFor(this.saa.accountId(), ProviderFunction.REFERRALS_AUTHORIZATIONS)
			.stream()
			.map(Npi::value)
			.collect(java.util.stream.Collectors.toSet());
		this.saaNpi = this.saaNpis.iterator().next();
	}

	private PorticoUser account(String username) {
		return (PorticoUser) this.accounts.loadUserByUsername(username);
	}

	private MockHttpServletRequestBuilder referral(PorticoUser as, String referring, Member member, String specialist,
			int visits, LocalDate from, LocalDate to, String submission) {
		return post("/referrals/new").with(user(as))
			.with(csrf())
			.param("npi", referring)
			.param("member", member.id().toString())
			.param("servicingNpi", specialist)
			.param("specialty", "207RC0000X")
			.param("diagnosis", "i2510")
			.param("visits", String.valueOf(visits))
			.param("from", from.toString())
			.param("to", to.toString())
			.param("submission", submission);
	}

	private String submit(MockHttpServletRequestBuilder request) throws Exception {
		return this.mvc.perform(request)
			.andExpect(status().is3xxRedirection())
			.andExpect(redirectedUrlPattern("/referrals/requests/REF-*?submitted"))
			.andReturn()
			.getResponse()
			.getRedirectedUrl();
	}

	private String page(String url, PorticoUser as) throws Exception {
		return this.mvc.perform(get(url).with(user(as)))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
	}

	private static String tracking(String url) {
		return url.replaceAll(".*/(REF-[0-9]{8}).*", "$1");
	}

	@Test
	void aReferralFromThePcpToAnInNetworkSpecialistIsApprovedAtOnceOnceAndAudited() throws Exception {
		Member member = this.data.memberWithPcpAmong(this.saaNpis, 0);
		String specialist = this.data.specialistInNetwork(member.productCode(), 0);
		LocalDate today = LocalDate.now();
		String key = UUID.randomUUID().toString();
		String url = submit(referral(this.saa, member.pcpNpi(), member, specialist, 3, today, today.plusDays(30), key));
		String page = page(url, this.saa);
		assertThat(page).contains("Approved. Your referral number is " + tracking(url), "I25.10",
				"Atherosclerotic heart disease", "0 used of 3 approved; 3 remaining");

		// The same form again: the same referral, nothing new.
		assertThat(submit(referral(this.saa, member.pcpNpi(), member, specialist, 3, today, today.plusDays(30), key)))
			.isEqualTo(url);
		assertThat(this.data.requestsWithSubmission(key)).isEqualTo(1);
		assertThat(this.audit.recentByActor("saa.demo", 10)).anyMatch((e) -> e.action().equals("authorization.submit")
				&& e.objectId().equals(tracking(url)) && e.detail().contains("APPROVED"));

		// In the inquiry, by member, with its visits.
		this.mvc
			.perform(get("/referrals/inquiry").param("search", "")
				.param("member", member.id().toString())
				.with(user(this.saa)))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString(tracking(url))));
		this.mvc.perform(get("/referrals/inquiry").param("search", "").param("q", tracking(url)).with(user(this.saa)))
			.andExpect(content().string(containsString(tracking(url))))
			.andExpect(content().string(containsString("1 referrals found")));
	}

	@Test
	void anOutOfNetworkSpecialistTooManyVisitsAndAnOverlapArePendedWithTheirReasons() throws Exception {
		Member member = this.data.memberWithPcpAmong(this.saaNpis, 1);
		LocalDate today = LocalDate.now();
		String outside = this.data.specialistOutOfNetwork(member.productCode());
		String url = submit(referral(this.saa, member.pcpNpi(), member, outside, 40, today, today.plusDays(30),
				UUID.randomUUID().toString()));
		assertThat(page(url, this.saa))
			.contains("Received as " + tracking(url), "not in the member&#39;s network on the first date",
					"More visits are asked for than", "Pended: waiting for review")
			.doesNotContain("already has a referral");

		String specialist = this.data.specialistInNetwork(member.productCode(), 1);
		submit(referral(this.saa, member.pcpNpi(), member, specialist, 2, today, today.plusDays(30),
				UUID.randomUUID().toString()));
		String overlapping = submit(referral(this.saa, member.pcpNpi(), member, specialist, 2, today.plusDays(10),
				today.plusDays(40), UUID.randomUUID().toString()));
		assertThat(page(overlapping, this.saa)).contains("already has a referral to this provider")
			.doesNotContain("not in the member&#39;s network");
	}

	@Test
	void aReferralNotFromThePcpIsPendedAndAReviewerApprovesItAndTheOfficeSeesItAndIsMailed() throws Exception {
		// A member whose PCP is in another provider unit, referred by this practice.
		Member member = this.data.memberWithPcpAmong(this.data.pcpsOutsideTheUnitsOf(this.saaNpis), 0);
		PorticoUser other = this.saa;
		String referring = this.saaNpi;
		LocalDate today = LocalDate.now();
		String url = submit(referral(other, referring, member, this.data.specialistInNetwork(member.productCode(), 2),
				2, today, today.plusDays(20), UUID.randomUUID().toString()));
		String number = tracking(url);
		assertThat(page(url, other)).contains("is not the member&#39;s PCP");

		PorticoUser reviewer = account("reviewer.staff");
		assertThat(page("/staff/reviews", reviewer)).contains(number);
		this.mvc.perform(post("/staff/reviews/" + number + "/take").with(user(reviewer)).with(csrf()))
			.andExpect(status().is3xxRedirection());
		this.mvc
			.perform(post("/staff/reviews/" + number + "/approve").with(user(reviewer))
				.with(csrf())
				.param("units", "9")
				.param("from", today.toString())
				.param("to", today.plusDays(20).toString()))
			.andExpect(status().isUnprocessableContent())
			.andExpect(content().string(containsString("no more than were asked for")));
		this.mvc
			.perform(post("/staff/reviews/" + number + "/approve").with(user(reviewer))
				.with(csrf())
				.param("units", "2")
				.param("from", today.toString())
				.param("to", today.plusDays(20).toString()))
			.andExpect(status().is3xxRedirection());
		assertThat(page("/referrals/requests/" + number, other)).contains("Approved", "by a clinical reviewer")
			.doesNotContain("Decision due by");
		assertThat(page("/staff/reviews", reviewer)).doesNotContain(number);
		String mail = SentMail.lastBodyTo(this.jdbc, "saa.demo@example.org");
		assertThat(mail).contains(number).doesNotContain(member.id().subscriberId());
		assertThat(this.audit.recentByActor("reviewer.staff", 10))
			.anyMatch((e) -> e.action().equals("authorization.review") && number.equals(e.objectId()));
	}

	@Test
	void badInputIsShownWithStatus422AndNothingIsWritten() throws Exception {
		Member member = this.data.memberWithPcpAmong(this.saaNpis, 3);
		String specialist = this.data.specialistInNetwork(member.productCode(), 0);
		LocalDate today = LocalDate.now();
		String key = UUID.randomUUID().toString();
		this.mvc.perform(referral(this.saa, member.pcpNpi(), member, specialist, 2, today, today.minusDays(1), key))
			.andExpect(status().isUnprocessableContent())
			.andExpect(content().string(containsString("The last date is before the first date.")));
		this.mvc
			.perform(referral(this.saa, member.pcpNpi(), member, specialist, 2, today, today.plusDays(5), key)
				.param("diagnosis", "125.10"))
			.andExpect(status().isUnprocessableContent())
			.andExpect(content().string(containsString("Enter the diagnosis as an ICD-10-CM code")));
		Member uncovered = new Member(this.data.memberNotCoveredToday(), null, null);
		this.mvc.perform(referral(this.saa, member.pcpNpi(), uncovered, specialist, 2, today, today.plusDays(5), key))
			.andExpect(status().isUnprocessableContent())
			.andExpect(content().string(containsString("The member is not covered on the first date.")));
		assertThat(this.data.requestsWithSubmission(key)).isZero();
	}

	@Test
	void withoutTheFunctionOrTheNpiTheOfficeGetsThe403PageAndTheRefusalIsAudited() throws Exception {
		this.mvc.perform(get("/referrals/new").with(user(account("billing.demo"))))
			.andExpect(status().isForbidden())
			.andExpect(content().string(not(containsString("Submit referral"))));
		PorticoUser other = account("other.demo");
		String otherNpi = this.access.npisFor(other.accountId(), ProviderFunction.REFERRALS_AUTHORIZATIONS)
			.iterator()
			.next()
			.value();
		Member member = this.data.memberWithPcpAmong(this.saaNpis, 4);
		LocalDate today = LocalDate.now();
		this.mvc
			.perform(referral(this.saa, otherNpi, member, this.data.specialistInNetwork(member.productCode(), 0), 1,
					today, today.plusDays(5), UUID.randomUUID().toString()))
			.andExpect(status().isForbidden());
		assertThat(this.audit.recentByActor("saa.demo", 5)).anyMatch((e) -> e.action().equals("referral.submit")
				&& e.outcome() == AuditOutcome.DENIED && otherNpi.equals(e.objectId()));
	}

	@Test
	void anotherPracticesReferralIsNotFoundAndNotListed() throws Exception {
		Member member = this.data.memberWithPcpAmong(this.saaNpis, 5);
		LocalDate today = LocalDate.now();
		String url = submit(
				referral(this.saa, member.pcpNpi(), member, this.data.specialistInNetwork(member.productCode(), 3), 1,
						today, today.plusDays(5), UUID.randomUUID().toString()));
		PorticoUser other = account("other.demo");
		this.mvc.perform(get(url).with(user(other))).andExpect(status().isNotFound());
		this.mvc.perform(get("/referrals/inquiry").param("search", "").param("q", tracking(url)).with(user(other)))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("No referrals match.")));
		this.mvc.perform(get("/staff/reviews").with(user(account("claims.staff")))).andExpect(status().isForbidden());
	}

	@Test
	void theLandingPageListsTheSectionsPartsAndThePublicFiguresNeedNoSignIn() throws Exception {
		this.mvc.perform(get("/referrals").with(user(this.saa)))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("Submit a referral")))
			.andExpect(content().string(containsString("Referral inquiry")))
			.andExpect(content().string(not(containsString("not available yet"))));
		this.mvc.perform(get("/authorization-metrics"))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("Approved after appeal")))
			.andExpect(content().string(containsString("Not tracked yet")));
		this.mvc.perform(get("/referrals/figures").with(user(this.saa)))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("Your requests")));
	}

	@Test
	void thePolicyNamesEveryRuleThatDoesNotHold() {
		ReferralPolicy.Facts allMet = new ReferralPolicy.Facts(true, true, true, true, false, true, 12, null, false);
		assertThat(ReferralPolicy.unmet(allMet)).isEmpty();
		assertThat(ReferralPolicy.unmet(new ReferralPolicy.Facts(true, false, true, false, true, true, 4, 3, false)))
			.containsExactly("referral.pend.visits");
		assertThat(ReferralPolicy
			.unmet(new ReferralPolicy.Facts(false, false, false, false, false, false, 13, null, true)))
			.isEqualTo(List.of("referral.pend.coverage-ends", "referral.pend.product", "referral.pend.not-pcp",
					"referral.pend.out-of-network", "referral.pend.visits", "referral.pend.overlap"));
	}

}
