package org.portico.identity;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.portico.PorticoIntegrationTest;
import org.portico.audit.AuditLog;
import org.portico.audit.AuditOutcome;
import org.portico.notifications.SentMail;
import org.portico.platform.SingleUseTokens;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Changing the email address under Account Services: the current password first, then a
 * single-use link to the new address, with the old address told; through the web layer on
 * the real database, the mail read from the outbox.
 */
@PorticoIntegrationTest
class EmailChangeTests {

	private static final String PASSWORD = "email owner password long";

	private static final Pattern LINK = Pattern.compile("/confirm-email\\?token=([A-Za-z0-9_-]+)");

	@Autowired
	MockMvc mvc;

	@Autowired
	Accounts accounts;

	@Autowired
	AuditLog audit;

	@Autowired
	JdbcClient jdbc;

	private String username;

	private String oldAddress;

	private String newAddress;

	private String client;

	@BeforeEach
	void openAccount() {
		this.username = "em" + UUID.randomUUID().toString().substring(0, 8);
		this.oldAddress = this.username + "@example.org";
		this.newAddress = this.username + "@new-practice.example.com";
		this.accounts.openProviderAccount(new NewAccount(this.username, this.oldAddress, "Em Owner", PASSWORD));
		this.client = "10.66." + (int) (Math.random() * 250) + "." + (int) (Math.random() * 250);
	}

