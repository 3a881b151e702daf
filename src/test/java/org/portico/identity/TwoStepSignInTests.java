package org.portico.identity;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.servlet.http.Cookie;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.portico.PorticoIntegrationTest;
import org.portico.notifications.SentMail;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

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
 * Two-step sign-in: enrollment, the second step, codes used once, and recovery codes.
 */
@PorticoIntegrationTest
class TwoStepSignInTests {

	private static final String PASSWORD = "two step password long";

	private static final Pattern SECRET = Pattern.compile("id=\"totp-secret\">([A-Z2-7 ]+)<");

	private static final Pattern CODE = Pattern.compile("<code>([a-z2-9]{5}-[a-z2-9]{5})</code>");

	@Autowired
	MockMvc mvc;

	@Autowired
	Accounts accounts;

	@Autowired
	TwoStepSignIn twoStep;

	@Autowired
	JdbcClient jdbc;

	private String username;

	/** This test's client address, so that its failures count against no other test's. */
	private String client;

	@BeforeEach
	void openAccount() {
		this.username = "ts" + UUID.randomUUID().toString().substring(0, 8);
		this.accounts
			.openProviderAccount(new NewAccount(this.username, this.username + "@example.org", "Tess Step", PASSWORD));
		this.client = "10.33." + (int) (Math.random() * 250) + "." + (int) (Math.random() * 250);
	}

	@Test
	void afterEnrollmentSigningInNeedsACodeThatWorksOnce() throws Exception {
		byte[] secret = enroll();
		Cookie session = signInWithPassword();
		this.mvc.perform(get("/").cookie(session)).andExpect(redirectedUrl("/login/second-step"));
		this.mvc.perform(post("/login/second-step").cookie(session).with(csrf()).param("code", "000000"))
			.andExpect(status().isUnprocessableContent())
			.andExpect(content().string(containsString("not right")));
		String code = Totp.code(secret, Totp.step(Instant.now().getEpochSecond()));
		MvcResult done = this.mvc.perform(post("/login/second-step").cookie(session).with(csrf()).param("code", code))
			.andExpect(redirectedUrl("/"))
			.andReturn();
		Cookie full = latest(done, session);
		this.mvc.perform(get("/").cookie(full)).andExpect(status().isOk());

		Cookie again = signInWithPassword();
		this.mvc.perform(post("/login/second-step").cookie(again).with(csrf()).param("code", code))
			.andExpect(status().isUnprocessableContent());
	}

	@Test
	void guessingTheCodeEndsTheHalfSignedInSession() throws Exception {
		enroll();
		Cookie session = signInWithPassword();
		for (int i = 1; i < SecondStep.MAX_WRONG_CODES; i++) {
			this.mvc.perform(post("/login/second-step").cookie(session).with(csrf()).param("code", "000000"))
				.andExpect(status().isUnprocessableContent());
		}
		this.mvc.perform(post("/login/second-step").cookie(session).with(csrf()).param("code", "000000"))
			.andExpect(redirectedUrl("/login?error"));
		this.mvc.perform(post("/login/second-step").cookie(session).with(csrf()).param("code", "000000"))
			.andExpect(status().is3xxRedirection());
	}

	@Test
	void aRecoveryCodeWorksOnceInsteadOfTheApp() throws Exception {
		String recovery = enrollAndKeepARecoveryCode();
		Cookie session = signInWithPassword();
		this.mvc.perform(post("/login/second-step").cookie(session).with(csrf()).param("code", recovery.toUpperCase()))
			.andExpect(redirectedUrl("/"));
		Cookie again = signInWithPassword();
		this.mvc.perform(post("/login/second-step").cookie(again).with(csrf()).param("code", recovery))
			.andExpect(status().isUnprocessableContent());
	}

