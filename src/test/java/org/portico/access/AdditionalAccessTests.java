package org.portico.access;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import org.portico.PorticoIntegrationTest;
import org.portico.audit.AuditOutcome;
import org.portico.identity.PorticoUser;
import org.portico.notifications.SentMail;
import org.portico.providers.Npi;

import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * "I need additional access": a signed-in user adds providers to their login, verified
 * exactly as a registration is.
 */
@PorticoIntegrationTest
class AdditionalAccessTests extends AccessFixture {

	@Test
	void asTheProviderTheUserBecomesSaaOfTheNpiAtOnce() throws Exception {
		PorticoUser user = newUser("Addie Access");
		RegisteringProvider p = RegisteringProvider.nthFromLast(this.jdbc, 1);
		this.mvc.perform(form(user, p)).andExpect(redirectedUrl("/self-service/additional-access"));
		assertThat(this.access.seniorAccessAdministratorOf(p.npi())).contains(user.accountId());
		assertThat(this.access.npisFor(user.accountId(), ProviderFunction.CLAIM_STATUS)).containsExactly(p.npi());
		assertThat(this.audit.recentByActor(user.getUsername(), 5))
			.anyMatch((r) -> r.action().equals("registration.verified") && r.objectId().equals(p.npi().value()))
			.anyMatch((r) -> r.action().equals("registration.saa") && r.objectId().equals(p.npi().value()));
	}

	@Test
	void aFailedVerificationGrantsNothing() throws Exception {
		PorticoUser user = newUser("Addie Access");
		RegisteringProvider p = RegisteringProvider.nthFromLast(this.jdbc, 2);
		String client = client();
		for (int i = 0; i < Registration.FAILURES_ALLOWED - 1; i++) {
			this.mvc.perform(form(user, p, "claim1Billed", "1.00").with(from(client)))
				.andExpect(status().isUnprocessableContent())
				.andExpect(content().string(containsString("We could not verify these details. Check")));
		}
		this.mvc.perform(form(user, p, "ssnLastFour", wrong(p.ssnLastFour())).with(from(client)))
			.andExpect(status().isUnprocessableContent())
			.andExpect(content().string(containsString("Call Provider Services")));
		this.mvc.perform(form(user, p).with(from(client)))
			.andExpect(status().isUnprocessableContent())
			.andExpect(content().string(containsString("too many attempts")));
		this.mvc.perform(form(user, p, "registeringAs", "BEHALF", "providerEmail", "dr@example.org").with(from(client)))
			.andExpect(status().isUnprocessableContent());

		assertThat(this.access.accessOf(user.accountId())).isEmpty();
		assertThat(this.access.seniorAccessAdministratorOf(p.npi())).isEmpty();
		assertThat(this.jdbc.sql("SELECT COUNT(*) FROM access.registration_request WHERE requester_account_id = ?")
			.param(user.accountId().value())
			.query(Long.class)
			.single()).isZero();
		assertThat(this.audit.recentByActor(user.getUsername(), 10))
			.anyMatch((r) -> r.action().equals("registration.verify") && r.outcome() == AuditOutcome.FAILURE)
			.noneMatch((r) -> r.action().equals("registration.saa"));
	}

