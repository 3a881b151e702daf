package org.portico.access.web;

import org.junit.jupiter.api.Test;

import org.portico.PorticoIntegrationTest;
import org.portico.audit.AuditLog;
import org.portico.audit.AuditOutcome;
import org.portico.identity.Accounts;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Deny by default: a section opens only for users granted its function for some NPI.
 */
@PorticoIntegrationTest
class SectionAccessTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	Accounts accounts;

	@Autowired
	AuditLog audit;

	@Test
	void billingStaffWithoutEligibilityCannotOpenEligibilityAndTheAttemptIsAudited() throws Exception {
		this.mvc.perform(get("/eligibility").with(user(this.accounts.loadUserByUsername("billing.demo"))))
			.andExpect(status().isForbidden());
		assertThat(this.audit.recentByActor("billing.demo", 5)).anyMatch((r) -> r.action().equals("section.open")
				&& r.outcome() == AuditOutcome.DENIED && "ELIGIBILITY_BENEFITS".equals(r.objectId()));
		this.mvc.perform(get("/claims").with(user(this.accounts.loadUserByUsername("billing.demo"))))
			.andExpect(status().isOk());
	}

	@Test
	void aPercentEncodedPathIsNoWayAround() throws Exception {
		this.mvc
			.perform(get(java.net.URI.create("/%65ligibility"))
				.with(user(this.accounts.loadUserByUsername("billing.demo"))))
			.andExpect(status().isForbidden());
	}

	@Test
	void onlyAccessAdministratorsReachAccessAdministration() throws Exception {
		this.mvc.perform(get("/self-service/access").with(user(this.accounts.loadUserByUsername("frontdesk.demo"))))
			.andExpect(status().isForbidden());
	}

	@Test
	void aUserWithNoGrantsAtAllReachesNoSection() throws Exception {
		this.accounts.openProviderAccount(new org.portico.identity.NewAccount("nogrants.test", "n@example.org",
				"No Grants", "no grants password long"));
		for (String section : SectionAccess.SECTIONS.keySet()) {
			this.mvc.perform(get(section).with(user(this.accounts.loadUserByUsername("nogrants.test"))))
				.andExpect(status().isForbidden());
		}
	}

}