	@Test
	void enrollmentNeedsTheCurrentPasswordAndARightCode() throws Exception {
		MvcResult page = this.mvc.perform(post("/self-service/two-step/begin").with(user(me())).with(csrf()))
			.andExpect(status().isOk())
			.andReturn();
		byte[] secret = secretIn(page.getResponse().getContentAsString());
		String code = Totp.code(secret, Totp.step(Instant.now().getEpochSecond()));
		this.mvc
			.perform(post("/self-service/two-step/confirm").with(user(me()))
				.with(csrf())
				.with(from(this.client))
				.param("code", code)
				.param("password", "not my password"))
			.andExpect(status().isUnprocessableContent())
			.andExpect(content().string(containsString(Totp.base32(secret).substring(0, 4))));
		assertThat(failedSignIns()).as("a wrong password counts like a failed sign-in").isEqualTo(1);
		assertThat(signInWithPasswordRedirect()).isEqualTo("/login/set-up");
	}

	@Test
	void wrongPasswordsAtSetUpLockTheAccountLikeAtSignIn() throws Exception {
		MvcResult page = this.mvc.perform(post("/self-service/two-step/begin").with(user(me())).with(csrf()))
			.andExpect(status().isOk())
			.andReturn();
		byte[] secret = secretIn(page.getResponse().getContentAsString());
		this.jdbc.sql("UPDATE identity.account SET failed_sign_ins = ?, last_failed_sign_in_at = ? WHERE username = ?")
			.params(SignInGuard.LOCK_AFTER - 1, Timestamp.from(Instant.now().minus(SignInGuard.LONGEST_DELAY)),
					this.username)
			.update();
		this.mvc
			.perform(post("/self-service/two-step/confirm").with(user(me()))
				.with(csrf())
				.with(from(this.client))
				.param("code", Totp.code(secret, Totp.step(Instant.now().getEpochSecond())))
				.param("password", "a last wrong guess"))
			.andExpect(status().isUnprocessableContent());
		assertThat(SentMail.lastSubjectTo(this.jdbc, this.username + "@example.org"))
			.isEqualTo("Your Portico account was locked");
		// Locked: even the right password and code turn nothing on.
		this.mvc
			.perform(post("/self-service/two-step/confirm").with(user(me()))
				.with(csrf())
				.with(from(this.client))
				.param("code", Totp.code(secret, Totp.step(Instant.now().getEpochSecond())))
				.param("password", PASSWORD))
			.andExpect(status().isUnprocessableContent())
			.andExpect(content().string(containsString("Wait a few minutes")));
		assertThat(this.twoStep.enrolled(me().accountId())).isFalse();
	}

