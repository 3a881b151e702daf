package org.portico.reports;

import org.junit.jupiter.api.Test;

import org.portico.PorticoIntegrationTest;
import org.portico.identity.Accounts;
import org.portico.identity.PorticoUser;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Plan staff start a report refresh and watch it; provider offices cannot.
 */
@PorticoIntegrationTest
class ReportRefreshPageTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	Accounts accounts;

	@Autowired
	ReportRefresh refresh;

	@Test
	void planStaffStartARefreshAndSeeItsProgress() throws Exception {
		PorticoUser staff = (PorticoUser) this.accounts.loadUserByUsername("claims.staff");
		this.mvc.perform(post("/staff/reports/refresh").with(csrf()).with(user(staff)))
			.andExpect(status().is3xxRedirection());
		for (int i = 0; i < 300 && this.refresh.latestRun().orElseThrow().running(); i++) {
			Thread.sleep(100);
		}
		ReportRefresh.Run run = this.refresh.latestRun().orElseThrow();
		assertThat(run.status()).isEqualTo("DONE");
		assertThat(run.stepsDone()).isEqualTo(run.stepsTotal()).isGreaterThan(1);
		this.mvc.perform(get("/staff/reports").with(user(staff)))
			.andExpect(status().isOk())
			.andExpect(content().string(org.hamcrest.Matchers.containsString("Finished: " + run.stepsDone())));
		this.mvc.perform(get("/staff/reports/progress").with(user(staff)))
			.andExpect(status().isOk())
			.andExpect(content().string(org.hamcrest.Matchers.containsString("refresh-bar")));
	}

	@Test
	void providerOfficesCannotStartARefresh() throws Exception {
		PorticoUser saa = (PorticoUser) this.accounts.loadUserByUsername("saa.demo");
		this.mvc.perform(post("/staff/reports/refresh").with(csrf()).with(user(saa))).andExpect(status().isForbidden());
		this.mvc.perform(get("/staff/reports").with(user(saa))).andExpect(status().isForbidden());
	}

}
