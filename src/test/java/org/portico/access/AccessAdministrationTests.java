package org.portico.access;

import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import org.portico.PorticoIntegrationTest;
import org.portico.notifications.SentMail;
import org.portico.audit.AuditLog;
import org.portico.audit.AuditOutcome;
import org.portico.identity.AccountId;
import org.portico.identity.Accounts;
import org.portico.identity.PorticoUser;
import org.portico.providers.Npi;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Access Administration: who may invite whom to do what, all through the web layer on the
 * real database.
 */
@PorticoIntegrationTest
class AccessAdministrationTests {

	private static final String PASSWORD = "invited user password ok";

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

	@Test
	void anSaaInvitesAClaimStatusUserWhoCanSeeClaimsButNotEligibility() throws Exception {
		String username = fresh("au");
		this.mvc.perform(invite("saa.demo", username, "AU", "CLAIM_STATUS"))
			.andExpect(redirectedUrl("/self-service/access"));
		PorticoUser invited = (PorticoUser) this.accounts.loadUserByUsername(username);
		assertThat(this.access.npisFor(invited.accountId(), ProviderFunction.CLAIM_STATUS))
			.containsExactly(practiceNpi());
		assertThat(this.access.npisFor(invited.accountId(), ProviderFunction.ELIGIBILITY_BENEFITS)).isEmpty();

		String token = linkIn(SentMail.lastBodyTo(this.jdbc, username + "@example.org"));
		this.mvc
			.perform(post("/reset-password").with(csrf())
				.param("token", token)
				.param("password", PASSWORD)
				.param("confirmation", PASSWORD))
			.andExpect(redirectedUrl("/login?reset"));
		this.mvc.perform(formLogin().user(username).password(PASSWORD)).andExpect(redirectedUrl("/login/set-up"));

		PorticoUser signedIn = (PorticoUser) this.accounts.loadUserByUsername(username);
		this.mvc.perform(get("/claims").with(user(signedIn))).andExpect(status().isOk());
		this.mvc.perform(get("/eligibility").with(user(signedIn))).andExpect(status().isForbidden());
		assertThat(this.audit.recentByActor(username, 3))
			.anyMatch((r) -> r.action().equals("section.open") && r.outcome() == AuditOutcome.DENIED);
	}

	@Test
	void anAaCannotAppointAnotherAa() throws Exception {
		String username = fresh("aa");
		this.mvc.perform(invite("aa.demo", username, "AA", "CLAIM_STATUS"))
			.andExpect(status().isUnprocessableContent())
			.andExpect(content().string(containsString("only give roles below yours")));
		assertThat(this.accounts.idOf(username)).isEmpty();
	}

	@Test
	void nobodyGrantsAFunctionTheyDoNotHold() throws Exception {
		String username = fresh("fn");
		// facility.demo administers its hospital's NPI but holds no claim adjustments
		// function there.
		this.mvc
			.perform(post("/self-service/access/invite").with(user(load("facility.demo")))
				.with(csrf())
				.param("name", "Someone")
				.param("email", username + "@example.org")
				.param("username", username)
				.param("role", "AU")
				.param("npis", this.access.administeredBy(load("facility.demo").accountId()).get(0).npi().value())
				.param("functions", "CLAIM_ADJUSTMENTS"))
			.andExpect(status().isUnprocessableContent());
		assertThat(this.accounts.idOf(username)).isEmpty();
	}

	@Test
	void anInvitationForAnotherPracticesNpiIsRefused() throws Exception {
		String username = fresh("xp");
		String otherPractice = this.access.administeredBy(load("other.demo").accountId()).get(0).npi().value();
		this.mvc
			.perform(post("/self-service/access/invite").with(user(load("saa.demo")))
				.with(csrf())
				.param("name", "Someone")
				.param("email", username + "@example.org")
				.param("username", username)
				.param("role", "AU")
				.param("npis", otherPractice)
				.param("functions", "CLAIM_STATUS"))
			.andExpect(status().isUnprocessableContent());
		assertThat(this.accounts.idOf(username)).isEmpty();
	}

	@Test
	void aDoubleSubmitOpensOneAccount() throws Exception {
		String username = fresh("ds");
		this.mvc.perform(invite("saa.demo", username, "AU", "CLAIM_STATUS"))
			.andExpect(redirectedUrl("/self-service/access"));
		this.mvc.perform(invite("saa.demo", username, "AU", "CLAIM_STATUS"))
			.andExpect(status().isUnprocessableContent())
			.andExpect(content().string(containsString("That username is taken")));
		assertThat(this.jdbc.sql("SELECT COUNT(*) FROM identity.account WHERE username = ?")
			.param(username)
			.query(Long.class)
			.single()).isOne();
	}

	@Test
	void badInputIsExplainedAndNothingIsCreated() throws Exception {
		String username = fresh("bi");
		this.mvc
			.perform(post("/self-service/access/invite").with(user(load("saa.demo")))
				.with(csrf())
				.param("name", "")
				.param("email", "not-an-email")
				.param("username", username)
				.param("role", "AU"))
			.andExpect(status().isUnprocessableContent())
			.andExpect(content().string(containsString("Enter a valid email address")))
			.andExpect(content().string(containsString("Enter the person&#39;s name")));
		assertThat(this.accounts.idOf(username)).isEmpty();
	}

