package org.portico.browser;

import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.portico.identity.Accounts;
import org.portico.notifications.SentMail;
import org.portico.identity.NewAccount;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Account Services in Chromium: Personal Password with its strength meter, forgot
 * password through the emailed link, and ending a session left open elsewhere.
 */
class AccountServicesBrowserTests extends BrowserTest {

	private static final String FIRST = "first password long enough";

	private static final String SECOND = "violet canyon ledger prism";

	@Autowired
	Accounts accounts;

	@Autowired
	JdbcClient jdbc;

	private String username;

	@BeforeEach
	void openAccount() {
		this.username = "ui" + UUID.randomUUID().toString().substring(0, 8);
		this.accounts
			.openProviderAccount(new NewAccount(this.username, this.username + "@example.org", "Robin Tester", FIRST));
	}

	@Test
	void changingThePasswordWithTheStrengthMeterAsAGuide() {
		signIn(this.username, FIRST);
		this.page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Self Service").setExact(true)).click();
		this.page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Personal Password")).click();
		assertAccessible();

		this.page.getByLabel("Current password").fill(FIRST);
		this.page.getByLabel("New password", new Page.GetByLabelOptions().setExact(true)).fill("password");
		assertThat(this.page.locator("#password-strength")).containsText("very weak");
		assertThat(this.page.locator("#password-strength")).containsText("most common passwords");
		this.page.getByLabel("New password", new Page.GetByLabelOptions().setExact(true)).fill(SECOND);
		assertThat(this.page.locator("#password-strength")).containsText("strong");
		assertThat(this.page.locator("#password-strength")).not().containsText("common");
		this.page.getByLabel("Type the new password again").fill(SECOND);
		this.page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Change password")).click();
		assertThat(this.page.getByRole(AriaRole.STATUS)).containsText("Your password was changed");
		assertAccessible();
	}

	@Test
	void aBadNewPasswordIsExplainedOnTheForm() {
		signIn(this.username, FIRST);
		this.page.navigate(url("/self-service/password"));
		this.page.getByLabel("Current password").fill(FIRST);
		this.page.getByLabel("New password", new Page.GetByLabelOptions().setExact(true)).fill("too short");
		this.page.getByLabel("Type the new password again").fill("too short");
		this.page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Change password")).click();
		assertThat(this.page.getByRole(AriaRole.ALERT)).containsText("at least 15 characters");
		assertAccessible();
	}

	@Test
	void aForgottenPasswordIsReplacedThroughTheEmailedLink() {
		this.page.navigate(url("/login"));
		this.page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Forgot your password?")).click();
		assertAccessible();
		this.page.getByLabel("Username").fill(this.username);
		this.page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Email me a link")).click();
		assertThat(this.page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setLevel(1)))
			.hasText("Check your email");

		Matcher link = Pattern.compile("(/reset-password\\?token=[A-Za-z0-9_-]+)")
			.matcher(SentMail.lastBodyTo(this.jdbc, this.username + "@example.org"));
		assertThat(link.find()).isTrue();
		this.page.navigate(url(link.group(1)));
		assertAccessible();
		this.page.getByLabel("New password", new Page.GetByLabelOptions().setExact(true)).fill(SECOND);
		this.page.getByLabel("Type the new password again").fill(SECOND);
		this.page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Set my new password")).click();
		assertThat(this.page.getByRole(AriaRole.STATUS)).containsText("Your new password is set");

		signIn(this.username, SECOND);
		this.page.navigate(url(link.group(1)));
		assertThat(this.page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setLevel(1)))
			.hasText("This link cannot be used");
	}

	@Test
	void aSessionLeftOpenElsewhereCanBeEnded() {
		BrowserContext elsewhere = this.page.context().browser().newContext();
		try {
			Page other = elsewhere.newPage();
			signIn(other, this.username, FIRST);
			signIn(this.username, FIRST);
			this.page.navigate(url("/self-service/sessions"));
			assertThat(this.page.locator("tbody tr")).hasCount(2);
			assertAccessible();
			this.page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("End this session")).click();
			assertThat(this.page.getByRole(AriaRole.STATUS)).containsText("The session was ended");
			assertThat(this.page.locator("tbody tr")).hasCount(1);

			other.navigate(url("/"));
			assertThat(other).hasURL(url("/login"));
		}
		finally {
			elsewhere.close();
		}
	}

}
