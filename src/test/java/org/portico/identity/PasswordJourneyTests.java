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

	@BeforeEach
	void openAccount() {
		this.username = "pw" + UUID.randomUUID().toString().substring(0, 8);
		this.accounts
			.openProviderAccount(new NewAccount(this.username, this.username + "@example.org", "Pat Tester", FIRST));
		this.user = (PorticoUser) this.accounts.loadUserByUsername(this.username);
	}

	@Test
	void aWrongCurrentPasswordChangesNothing() throws Exception {
		this.mvc
			.perform(post("/self-service/password").with(user(this.user))
				.with(csrf())
				.param("current", "not my password at all")
				.param("password", SECOND)
				.param("confirmation", SECOND))
			.andExpect(status().isUnprocessableContent())
			.andExpect(content().string(containsString("The current password is not right")));
		signInWorks(FIRST);
		assertThat(this.audit.recentByActor(this.username, 5))
			.anyMatch((r) -> r.action().equals("password.change") && r.outcome() == AuditOutcome.FAILURE);
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

	private void signInWorks(String password) throws Exception {
		// The password opens the account, which then sets up its second step.
		this.mvc.perform(formLogin().user(this.username).password(password)).andExpect(redirectedUrl("/login/set-up"));
	}

	private long mailCount() {
		return this.jdbc.sql("SELECT COUNT(*) FROM notifications.outbox").query(Long.class).single();
	}

}
