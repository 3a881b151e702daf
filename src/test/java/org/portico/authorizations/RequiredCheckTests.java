package org.portico.authorizations;

import java.time.LocalDate;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.portico.PorticoIntegrationTest;
import org.portico.access.AccessApi;
import org.portico.access.ProviderFunction;
import org.portico.audit.AuditLog;
import org.portico.audit.AuditOutcome;
import org.portico.identity.Accounts;
import org.portico.identity.PorticoUser;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * "Is authorization required?" on the real database: answered from the member's product
 * on the date, only for a provider the user acts for with the function, and audited.
 */
@PorticoIntegrationTest
class RequiredCheckTests {

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

	private PorticoUser frontDesk;

	private String npi;

	@BeforeEach
	void actAsTheFrontDesk() {
		this.frontDesk = (PorticoUser) this.accounts.loadUserByUsername("frontdesk.demo");
		this.npi = this.access.npisFor(this.frontDesk.accountId(), ProviderFunction.REFERRALS_AUTHORIZATIONS)
			.iterator()
			.next()
			.value();
	}

	@Test
	void highTechImagingIsRequiredForACoveredMemberAndTheLookUpIsAudited() throws Exception {
		String member = coveredMember("COMMERCIAL");
		this.mvc.perform(check(member, "MRI-LUMBAR", LocalDate.now()))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("Prior authorization is required")))
			.andExpect(content().string(containsString("72148")));
		assertThat(this.audit.recentByActor("frontdesk.demo", 3))
			.anyMatch((r) -> r.action().equals("authorization.required-check") && r.objectId().equals(member)
					&& r.outcome() == AuditOutcome.SUCCESS && r.detail().contains("MRI-LUMBAR")
					&& r.detail().contains("REQUIRED"));
	}

	@Test
	void homeHealthNeedsAuthorizationForMedicareButNotForCommercialProducts() throws Exception {
		this.mvc.perform(check(coveredMember("MEDICARE_ADVANTAGE"), "HOME-HEALTH", LocalDate.now()))
			.andExpect(content().string(containsString("Prior authorization is required")))
			.andExpect(content().string(containsString("Every Medicare Advantage product")));
		this.mvc.perform(check(coveredMember("COMMERCIAL"), "HOME-HEALTH", LocalDate.now()))
			.andExpect(content().string(containsString("No prior authorization is needed")));
	}

	@Test
	void aMemberNotCoveredOnTheDateIsToldSo() throws Exception {
		String member = coveredMember("COMMERCIAL");
		this.mvc.perform(check(member, "CT-CHEST", LocalDate.of(1950, 1, 1)))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("The member is not covered on this date")));
	}

	@Test
	void badInputIsListedWithStatus422AndAnUnknownMemberIsAudited() throws Exception {
		this.mvc
			.perform(get("/authorizations/required/check").param("npi", this.npi)
				.param("memberId", "12345")
				.param("service", "X-RAY")
				.param("date", "soon")
				.with(user(this.frontDesk)))
			.andExpect(status().isUnprocessableContent())
			.andExpect(content().string(containsString("Enter the member ID")))
			.andExpect(content().string(containsString("Choose a service from the list")))
			.andExpect(content().string(containsString("Enter the date of service")))
			.andExpect(content().string(containsString("aria-invalid=\"true\"")));
		this.mvc.perform(check("999999999-99", "CT-CHEST", LocalDate.now()))
			.andExpect(content().string(containsString("No member has this member ID")));
		assertThat(this.audit.recentByActor("frontdesk.demo", 3))
			.anyMatch((r) -> r.action().equals("authorization.required-check") && r.objectId().equals("999999999-99")
					&& r.outcome() == AuditOutcome.FAILURE);
	}

	@Test
	void aUserWithoutTheFunctionOrTheNpiGetsThe403PageAndIsAudited() throws Exception {
		PorticoUser billing = (PorticoUser) this.accounts.loadUserByUsername("billing.demo");
		this.mvc.perform(get("/authorizations/required").with(user(billing))).andExpect(status().isForbidden());
		PorticoUser other = (PorticoUser) this.accounts.loadUserByUsername("other.demo");
		String otherNpi = this.access.npisFor(other.accountId(), ProviderFunction.REFERRALS_AUTHORIZATIONS)
			.iterator()
			.next()
			.value();
		this.mvc
			.perform(get("/authorizations/required/check").param("npi", otherNpi)
				.param("memberId", coveredMember("COMMERCIAL"))
				.param("service", "MRI-LUMBAR")
				.param("date", LocalDate.now().toString())
				.with(user(this.frontDesk)))
			.andExpect(status().isForbidden());
		assertThat(this.audit.recentByActor("frontdesk.demo", 3))
			.anyMatch((r) -> r.action().equals("authorization.required-check") && r.objectId().equals(otherNpi)
					&& r.outcome() == AuditOutcome.DENIED);
	}

	private org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder check(String member,
			String service, LocalDate date) {
		return get("/authorizations/required/check").param("npi", this.npi)
			.param("memberId", member)
			.param("service", service)
			.param("date", date.toString())
			.with(user(this.frontDesk));
	}

	/** A member covered today by a product of the line of business. */
	private String coveredMember(String lineOfBusiness) {
		return this.jdbc.sql("""
				SELECT c.subscriber_id || '-' || c.member_suffix FROM members.coverage c
				JOIN members.product p ON p.code = c.product_code
				WHERE p.line_of_business = ? AND c.effective_date <= CURRENT_DATE
				  AND (c.termination_date IS NULL OR c.termination_date >= CURRENT_DATE)
				  AND c.effective_date > DATE '1950-01-01'
				ORDER BY c.subscriber_id, c.member_suffix FETCH FIRST 1 ROWS ONLY
				""").param(lineOfBusiness).query(String.class).single();
	}

}
