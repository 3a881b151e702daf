package org.portico.browser;

import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import org.junit.jupiter.api.Test;

import org.portico.identity.Accounts;
import org.portico.identity.NewAccount;
import org.portico.notifications.SentMail;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Changing the email address under Account Services: a wrong password is explained and
 * linked to its field, the link mailed to the new address makes the change, and works
 * once.
 */
class EmailChangeBrowserTests extends BrowserTest {

	private static final String PASSWORD = "moving to a new mailbox";

	@Autowired
	Accounts accounts;

	@Autowired
	JdbcClient jdbc;

	@Test
	void theNewAddressTakesOverWhenItOpensTheMailedLink() {
		String username = "eb" + UUID.randomUUID().toString().substring(0, 8);
		String newAddress = username + "@new-practice.example.com";
		this.accounts.openProviderAccount(new NewAccount(username, username + "@example.org", "Robin Mover", PASSWORD));
		signIn(username, PASSWORD);
		this.page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Self Service").setExact(true)).click();
		this.page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Email address")).click();
		assertThat(this.page.getByText("Your account mail goes to " + username + "@example.org")).isVisible();
		assertAccessible();

		this.page.getByLabel("New email address").fill(newAddress);
		this.page.getByLabel("Current password").fill("not my password at all");
		send();
		assertThat(this.page.getByRole(AriaRole.ALERT)).containsText("The current password is not right");
		assertAccessible();
		this.page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("The current password is not right"))
			.click();
		assertThat(this.page.getByLabel("Current password")).isFocused();
		assertThat(this.page.getByLabel("New email address")).hasValue(newAddress);

		this.page.getByLabel("Current password").fill(PASSWORD);
		send();
		assertThat(this.page.getByRole(AriaRole.STATUS)).containsText("We sent a link to " + newAddress);
		assertAccessible();

		Matcher link = Pattern.compile("(/confirm-email\\?token=[A-Za-z0-9_-]+)")
			.matcher(SentMail.lastBodyTo(this.jdbc, newAddress));
		assertThat(link.find()).isTrue();
		this.page.navigate(url(link.group(1)));
		assertThat(this.page.getByText(newAddress)).isVisible();
		assertAccessible();
		this.page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Use this email address")).click();
		assertThat(this.page.getByRole(AriaRole.STATUS)).containsText("Your account mail goes to " + newAddress);
		assertAccessible();

		this.page.navigate(url("/self-service/email"));
		assertThat(this.page.getByText("Your account mail goes to " + newAddress)).isVisible();
		this.page.navigate(url(link.group(1)));
		assertThat(this.page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setLevel(1)))
			.hasText("This link cannot be used");
		assertAccessible();
		assertThat(SentMail.lastSubjectTo(this.jdbc, username + "@example.org"))
			.isEqualTo("Your Portico email address was changed");
	}

	private void send() {
		this.page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Send the link")).click();
	}

}
