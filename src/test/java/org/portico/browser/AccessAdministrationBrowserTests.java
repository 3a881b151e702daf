package org.portico.browser;

import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.Response;
import com.microsoft.playwright.options.AriaRole;
import org.junit.jupiter.api.Test;

import org.portico.notifications.SentMail;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The SAA invites an Authorized User with only claim status; that user chooses a password
 * from the emailed link, signs in, and finds eligibility closed to them.
 */
class AccessAdministrationBrowserTests extends BrowserTest {

	private static final String PASSWORD = "claim status only please";

	@Autowired
	JdbcClient jdbc;

	@Test
	void anInvitedClaimStatusUserGetsTheFriendly403ForEligibility() {
		String username = "cs" + UUID.randomUUID().toString().substring(0, 8);
		signIn("saa.demo");
		this.page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Self Service").setExact(true)).click();
		this.page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Access Administration")).click();
		assertThat(this.page.getByRole(AriaRole.CELL, new Page.GetByRoleOptions().setName("frontdesk.demo")).first())
			.isVisible();
		assertAccessible();

		this.page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Invite a user")).click();
		assertAccessible();
		this.page.getByLabel("Name", new Page.GetByLabelOptions().setExact(true)).fill("Casey Status");
		this.page.getByLabel("Email address").fill(username + "@example.org");
		this.page.getByLabel("Username").fill(username);
		this.page.getByRole(AriaRole.RADIO, new Page.GetByRoleOptions().setName("Authorized User")).check();
		this.page.locator("input[name=npis]").first().check();
		this.page.getByRole(AriaRole.CHECKBOX, new Page.GetByRoleOptions().setName("Claim status")).check();
		this.page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Send the invitation")).click();
		assertThat(this.page.getByRole(AriaRole.STATUS)).containsText("An invitation was emailed");
		this.page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Sign out")).click();

		String mail = SentMail.lastBodyTo(this.jdbc, username + "@example.org");
		Matcher link = Pattern.compile("(/reset-password\\?token=[A-Za-z0-9_-]+)").matcher(mail);
		assertThat(link.find()).isTrue();
		this.page.navigate(url(link.group(1)));
		this.page.getByLabel("New password", new Page.GetByLabelOptions().setExact(true)).fill(PASSWORD);
		this.page.getByLabel("Type the new password again").fill(PASSWORD);
		this.page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Set my new password")).click();

		signIn(username, PASSWORD);
		assertThat(this.page.locator("table tbody tr")).hasCount(1);
		this.page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Claims").setExact(true)).click();
		assertThat(this.page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setLevel(1))).hasText("Claims");
		Response eligibility = this.page.navigate(url("/eligibility"));
		assertThat(eligibility.status()).isEqualTo(403);
		assertThat(this.page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setLevel(1)))
			.hasText("You do not have access to this");
		assertAccessible();
	}

}
