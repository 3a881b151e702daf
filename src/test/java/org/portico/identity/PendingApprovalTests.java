package org.portico.identity;

import java.util.UUID;

import org.junit.jupiter.api.Test;

import org.portico.PorticoIntegrationTest;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;

/**
 * An account opened pending approval keeps its username and password hash, cannot sign in
 * until approved, and disappears when rejected.
 */
@PorticoIntegrationTest
class PendingApprovalTests {

	private static final String PASSWORD = "waiting for the plan to call";

	@Autowired
	MockMvc mvc;

	@Autowired
	Accounts accounts;

	@Autowired
	JdbcClient jdbc;

	@Test
	void aPendingAccountSignsInOnlyOnceApproved() throws Exception {
		String username = fresh();
		AccountId id = this.accounts.openProviderAccountPendingApproval(
				new NewAccount(username, username + "@example.org", "Wai Ting", PASSWORD));
		assertThat(this.jdbc.sql("SELECT password_hash FROM identity.account WHERE id = ?")
			.param(id.value())
			.query(String.class)
			.single()).doesNotContain(PASSWORD).startsWith("{");
		this.mvc.perform(signIn(username)).andExpect(redirectedUrl("/login?error"));

		assertThat(this.accounts.setEnabled(id, true, "someone")).as("reactivation is no way around approval")
			.isFalse();
		this.mvc.perform(signIn(username)).andExpect(redirectedUrl("/login?error"));

		assertThat(this.accounts.approvePendingAccount(id, "services.staff")).isTrue();
		assertThat(this.accounts.approvePendingAccount(id, "services.staff")).as("approved once").isFalse();
		this.mvc.perform(signIn(username)).andExpect(redirectedUrl("/login/set-up"));
		assertThat(this.accounts.discardPendingAccount(id, "services.staff")).as("an approved account stays").isFalse();
		assertThat(this.accounts.idOf(username)).contains(id);
	}

	@Test
	void aDiscardedPendingAccountFreesItsUsername() {
		String username = fresh();
		AccountId id = this.accounts.openProviderAccountPendingApproval(
				new NewAccount(username, username + "@example.org", "Wai Ting", PASSWORD));
		assertThat(this.accounts.idOf(username)).contains(id);
		assertThat(this.accounts.discardPendingAccount(id, "services.staff")).isTrue();
		assertThat(this.accounts.idOf(username)).isEmpty();
		assertThat(this.accounts.approvePendingAccount(id, "services.staff")).isFalse();
	}

	private static MockHttpServletRequestBuilder signIn(String username) {
		return post("/login").with(csrf()).param("username", username).param("password", PASSWORD).with((r) -> {
			r.setRemoteAddr("10.88." + (int) (Math.random() * 250) + ".2");
			return r;
		});
	}

	private static String fresh() {
		return "pa" + UUID.randomUUID().toString().substring(0, 8);
	}

}
