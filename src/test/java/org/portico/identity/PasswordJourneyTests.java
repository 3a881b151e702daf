package org.portico.identity;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.portico.PorticoIntegrationTest;
import org.portico.notifications.SentMail;
import org.portico.audit.AuditLog;
import org.portico.audit.AuditOutcome;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Personal Password and forgot-password, through the web layer, on the real database,
 * with the mail they send read from the outbox.
 */
@PorticoIntegrationTest
class PasswordJourneyTests {

	private static final String FIRST = "first password long enough";

	private static final String SECOND = "violet canyon ledger prism";

	private static final Pattern RESET_LINK = Pattern.compile("/reset-password\\?token=([A-Za-z0-9_-]+)");

	@Autowired
	MockMvc mvc;

	@Autowired
	Accounts accounts;

	@Autowired
	AuditLog audit;

	@Autowired
	JdbcClient jdbc;

	private String username;

	private PorticoUser user;

	/** This test's client address, so that its failures count against no other test's. */
	private String client;

	@BeforeEach
	void openAccount() {
		this.username = "pw" + UUID.randomUUID().toString().substring(0, 8);
		this.accounts
			.openProviderAccount(new NewAccount(this.username, this.username + "@example.org", "Pat Tester", FIRST));
		this.user = (PorticoUser) this.accounts.loadUserByUsername(this.username);
		this.client = "10.44." + (int) (Math.random() * 250) + "." + (int) (Math.random() * 250);
	}

	@Test
	void aWrongCurrentPasswordChangesNothingAndCountsLikeAFailedSignIn() throws Exception {
		change("not my password at all").andExpect(status().isUnprocessableContent())
			.andExpect(content().string(containsString("The current password is not right")));
		assertThat(failedSignIns()).isEqualTo(1);
		signInWorks(FIRST);
		assertThat(this.audit.recentByActor(this.username, 5))
			.anyMatch((r) -> r.action().equals("password.change") && r.outcome() == AuditOutcome.FAILURE);
	}

	@Test
	void afterRepeatedWrongCurrentPasswordsEvenTheRightOneWaits() throws Exception {
		for (int i = 0; i < SignInGuard.FREE_FAILURES; i++) {
			change("wrong password number " + i).andExpect(status().isUnprocessableContent());
		}
		change(FIRST).andExpect(status().isUnprocessableContent())
			.andExpect(content().string(containsString("Wait a few minutes")));
		assertThat(failedSignIns()).isEqualTo(SignInGuard.FREE_FAILURES);
		pastTheWait();
		change(FIRST).andExpect(redirectedUrl("/self-service/password"));
		assertThat(failedSignIns()).as("the right password clears the failures").isZero();
	}

	@Test
	void repeatedWrongCurrentPasswordsLockTheAccountLikeFailedSignIns() throws Exception {
		for (int i = 0; i < SignInGuard.LOCK_AFTER; i++) {
			change("wrong password number " + i).andExpect(status().isUnprocessableContent())
				.andExpect(content().string(containsString("The current password is not right")));
			pastTheWait();
		}
		assertThat(this.jdbc.sql("SELECT locked_until FROM identity.account WHERE username = ?")
			.param(this.username)
			.query(Timestamp.class)
			.single()
			.toInstant()).isAfter(Instant.now());
		assertThat(this.audit.recentByActor(this.username, 3)).anyMatch((r) -> r.action().equals("account.lock"));
		assertThat(SentMail.lastSubjectTo(this.jdbc, this.username + "@example.org"))
			.isEqualTo("Your Portico account was locked");
		assertThat(SentMail.lastBodyTo(this.jdbc, this.username + "@example.org")).contains("/unlock?token=");

		// Locked: neither the login page nor this form checks even the right password.
		this.mvc
			.perform(post("/login").with(csrf())
				.with(from(this.client))
				.param("username", this.username)
				.param("password", FIRST))
			.andExpect(redirectedUrl("/login?error"));
		change(FIRST).andExpect(status().isUnprocessableContent())
			.andExpect(content().string(containsString("Wait a few minutes")));
		assertThat(SentMail.lastSubjectTo(this.jdbc, this.username + "@example.org")).as("the password was not changed")
			.isEqualTo("Your Portico account was locked");
	}

	@Test
	void thePasswordTypedAgainBeforeManagingPasskeysIsGuardedTheSameWay() throws Exception {
		reconfirm("not my password at all").andExpect(status().isUnprocessableContent())
			.andExpect(content().string(containsString("That password is not right")));
		assertThat(failedSignIns()).isEqualTo(1);
		this.jdbc.sql("UPDATE identity.account SET failed_sign_ins = ?, last_failed_sign_in_at = ? WHERE username = ?")
			.params(SignInGuard.FREE_FAILURES, Timestamp.from(Instant.now()), this.username)
			.update();
		reconfirm(FIRST).andExpect(status().isUnprocessableContent())
			.andExpect(content().string(containsString("Wait a few minutes")));
		pastTheWait();
		reconfirm(FIRST).andExpect(redirectedUrl("/self-service/passkeys"));
		assertThat(failedSignIns()).isZero();
	}

	@Test
	void aPasswordThatBreaksTheRulesIsExplainedInPlainWords() throws Exception {
		this.mvc
			.perform(post("/self-service/password").with(user(this.user))
				.with(csrf())
				.param("current", FIRST)
				.param("password", "short")
				.param("confirmation", "shorter"))
			.andExpect(status().isUnprocessableContent())
			.andExpect(content().string(allOf(containsString("at least 15 characters"),
					containsString("are not the same"), containsString("aria-invalid=\"true\""))));
		signInWorks(FIRST);
	}

