package org.portico.audit;

import org.junit.jupiter.api.Test;

import org.portico.PorticoIntegrationTest;
import org.portico.identity.Accounts;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Compliance searches the audit trail; nobody else can, and every search is on the
 * record.
 */
@PorticoIntegrationTest
class AuditSearchTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	Accounts accounts;

	@Autowired
	AuditLog audit;

	@Test
	void complianceFindsWhatAUserDidAndTheSearchIsRecorded() throws Exception {
		this.audit.record(AuditEvent.denied("searched.user", "section.open", "function", "REPORTS"));
		this.mvc
			.perform(get("/staff/audit").param("actor", "searched.user")
				.with(user(this.accounts.loadUserByUsername("compliance.staff"))))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("section.open")))
			.andExpect(content().string(containsString("REPORTS")));
		assertThat(this.audit.recentByActor("compliance.staff", 1).get(0).action()).isEqualTo("audit.search");
	}

	@Test
	void onlyComplianceMaySearch() throws Exception {
		this.mvc.perform(get("/staff/audit").with(user(this.accounts.loadUserByUsername("claims.staff"))))
			.andExpect(status().isForbidden());
		this.mvc.perform(get("/staff/audit").with(user(this.accounts.loadUserByUsername("saa.demo"))))
			.andExpect(status().isForbidden());
	}

}