	@Test
	void anAccountWithoutASecondFactorSetsOneUpBeforeAnythingElseOpens() throws Exception {
		MvcResult signedIn = this.mvc
			.perform(post("/login").with(csrf()).param("username", this.username).param("password", PASSWORD))
			.andExpect(redirectedUrl("/login/set-up"))
			.andReturn();
		Cookie session = signedIn.getResponse().getCookie("SESSION");
		this.mvc.perform(get("/self-service").cookie(session)).andExpect(redirectedUrl("/login/set-up"));
		this.mvc.perform(post("/self-service/password").cookie(session).with(csrf())).andExpect(status().isForbidden());
		this.mvc.perform(post("/login/second-step").cookie(session).with(csrf()).param("code", "000000"))
			.andExpect(status().isForbidden());

		MvcResult page = this.mvc.perform(post("/login/set-up/app").cookie(session).with(csrf()))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("/login/set-up/app/confirm")))
			.andReturn();
		byte[] secret = secretIn(page.getResponse().getContentAsString());
		this.mvc
			.perform(post("/login/set-up/app/confirm").cookie(session)
				.with(csrf())
				.param("code", "000000")
				.param("password", PASSWORD))
			.andExpect(status().isUnprocessableContent());
		this.mvc.perform(get("/").cookie(session)).andExpect(redirectedUrl("/login/set-up"));
		MvcResult done = this.mvc
			.perform(post("/login/set-up/app/confirm").cookie(session)
				.with(csrf())
				.param("code", Totp.code(secret, Totp.step(Instant.now().getEpochSecond())))
				.param("password", PASSWORD))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("Your recovery codes")))
			.andReturn();
		Cookie full = latest(done, session);
		assertThat(full.getValue()).as("a new session id once signed in").isNotEqualTo(session.getValue());
		this.mvc.perform(get("/").cookie(full)).andExpect(status().isOk());
		assertThat(signInWithPasswordRedirect()).isEqualTo("/login/second-step");
	}

	@Test
	void demoLoginsAndOnlyWaivedAccountsSignInWithThePasswordAlone() throws Exception {
		this.mvc.perform(
				post("/login").with(csrf()).param("username", "frontdesk.demo").param("password", "Portico-demo-2026"))
			.andExpect(redirectedUrl("/"));
		this.accounts.waiveSecondStep(me().accountId(), "test");
		assertThat(signInWithPasswordRedirect()).isEqualTo("/");
	}

	private byte[] enroll() throws Exception {
		MvcResult page = this.mvc.perform(post("/self-service/two-step/begin").with(user(me())).with(csrf()))
			.andReturn();
		byte[] secret = secretIn(page.getResponse().getContentAsString());
		this.mvc
			.perform(post("/self-service/two-step/confirm").with(user(me()))
				.with(csrf())
				.param("code", Totp.code(secret, Totp.step(Instant.now().getEpochSecond()) - 1))
				.param("password", PASSWORD))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("Your recovery codes")));
		return secret;
	}

	private String enrollAndKeepARecoveryCode() throws Exception {
		MvcResult page = this.mvc.perform(post("/self-service/two-step/begin").with(user(me())).with(csrf()))
			.andReturn();
		byte[] secret = secretIn(page.getResponse().getContentAsString());
		String codes = this.mvc
			.perform(post("/self-service/two-step/confirm").with(user(me()))
				.with(csrf())
				.param("code", Totp.code(secret, Totp.step(Instant.now().getEpochSecond())))
				.param("password", PASSWORD))
			.andReturn()
			.getResponse()
			.getContentAsString();
		Matcher m = CODE.matcher(codes);
		assertThat(m.find()).isTrue();
		return m.group(1);
	}

	private Cookie signInWithPassword() throws Exception {
		MvcResult result = this.mvc
			.perform(post("/login").with(csrf()).param("username", this.username).param("password", PASSWORD))
			.andExpect(redirectedUrl("/login/second-step"))
			.andReturn();
		return result.getResponse().getCookie("SESSION");
	}

	private String signInWithPasswordRedirect() throws Exception {
		return this.mvc
			.perform(post("/login").with(csrf()).param("username", this.username).param("password", PASSWORD))
			.andReturn()
			.getResponse()
			.getRedirectedUrl();
	}

	private int failedSignIns() {
		return this.jdbc.sql("SELECT failed_sign_ins FROM identity.account WHERE username = ?")
			.param(this.username)
			.query(Integer.class)
			.single();
	}

	private static RequestPostProcessor from(String client) {
		return (request) -> {
			request.setRemoteAddr(client);
			return request;
		};
	}

	private PorticoUser me() {
		return (PorticoUser) this.accounts.loadUserByUsername(this.username);
	}

	private static Cookie latest(MvcResult result, Cookie previous) {
		Cookie cookie = result.getResponse().getCookie("SESSION");
		return (cookie != null) ? cookie : previous;
	}

	private static byte[] secretIn(String page) {
		Matcher m = SECRET.matcher(page);
		assertThat(m.find()).as("the page shows the key to type in").isTrue();
		return base32(m.group(1).replace(" ", ""));
	}

	private static byte[] base32(String text) {
		String alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
		byte[] out = new byte[text.length() * 5 / 8];
		int buffer = 0;
		int bits = 0;
		int index = 0;
		for (char c : text.toCharArray()) {
			buffer = (buffer << 5) | alphabet.indexOf(c);
			bits += 5;
			if (bits >= 8) {
				out[index++] = (byte) (buffer >> (bits - 8));
				bits -= 8;
			}
		}
		return out;
	}

}