	@Test
	void changingThePasswordIsAuditedAndTheOwnerIsEmailed() throws Exception {
		this.mvc
			.perform(post("/self-service/password").with(user(this.user))
				.with(csrf())
				.param("current", FIRST)
				.param("password", SECOND)
				.param("confirmation", SECOND))
			.andExpect(redirectedUrl("/self-service/password"));
		signInWorks(SECOND);
		assertThat(this.audit.recentByActor(this.username, 5))
			.anyMatch((r) -> r.action().equals("password.change") && r.outcome() == AuditOutcome.SUCCESS);
		assertThat(SentMail.lastBodyTo(this.jdbc, this.username + "@example.org")).contains("was just changed")
			.doesNotContain(SECOND);
	}

	@Test
	void theStrengthMeterAnswersAsYouType() throws Exception {
		this.mvc.perform(post("/password/strength").with(csrf()).param("password", "password"))
			.andExpect(status().isOk())
			.andExpect(content().string(allOf(containsString("id=\"password-strength\""), containsString("very weak"),
					containsString("most common passwords"))));
	}

	@Test
	void forgottenPasswordsAreResetThroughASingleUseEmailedLink() throws Exception {
		this.mvc.perform(post("/forgot-password").with(csrf()).param("username", this.username.toUpperCase()))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("Check your email")));
		String mail = SentMail.lastBodyTo(this.jdbc, this.username + "@example.org");
		assertThat(mail).contains("within 30 minutes").doesNotContain(FIRST);
		Matcher link = RESET_LINK.matcher(mail);
		assertThat(link.find()).isTrue();
		String token = link.group(1);
		assertThat(this.jdbc.sql("SELECT COUNT(*) FROM identity.password_reset WHERE token_hash = ?")
			.param(token)
			.query(Long.class)
			.single()).as("only a hash of the token is stored").isZero();

		this.mvc.perform(get("/reset-password").param("token", token))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("Choose a new password")));
		this.mvc
			.perform(post("/reset-password").with(csrf())
				.param("token", token)
				.param("password", "123456789987654321")
				.param("confirmation", "123456789987654321"))
			.andExpect(status().isUnprocessableContent())
			.andExpect(content().string(containsString("most common passwords")));
		this.mvc
			.perform(post("/reset-password").with(csrf())
				.param("token", token)
				.param("password", SECOND)
				.param("confirmation", SECOND))
			.andExpect(redirectedUrl("/login?reset"));
		signInWorks(SECOND);

		this.mvc
			.perform(post("/reset-password").with(csrf())
				.param("token", token)
				.param("password", FIRST)
				.param("confirmation", FIRST))
			.andExpect(status().isGone())
			.andExpect(content().string(containsString("This link cannot be used")));
		signInWorks(SECOND);
	}

	@Test
	void anUnknownUsernameGetsTheSameAnswerAndNoMail() throws Exception {
		long before = mailCount();
		this.mvc.perform(post("/forgot-password").with(csrf()).param("username", "no-such-user-" + this.username))
			.andExpect(status().isOk())
			.andExpect(content().string(allOf(containsString("Check your email"), not(containsString("not found")))));
		assertThat(mailCount()).isEqualTo(before);
	}

	@Test
	void anExpiredLinkCannotBeUsed() throws Exception {
		this.mvc.perform(post("/forgot-password").with(csrf()).param("username", this.username));
		Matcher link = RESET_LINK.matcher(SentMail.lastBodyTo(this.jdbc, this.username + "@example.org"));
		assertThat(link.find()).isTrue();
		this.jdbc.sql("UPDATE identity.password_reset SET expires_at = ? WHERE account_id = ?")
			.params(Timestamp.from(Instant.now().minusSeconds(1)), this.user.accountId().value())
			.update();
		this.mvc.perform(get("/reset-password").param("token", link.group(1))).andExpect(status().isGone());
	}

	@Test
	void nobodyCanFloodAMailboxWithResetLinks() throws Exception {
		for (int i = 0; i < Passwords.RESETS_PER_HOUR + 2; i++) {
			this.mvc.perform(post("/forgot-password").with(csrf()).param("username", this.username))
				.andExpect(status().isOk());
		}
		assertThat(this.jdbc.sql("SELECT COUNT(*) FROM notifications.outbox WHERE recipient = ?")
			.param(this.username + "@example.org")
			.query(Long.class)
			.single()).isEqualTo(Passwords.RESETS_PER_HOUR);
	}

	/** Personal Password with this as the current password, choosing SECOND. */
	private ResultActions change(String current) throws Exception {
		return this.mvc.perform(post("/self-service/password").with(user(this.user))
			.with(csrf())
			.with(from(this.client))
			.param("current", current)
			.param("password", SECOND)
			.param("confirmation", SECOND));
	}

	private ResultActions reconfirm(String password) throws Exception {
		return this.mvc.perform(post("/self-service/passkeys/confirm-password").with(user(this.user))
			.with(csrf())
			.with(from(this.client))
			.param("password", password));
	}

	/** As if the wait after the last failure were over. */
	private void pastTheWait() {
		this.jdbc.sql("UPDATE identity.account SET last_failed_sign_in_at = ? WHERE username = ?")
			.params(Timestamp.from(Instant.now().minus(SignInGuard.LONGEST_DELAY)), this.username)
			.update();
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

	private void signInWorks(String password) throws Exception {
		// The password opens the account, which then sets up its second step.
		this.mvc.perform(formLogin().user(this.username).password(password)).andExpect(redirectedUrl("/login/set-up"));
	}

	private long mailCount() {
		return this.jdbc.sql("SELECT COUNT(*) FROM notifications.outbox").query(Long.class).single();
	}

}
