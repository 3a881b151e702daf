package org.portico.browser;

import com.microsoft.playwright.options.AriaRole;
import org.junit.jupiter.api.Test;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.Response;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The journeys through the shell in a real browser, each page checked with axe-core.
 */
class ShellBrowserTests extends BrowserTest {

	@Test
	void theLoginPageIsAccessible() {
		this.page.navigate(url("/login"));
		assertThat(this.page.getByRole(AriaRole.HEADING)).hasText("Sign in to Provider Self Service");
		assertAccessible();
	}

	@Test
	void aWrongPasswordIsAnsweredPlainlyAndAccessibly() {
		this.page.navigate(url("/login"));
		this.page.getByLabel("Username").fill("saa.demo");
		this.page.getByLabel("Password").fill("wrong-password-here");
		this.page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Sign in").setExact(true)).click();
		assertThat(this.page.getByRole(AriaRole.ALERT)).containsText("do not match an active account");
		assertAccessible();
	}

	@Test
	void aSignedInUserSeesTheirProvidersAndEverySectionIsAccessible() {
		signIn("saa.demo");
		assertThat(this.page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setLevel(1)))
			.hasText("Welcome, Dana Whitfield");
		assertThat(this.page.locator("table tbody tr").first()).isVisible();
		assertAccessible();
		for (String section : new String[] { "Eligibility & Benefits", "Claims", "Referrals & Authorizations",
				"Reports", "Self Service" }) {
			this.page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName(section).setExact(true)).click();
			assertThat(this.page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setLevel(1))).hasText(section);
			assertThat(this.page.locator("nav.main-nav a[aria-current=page]")).hasText(section);
			assertAccessible();
		}
	}

	@Test
	void theSkipLinkTakesKeyboardUsersToTheContent() {
		signIn("frontdesk.demo");
		this.page.keyboard().press("Tab");
		assertThat(this.page.locator(".skip-link")).isFocused();
		this.page.keyboard().press("Enter");
		assertThat(this.page.locator("main")).isFocused();
	}

	@Test
	void theErrorPageIsFriendlyAndAccessible() {
		signIn("frontdesk.demo");
		Response response = this.page.navigate(url("/no-such-page"));
		assertThat(response.status()).isEqualTo(404);
		assertThat(this.page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setLevel(1)))
			.hasText("Page not found");
		assertAccessible();
	}

	@Test
	void onANarrowScreenNothingScrollsSideways() {
		this.page.setViewportSize(360, 740);
		signIn("saa.demo");
		Object overflow = this.page.evaluate("document.documentElement.scrollWidth > window.innerWidth");
		assertThat(overflow)
			.as(() -> "wider than the screen: " + this.page
				.evaluate("[...document.querySelectorAll('body *')].filter(e => e.getBoundingClientRect().right > "
						+ "window.innerWidth + 1).map(e => e.tagName + '.' + e.className).slice(0, 8).join(', ')"))
			.isEqualTo(false);
		assertAccessible();
	}

	@Test
	void theStaffPagesAndTheDevMailboxAreAccessible() {
		signIn("compliance.staff");
		this.page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Audit trail")).click();
		this.page.getByLabel("Username").fill("saa.demo");
		this.page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Search")).click();
		assertThat(this.page.locator("tbody tr").first()).isVisible();
		assertAccessible();
		this.context.clearCookies();
		signIn("services.staff");
		this.page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Undelivered mail")).click();
		assertAccessible();
		Response mailbox = this.page.navigate(url("/dev/mailbox"));
		if (mailbox.status() == 200) {
			assertAccessible();
		}
	}

	@Test
	void signingOutReturnsToTheLoginPage() {
		signIn("doctor.demo");
		this.page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Sign out")).click();
		assertThat(this.page.getByRole(AriaRole.STATUS)).hasText("You have signed out.");
		this.page.navigate(url("/"));
		assertThat(this.page).hasURL(url("/login"));
	}

}
