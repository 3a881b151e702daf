package org.portico.browser;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import org.junit.jupiter.api.Test;

import org.springframework.test.context.TestPropertySource;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

/**
 * The warning before an idle session ends, with the timeout shortened from 15 minutes to
 * 8 seconds so the warning shows after 4.
 */
@TestPropertySource(properties = "spring.session.timeout=8s")
class IdleSessionBrowserTests extends BrowserTest {

	@Test
	void theWarningOffersToStaySignedInAndItWorks() {
		signIn("frontdesk.demo");
		assertThat(this.page.getByRole(AriaRole.DIALOG))
			.isVisible(new com.microsoft.playwright.assertions.LocatorAssertions.IsVisibleOptions().setTimeout(7000));
		assertThat(this.page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Stay signed in")))
			.isFocused();
		assertAccessible();
		this.page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Stay signed in")).click();
		assertThat(this.page.getByRole(AriaRole.DIALOG)).isHidden();
		this.page.waitForTimeout(5000);
		this.page.navigate(url("/"));
		assertThat(this.page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setLevel(1)))
			.containsText("Welcome");
	}

	@Test
	void ignoredTheSessionEndsAndSaysWhy() {
		signIn("frontdesk.demo");
		this.page.waitForURL(url("/login?timeout"), new Page.WaitForURLOptions().setTimeout(12000));
		assertThat(this.page.getByRole(AriaRole.STATUS)).containsText("15 minutes without activity");
		this.page.navigate(url("/"));
		assertThat(this.page).hasURL(url("/login"));
	}

}