	@Test
	void anNpiTheUserAlreadyAdministersIsAnsweredPlainly() throws Exception {
		PorticoUser saa = (PorticoUser) this.accounts.loadUserByUsername("saa.demo");
		Npi own = this.access.administeredBy(saa.accountId()).get(0).npi();
		long attempts = attemptsFor(own);
		this.mvc
			.perform(post("/self-service/additional-access").with(user(saa))
				.with(csrf())
				.with(from(client()))
				.param("npi", own.value())
				.param("identification", "TIN")
				.param("tin", "04-0000000")
				.param("claim1Number", "100000000001")
				.param("claim1Date", "2026-01-05")
				.param("claim1Billed", "10.00")
				.param("claim2Number", "100000000002")
				.param("claim2Date", "2026-01-06")
				.param("claim2Billed", "20.00")
				.param("registeringAs", "PROVIDER"))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString(
					"You already administer access for NPI " + own.value() + ", as its Senior Access Administrator")));
		assertThat(attemptsFor(own)).as("not a failed verification").isEqualTo(attempts);
		assertThat(this.access.seniorAccessAdministratorOf(own)).contains(saa.accountId());
	}

	@Test
	void replacingTheCurrentSaaNeedsTheChoiceTellsThemAndIsAudited() throws Exception {
		PorticoUser current = newUser("Addie Access");
		RegisteringProvider p = RegisteringProvider.nthFromLast(this.jdbc, 3);
		this.access.makeSeniorAccessAdministrator(current.accountId(), p.npi());
		PorticoUser user = newUser("Addie Access");
		this.mvc.perform(form(user, p))
			.andExpect(status().isConflict())
			.andExpect(content().string(containsString("Replace current SAA")));
		assertThat(this.access.seniorAccessAdministratorOf(p.npi())).contains(current.accountId());

		this.mvc.perform(form(user, p, "replaceSaa", "REPLACE"))
			.andExpect(redirectedUrl("/self-service/additional-access"));
		assertThat(this.access.seniorAccessAdministratorOf(p.npi())).contains(user.accountId());
		assertThat(this.access.accessOf(current.accountId()))
			.anyMatch((a) -> a.npi().equals(p.npi()) && a.role() == AccessRole.AA);
		assertThat(SentMail.lastSubjectTo(this.jdbc, current.getUsername() + "@example.org"))
			.contains("no longer the Senior Access Administrator of NPI " + p.npi().value());
		assertThat(this.audit.recentByActor(user.getUsername(), 5))
			.anyMatch((r) -> r.action().equals("registration.replace-saa")
					&& r.objectId().equals("" + current.accountId().value()));
	}

	@Test
	void onBehalfTheProviderDecidesThroughTheEmailedLinkAndIsAskedOnce() throws Exception {
		PorticoUser user = newUser("Addie Access");
		RegisteringProvider p = RegisteringProvider.nthFromLast(this.jdbc, 4);
		String providerEmail = "dr-" + user.getUsername() + "@example.org";
		for (int i = 0; i < 2; i++) {
			this.mvc.perform(form(user, p, "registeringAs", "BEHALF", "providerEmail", providerEmail))
				.andExpect(redirectedUrl("/self-service/additional-access"));
		}
		assertThat(this.access.seniorAccessAdministratorOf(p.npi())).isEmpty();
		assertThat(this.jdbc.sql("SELECT COUNT(*) FROM notifications.outbox WHERE recipient = ?")
			.param(providerEmail)
			.query(Long.class)
			.single()).as("asked once").isOne();

		Matcher link = Pattern.compile("/register/decide\\?token=([A-Za-z0-9_-]+)")
			.matcher(SentMail.lastBodyTo(this.jdbc, providerEmail));
		assertThat(link.find()).isTrue();
		this.mvc
			.perform(post("/register/decide").with(csrf())
				.param("token", link.group(1))
				.param("decision", "approve")
				.param("confirmation", p.ssnLastFour()))
			.andExpect(status().isOk());
		assertThat(this.access.seniorAccessAdministratorOf(p.npi())).contains(user.accountId());
		assertThat(SentMail.lastBodyTo(this.jdbc, user.getUsername() + "@example.org")).contains("approved",
				p.npi().value());
	}

	@Test
	void onlySignedInProviderUsersAddAccessAndBothWaysInLinkToIt() throws Exception {
		this.mvc.perform(get("/self-service/additional-access")).andExpect(redirectedUrl("/login"));
		this.mvc
			.perform(get("/self-service/additional-access")
				.with(user(this.accounts.loadUserByUsername("services.staff"))))
			.andExpect(status().isForbidden());
		this.mvc
			.perform(post("/self-service/additional-access").with(csrf())
				.with(user(this.accounts.loadUserByUsername("services.staff")))
				.param("npi", "1234567893"))
			.andExpect(status().isForbidden());
		PorticoUser user = newUser("Addie Access");
		this.mvc.perform(get("/self-service/additional-access").with(user(user)))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("Add this provider")));
		this.mvc.perform(get("/self-service").with(user(user)))
			.andExpect(content().string(containsString("href=\"/self-service/additional-access\"")));
		this.mvc.perform(get("/register"))
			.andExpect(content().string(containsString("href=\"/self-service/additional-access\"")));
	}

	@Test
	void badInputIsExplainedAndLinkedToItsField() throws Exception {
		PorticoUser user = newUser("Addie Access");
		RegisteringProvider p = RegisteringProvider.nthFromLast(this.jdbc, 5);
		this.mvc.perform(form(user, p, "npi", "1234567890", "claim2Date", "yesterday"))
			.andExpect(status().isUnprocessableContent())
			.andExpect(content().string(containsString("href=\"#npi\"")))
			.andExpect(content().string(containsString("href=\"#claim1Number\"")));
		assertThat(this.access.accessOf(user.accountId())).isEmpty();
	}

	/**
	 * The form filled in correctly as the provider, with some fields given other values.
	 */
	private static MockHttpServletRequestBuilder form(PorticoUser user, RegisteringProvider p, String... overrides) {
		return withFields(post("/self-service/additional-access").with(user(user)).with(csrf()).with(from(client())),
				proofFields(p), overrides);
	}

	private long attemptsFor(Npi npi) {
		return this.jdbc.sql("SELECT COUNT(*) FROM access.registration_attempt WHERE npi = ?")
			.param(npi.value())
			.query(Long.class)
			.single();
	}

}
