package org.portico.identity;

import java.time.Duration;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.portico.PorticoIntegrationTest;
import org.portico.notifications.SentMail;
import org.portico.audit.AuditLog;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Password guessing is slowed per account and per client, and a locked account's owner
 * can unlock it from the emailed link.
 */
@PorticoIntegrationTest
class SignInGuardTests {

	private static final String PASSWORD = "guarded password long enough";

	@Autowired
	MockMvc mvc;

	@Autowired
	Accounts accounts;

	@Autowired
	AuditLog audit;

	@Autowired
	JdbcClient jdbc;

	private String username;

	private String client;

	@BeforeEach
	void openAccount() {
		this.username = "sg" + UUID.randomUUID().toString().substring(0, 8);
		this.accounts
			.openProviderAccount(new NewAccount(this.username, this.username + "@example.org", "Sam Guard", PASSWORD));
		this.client = "10.0." + (int) (Math.random() * 250) + "." + (int) (Math.random() * 250);
	}

	@Test
	void afterThreeFailuresThePasswordIsNotEvenCheckedUntilADelayPasses() throws Exception {
		for (int i = 0; i < 3; i++) {
			signIn(this.username, "wrong password " + i).andExpect(redirectedUrl("/login?error"));
		}
		signIn(this.username, PASSWORD).andExpect(redirectedUrl("/login?error"));
		Thread.sleep(SignInGuard.delayAfter(4).toMillis() + 200);
		signIn(this.username, PASSWORD).andExpect(redirectedUrl("/login/set-up"));
	}

	@Test
	void tenFailuresLockTheAccountAndEmailAnUnlockLink() throws Exception {
		for (int i = 0; i < SignInGuard.LOCK_AFTER; i++) {
			signIn(this.username, "wrong password " + i).andExpect(redirectedUrl("/login?error"));
		}
		assertThat(this.audit.recentByActor(this.username, 3)).anyMatch((r) -> r.action().equals("account.lock"));
		signIn(this.username, PASSWORD).andExpect(redirectedUrl("/login?error"));

		String mail = SentMail.lastBodyTo(this.jdbc, this.username + "@example.org");
		Matcher link = Pattern.compile("/unlock\\?token=([A-Za-z0-9_-]+)").matcher(mail);
		assertThat(link.find()).isTrue();
		this.mvc.perform(get("/unlock").param("token", link.group(1)))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("Unlock my account")));
		this.mvc.perform(post("/unlock").with(csrf()).param("token", link.group(1)))
			.andExpect(redirectedUrl("/login?unlocked"));
		signIn(this.username, PASSWORD).andExpect(redirectedUrl("/login/set-up"));
		this.mvc.perform(post("/unlock").with(csrf()).param("token", link.group(1))).andExpect(status().isGone());
	}

	@Test
	void aClientThatFailsTooOftenIsTurnedAwayWhateverTheUsername() throws Exception {
		for (int i = 0; i < SignInGuard.CLIENT_FAILURES; i++) {
			signIn("nobody-" + i, "wrong password").andExpect(redirectedUrl("/login?error"));
		}
		signIn(this.username, PASSWORD).andExpect(redirectedUrl("/login?throttled"));
		this.mvc.perform(post("/login").with(csrf())
			.param("username", this.username)
			.param("password", PASSWORD)
			.with((request) -> {
				request.setRemoteAddr("10.255.255.254");
				return request;
			})).andExpect(redirectedUrl("/login/set-up"));
		this.mvc.perform(get("/login").param("throttled", ""))
			.andExpect(content().string(containsString("Too many failed sign-ins came from this network")));
	}

	@Test
	void delaysGrowAndStopAtFiveMinutes() {
		assertThat(SignInGuard.delayAfter(2)).isZero();
		assertThat(SignInGuard.delayAfter(3)).isEqualTo(Duration.ofSeconds(1));
		assertThat(SignInGuard.delayAfter(5)).isEqualTo(Duration.ofSeconds(4));
		assertThat(SignInGuard.delayAfter(40)).isEqualTo(Duration.ofMinutes(5));
	}

	private ResultActions signIn(String user, String password) throws Exception {
		return this.mvc
			.perform(post("/login").with(csrf()).param("username", user).param("password", password).with((request) -> {
				request.setRemoteAddr(this.client);
				return request;
			}));
	}

}