	@Test
	void deactivatingAUserStopsTheirSignInAndOnlyTheirAdministratorsMayDoIt() throws Exception {
		String username = fresh("dx");
		this.mvc.perform(invite("saa.demo", username, "AU", "CLAIM_STATUS"));
		AccountId id = this.accounts.idOf(username).orElseThrow();

		this.mvc
			.perform(post("/self-service/access/users/{id}/deactivate", id.value()).with(user(load("other.demo")))
				.with(csrf()))
			.andExpect(redirectedUrl("/self-service/access"));
		assertThat(load(username).isEnabled()).as("another practice cannot deactivate").isTrue();

		this.mvc
			.perform(post("/self-service/access/users/{id}/deactivate", id.value()).with(user(load("saa.demo")))
				.with(csrf()))
			.andExpect(redirectedUrl("/self-service/access"));
		assertThat(load(username).isEnabled()).isFalse();
		this.mvc
			.perform(post("/self-service/access/users/{id}/reactivate", id.value()).with(user(load("aa.demo")))
				.with(csrf()))
			.andExpect(redirectedUrl("/self-service/access"));
		assertThat(load(username).isEnabled()).isTrue();
	}

	@Test
	void anOverdueReviewIsFlaggedUntilTheAdministratorConfirmsIt() throws Exception {
		String username = fresh("cf");
		this.mvc.perform(invite("saa.demo", username, "AU", "CLAIM_STATUS"));
		AccountId id = this.accounts.idOf(username).orElseThrow();
		this.jdbc.sql("UPDATE access.function_grant SET confirmed_at = ? WHERE account_id = ?")
			.params(java.sql.Timestamp.from(java.time.Instant.now().minus(java.time.Duration.ofDays(91))), id.value())
			.update();
		this.mvc.perform(get("/self-service/access").with(user(load("saa.demo"))))
			.andExpect(content().string(containsString("Access not confirmed in 90 days")));
		this.mvc
			.perform(post("/self-service/access/users/{id}/confirm", id.value()).with(user(load("other.demo")))
				.with(csrf()))
			.andExpect(redirectedUrl("/self-service/access"));
		this.mvc
			.perform(post("/self-service/access/users/{id}/confirm", id.value()).with(user(load("saa.demo")))
				.with(csrf()))
			.andExpect(redirectedUrl("/self-service/access"));
		this.mvc.perform(get("/self-service/access").with(user(load("saa.demo"))))
			.andExpect(content().string(org.hamcrest.Matchers.not(containsString("Access not confirmed in 90 days"))));
		assertThat(this.audit.recentByActor("other.demo", 3))
			.anyMatch((r) -> r.action().equals("access.confirm") && r.outcome() == AuditOutcome.DENIED);
	}

	@Test
	void anAdministratorResetsALostPhonesTwoStepSignIn() throws Exception {
		String username = fresh("rt");
		this.mvc.perform(invite("saa.demo", username, "AU", "CLAIM_STATUS"));
		AccountId id = this.accounts.idOf(username).orElseThrow();
		this.jdbc
			.sql("""
					INSERT INTO identity.totp_credential (account_id, sealed_secret, created_at, confirmed_at, last_used_step)
					VALUES (?, 'x', CURRENT_TIMESTAMP, CURRENT_TIMESTAMP, 0)
					""")
			.param(id.value())
			.update();
		this.mvc
			.perform(post("/self-service/access/users/{id}/reset-two-step", id.value()).with(user(load("aa.demo")))
				.with(csrf()))
			.andExpect(redirectedUrl("/self-service/access"));
		assertThat(this.jdbc.sql("SELECT COUNT(*) FROM identity.totp_credential WHERE account_id = ?")
			.param(id.value())
			.query(Long.class)
			.single()).isZero();
	}

	@Test
	void aUserWhoIsAlsoAnotherPracticesSaaIsNotTheirsToDeactivate() throws Exception {
		String username = fresh("tw");
		this.mvc.perform(invite("saa.demo", username, "AU", "CLAIM_STATUS"));
		AccountId id = this.accounts.idOf(username).orElseThrow();
		Npi elsewhere = this.access.administeredBy(load("other.demo").accountId()).get(1).npi();
		this.access.makeSeniorAccessAdministrator(id, elsewhere);
		this.mvc
			.perform(post("/self-service/access/users/{id}/deactivate", id.value()).with(user(load("saa.demo")))
				.with(csrf()))
			.andExpect(redirectedUrl("/self-service/access"));
		assertThat(load(username).isEnabled()).isTrue();
	}

	@Test
	void aMalformedIdIsABadRequestNotAFailure() throws Exception {
		this.mvc.perform(post("/self-service/access/users/0/deactivate").with(user(load("saa.demo"))).with(csrf()))
			.andExpect(status().isBadRequest());
	}

	@Test
	void theListShowsTheUsersOfMyProvidersOnly() throws Exception {
		this.mvc.perform(get("/self-service/access").with(user(load("saa.demo"))))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("frontdesk.demo")))
			.andExpect(content().string(org.hamcrest.Matchers.not(containsString("other.demo"))));
	}

	private MockHttpServletRequestBuilder invite(String admin, String username, String role, String function) {
		return post("/self-service/access/invite").with(user(load(admin)))
			.with(csrf())
			.param("name", "Invited Person")
			.param("email", username + "@example.org")
			.param("username", username)
			.param("role", role)
			.param("npis", practiceNpi().value())
			.param("functions", function);
	}

	private Npi practiceNpi() {
		return this.access.administeredBy(load("saa.demo").accountId()).get(0).npi();
	}

	private PorticoUser load(String username) {
		return (PorticoUser) this.accounts.loadUserByUsername(username);
	}

	private static String fresh(String prefix) {
		return prefix + UUID.randomUUID().toString().substring(0, 8);
	}

	private static String linkIn(String mail) {
		Matcher link = Pattern.compile("/reset-password\\?token=([A-Za-z0-9_-]+)").matcher(mail);
		assertThat(link.find()).isTrue();
		return link.group(1);
	}

}
