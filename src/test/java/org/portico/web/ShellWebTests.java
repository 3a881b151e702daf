package org.portico.web;

import org.junit.jupiter.api.Test;

import org.portico.PorticoIntegrationTest;
import org.portico.access.AccessApi;
import org.portico.audit.AuditLog;
import org.portico.audit.AuditOutcome;
import org.portico.identity.Accounts;
import org.portico.identity.PorticoUser;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The page shell over real HTTP handling, security and database: sign-in, the home page,
 * the protective headers, and errors that never show their insides.
 */
@PorticoIntegrationTest
class ShellWebTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	Accounts accounts;

	@Autowired
	AccessApi access;

	@Autowired
	AuditLog audit;

	@Test
	void theLoginPageHasLabelledFieldsAndACsrfToken() throws Exception {
		this.mvc.perform(get("/login"))
			.andExpect(status().isOk())
			.andExpect(content()
				.string(allOf(containsString("<label for=\"username\">"), containsString("<label for=\"password\">"),
						containsString("name=\"_csrf\""), containsString("Skip to main content"))));
	}

	@Test
	void pagesNeedASignIn() throws Exception {
		this.mvc.perform(get("/")).andExpect(status().is3xxRedirection()).andExpect(redirectedUrl("/login"));
		this.mvc.perform(get("/claims")).andExpect(status().is3xxRedirection());
	}

	@Test
	void aWrongPasswordGetsOneGenericAnswerAndIsAudited() throws Exception {
		this.mvc.perform(formLogin().user("saa.demo").password("not-the-password"))
			.andExpect(redirectedUrl("/login?error"));
		this.mvc.perform(formLogin().user("nobody.at.all").password("not-the-password"))
			.andExpect(redirectedUrl("/login?error"));
		assertThat(this.audit.recentByActor("saa.demo", 5))
			.anyMatch((r) -> r.action().equals("sign-in") && r.outcome() == AuditOutcome.FAILURE);
		// What was typed is kept only when it names an account: it might have been a
		// password.
		assertThat(this.audit.recentByActor("nobody.at.all", 5)).isEmpty();
		assertThat(this.audit.recentByActor("(unknown account)", 5))
			.anyMatch((r) -> r.action().equals("sign-in") && r.outcome() == AuditOutcome.FAILURE);
		this.mvc.perform(get("/login").param("error", ""))
			.andExpect(content().string(containsString("do not match an active account")));
	}

	@Test
	void aDemoUserSignsInAndIsAudited() throws Exception {
		this.mvc.perform(formLogin().user("frontdesk.demo").password("Portico-demo-2026"))
			.andExpect(redirectedUrl("/"));
		assertThat(this.audit.recentByActor("frontdesk.demo", 5))
			.anyMatch((r) -> r.action().equals("sign-in") && r.outcome() == AuditOutcome.SUCCESS);
	}

	@Test
	void homeListsOnlyTheProvidersAndFunctionsGrantedToTheUser() throws Exception {
		PorticoUser frontDesk = (PorticoUser) this.accounts.loadUserByUsername("frontdesk.demo");
		String npi = this.access.accessOf(frontDesk.accountId()).get(0).npi().value();
		PorticoUser other = (PorticoUser) this.accounts.loadUserByUsername("other.demo");
		String otherNpi = this.access.accessOf(other.accountId()).get(0).npi().value();
		this.mvc.perform(get("/").with(user(frontDesk)))
			.andExpect(status().isOk())
			.andExpect(content().string(allOf(containsString(npi), containsString("Claim status"),
					not(containsString("Claim adjustments")), not(containsString(otherNpi)))));
	}

	@Test
	void staffSeeTheStaffHome() throws Exception {
		this.mvc.perform(get("/").with(user(this.accounts.loadUserByUsername("claims.staff"))))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("plan staff account")));
	}

	@Test
	void everyResponseCarriesTheProtectiveHeaders() throws Exception {
		this.mvc.perform(get("/login"))
			.andExpect(header().string("Content-Security-Policy",
					allOf(containsString("default-src 'self'"), containsString("frame-ancestors 'none'"),
							not(containsString("unsafe-inline")))))
			.andExpect(header().string("X-Frame-Options", "DENY"))
			.andExpect(header().string("X-Content-Type-Options", "nosniff"))
			.andExpect(header().string("Referrer-Policy", "strict-origin-when-cross-origin"))
			.andExpect(header().exists("X-Request-Id"));
	}

	@Test
	void aFormPostWithoutCsrfTokenIsRefused() throws Exception {
		this.mvc.perform(post("/logout").with(user(this.accounts.loadUserByUsername("saa.demo"))))
			.andExpect(status().isForbidden());
	}

}