	@Test
	void theNewAddressCountsOnlyOnceItOpensTheLinkAndTheOldOneIsTold() throws Exception {
		request(this.newAddress, PASSWORD).andExpect(redirectedUrl("/self-service/email"))
			.andExpect(flash().attribute("sent", this.newAddress));
		assertThat(currentAddress()).isEqualTo(this.oldAddress);
		assertThat(SentMail.lastSubjectTo(this.jdbc, this.oldAddress))
			.isEqualTo("A change of your Portico email address");
		assertThat(SentMail.lastBodyTo(this.jdbc, this.oldAddress)).contains(this.newAddress)
			.doesNotContain("/confirm-email");

		String token = tokenMailedTo(this.newAddress);
		assertThat(this.jdbc.sql("SELECT token_hash FROM identity.email_change WHERE account_id = ?")
			.param(id().value())
			.query(String.class)
			.single()).as("only a hash is kept").isEqualTo(SingleUseTokens.hash(token)).isNotEqualTo(token);

		// Opening the link asks first, so a mail scanner following it changes nothing.
		this.mvc.perform(get("/confirm-email").param("token", token))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString(this.newAddress)))
			.andExpect(content().string(containsString("Use this email address")));
		assertThat(currentAddress()).isEqualTo(this.oldAddress);

		this.mvc.perform(post("/confirm-email").with(csrf()).param("token", token))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("Email address changed")));
		assertThat(currentAddress()).isEqualTo(this.newAddress);
		assertThat(SentMail.lastSubjectTo(this.jdbc, this.oldAddress))
			.isEqualTo("Your Portico email address was changed");
		assertThat(this.audit.recentByActor(this.username, 5)).extracting((r) -> r.action() + " " + r.outcome())
			.contains("email.change-request SUCCESS", "email.change SUCCESS");

		this.mvc.perform(get("/confirm-email").param("token", token))
			.andExpect(status().isGone())
			.andExpect(content().string(containsString("This link cannot be used")));
		this.mvc.perform(post("/confirm-email").with(csrf()).param("token", token))
			.andExpect(status().isGone())
			.andExpect(content().string(containsString("Ask for a new link")));
	}

	@Test
	void aWrongPasswordChangesNothingAndCountsLikeAFailedSignIn() throws Exception {
		request(this.newAddress, "not the password at all").andExpect(status().isUnprocessableContent())
			.andExpect(content().string(containsString("The current password is not right")))
			.andExpect(content().string(containsString("href=\"#password\"")));
		assertThat(failedSignIns()).isEqualTo(1);
		assertThat(this.jdbc.sql("SELECT COUNT(*) FROM notifications.outbox WHERE recipient = ?")
			.param(this.newAddress)
			.query(Long.class)
			.single()).isZero();
		assertThat(this.audit.recentByActor(this.username, 1).get(0).outcome()).isEqualTo(AuditOutcome.FAILURE);

		// After repeated failures the account waits, as at sign-in: even the right
		// password is not checked until the wait is over.
		this.jdbc.sql("UPDATE identity.account SET failed_sign_ins = 8, last_failed_sign_in_at = ? WHERE username = ?")
			.params(Timestamp.from(Instant.now()), this.username)
			.update();
		request(this.newAddress, PASSWORD).andExpect(status().isUnprocessableContent())
			.andExpect(content().string(containsString("Wait a few minutes")));
		assertThat(failedSignIns()).isEqualTo(8);

		this.jdbc.sql("UPDATE identity.account SET last_failed_sign_in_at = ? WHERE username = ?")
			.params(Timestamp.from(Instant.now().minus(Duration.ofMinutes(10))), this.username)
			.update();
		request(this.newAddress, PASSWORD).andExpect(redirectedUrl("/self-service/email"));
		assertThat(failedSignIns()).as("the right password clears the failures").isZero();
	}

	@Test
	void wrongPasswordsHereLockTheAccountLikeAtSignIn() throws Exception {
		this.jdbc.sql("UPDATE identity.account SET failed_sign_ins = 9, last_failed_sign_in_at = ? WHERE username = ?")
			.params(Timestamp.from(Instant.now().minus(Duration.ofMinutes(10))), this.username)
			.update();
		request(this.newAddress, "a tenth wrong password").andExpect(status().isUnprocessableContent());
		assertThat(this.jdbc.sql("SELECT locked_until FROM identity.account WHERE username = ?")
			.param(this.username)
			.query(Timestamp.class)
			.single()).isNotNull();
		assertThat(SentMail.lastSubjectTo(this.jdbc, this.oldAddress)).isEqualTo("Your Portico account was locked");
	}

	@Test
	void anExpiredLinkShowsTheLinkCannotBeUsedPage() throws Exception {
		request(this.newAddress, PASSWORD).andExpect(redirectedUrl("/self-service/email"));
		String token = tokenMailedTo(this.newAddress);
		this.jdbc.sql("UPDATE identity.email_change SET expires_at = ? WHERE token_hash = ?")
			.params(Timestamp.from(Instant.now().minusSeconds(1)), SingleUseTokens.hash(token))
			.update();
		this.mvc.perform(get("/confirm-email").param("token", token))
			.andExpect(status().isGone())
			.andExpect(content().string(containsString("This link cannot be used")))
			.andExpect(content().string(containsString("for 30 minutes")));
		this.mvc.perform(post("/confirm-email").with(csrf()).param("token", token)).andExpect(status().isGone());
		this.mvc.perform(get("/confirm-email").param("token", "made-up")).andExpect(status().isGone());
		assertThat(currentAddress()).isEqualTo(this.oldAddress);
	}

	@Test
	void onlyTheNewestLinkWorks() throws Exception {
		String first = this.username + "@first.example.com";
		request(first, PASSWORD).andExpect(redirectedUrl("/self-service/email"));
		String firstToken = tokenMailedTo(first);
		request(this.newAddress, PASSWORD).andExpect(redirectedUrl("/self-service/email"));
		this.mvc.perform(post("/confirm-email").with(csrf()).param("token", firstToken)).andExpect(status().isGone());
		this.mvc.perform(post("/confirm-email").with(csrf()).param("token", tokenMailedTo(this.newAddress)))
			.andExpect(status().isOk());
		assertThat(currentAddress()).isEqualTo(this.newAddress);
	}

	@Test
	void aDoubleSubmitSendsOneLink() throws Exception {
		request(this.newAddress, PASSWORD).andExpect(redirectedUrl("/self-service/email"));
		request(this.newAddress, PASSWORD).andExpect(redirectedUrl("/self-service/email"));
		assertThat(this.jdbc.sql("SELECT COUNT(*) FROM notifications.outbox WHERE recipient = ?")
			.param(this.newAddress)
			.query(Long.class)
			.single()).isOne();
	}

	@Test
	void aFourthRequestInAnHourIsRefused() throws Exception {
		for (String domain : List.of("a.example.com", "b.example.com", "c.example.com")) {
			request(this.username + "@" + domain, PASSWORD).andExpect(redirectedUrl("/self-service/email"));
		}
		request(this.newAddress, PASSWORD).andExpect(status().isUnprocessableContent())
			.andExpect(content().string(containsString("three changes in the last hour")));
		assertThat(this.jdbc.sql("SELECT COUNT(*) FROM notifications.outbox WHERE recipient = ?")
			.param(this.newAddress)
			.query(Long.class)
			.single()).isZero();
	}

	@Test
	void aBadOrUnchangedAddressIsExplainedOnTheForm() throws Exception {
		request("not-an-address", PASSWORD).andExpect(status().isUnprocessableContent())
			.andExpect(content().string(containsString("Enter a valid email address")))
			.andExpect(content().string(containsString("href=\"#email\"")))
			.andExpect(content().string(containsString("value=\"not-an-address\" aria-invalid=\"true\"")))
			.andExpect(content().string(not(containsString(PASSWORD))));
		request(this.oldAddress.toUpperCase(), PASSWORD).andExpect(status().isUnprocessableContent())
			.andExpect(content().string(containsString("That is already your email address")));
		assertThat(this.jdbc.sql("SELECT COUNT(*) FROM identity.email_change WHERE account_id = ?")
			.param(id().value())
			.query(Long.class)
			.single()).isZero();
	}

	@Test
	void selfServiceLinksToTheFormWhichShowsTheCurrentAddress() throws Exception {
		PorticoUser user = (PorticoUser) this.accounts.loadUserByUsername(this.username);
		this.mvc.perform(get("/self-service").with(user(user)))
			.andExpect(content().string(containsString("href=\"/self-service/email\"")));
		this.mvc.perform(get("/self-service/email").with(user(user)))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString(this.oldAddress)));
	}

	private ResultActions request(String address, String password) throws Exception {
		PorticoUser user = (PorticoUser) this.accounts.loadUserByUsername(this.username);
		return this.mvc.perform(post("/self-service/email").with(user(user)).with(csrf()).with((r) -> {
			r.setRemoteAddr(this.client);
			return r;
		}).param("email", address).param("password", password));
	}

	private String tokenMailedTo(String address) {
		assertThat(SentMail.lastSubjectTo(this.jdbc, address)).isEqualTo("Confirm your new Portico email address");
		Matcher link = LINK.matcher(SentMail.lastBodyTo(this.jdbc, address));
		assertThat(link.find()).isTrue();
		return link.group(1);
	}

	private AccountId id() {
		return this.accounts.idOf(this.username).orElseThrow();
	}

	private String currentAddress() {
		return this.accounts.summaries(List.of(id())).get(0).email();
	}

	private int failedSignIns() {
		return this.jdbc.sql("SELECT failed_sign_ins FROM identity.account WHERE username = ?")
			.param(this.username)
			.query(Integer.class)
			.single();
	}

}
