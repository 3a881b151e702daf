package org.portico.browser;

import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import org.junit.jupiter.api.Test;

import org.portico.access.RegisteringProvider;
import org.portico.notifications.SentMail;
import org.portico.identity.TestAuthenticator;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Registering from the login page's "Register here", as the provider and on their behalf.
 */
class RegistrationBrowserTests extends BrowserTest {

	private static final String PASSWORD = "registered in the browser";

	@Autowired
	JdbcClient jdbc;

	@Test
	void asTheProviderWithTwoMatchingClaimsThenTwoStepSignInThenTheHomePage() {
		RegisteringProvider p = RegisteringProvider.nth(this.jdbc, 20);
		String username = "br" + UUID.randomUUID().toString().substring(0, 8);
		this.page.navigate(url("/login"));
		this.page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Register here")).click();
		assertAccessible();
		this.page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Continue with registration")).click();
		assertAccessible();

		fill(p, username);
		this.page.getByLabel("NPI (10 digits)")
			.fill(p.npi().value().substring(0, 9)
					+ "0".repeat(1).replace("0", String.valueOf((p.npi().value().charAt(9) - '0' + 1) % 10)));
		submit();
		assertThat(this.page.getByRole(AriaRole.ALERT)).containsText("check digit");
		assertAccessible();

		fill(p, username);
		submit();
		assertThat(this.page.getByRole(AriaRole.STATUS)).containsText("Your account is ready");

		// The first sign-in stops until a second factor is set up.
		this.page.getByLabel("Username").fill(username);
		this.page.getByLabel("Password").fill(PASSWORD);
		this.page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Sign in").setExact(true)).click();
		assertThat(this.page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setLevel(1)))
			.hasText("Protect your account");
		assertAccessible();
		// Nothing else opens until it is: any page leads back here.
		this.page.navigate(url("/self-service"));
		assertThat(this.page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setLevel(1)))
			.hasText("Protect your account");
		this.page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Use an authenticator app")).click();
		assertAccessible();
		String key = this.page.locator("#totp-secret").textContent();
		String enrollmentCode = TestAuthenticator.currentCode(key);
		this.page.getByLabel("Six-digit code from your app").fill(enrollmentCode);
		this.page.getByLabel("Current password").fill(PASSWORD);
		this.page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Turn on two-step sign-in")).click();
		assertThat(this.page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setLevel(1)))
			.hasText("Your recovery codes");
		assertThat(this.page.locator(".codes li")).hasCount(10);
		this.page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Go to the home page")).click();
		assertThat(this.page.getByRole(AriaRole.CELL, new Page.GetByRoleOptions().setName(p.npi().value())))
			.isVisible();
		this.page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Sign out")).click();

		this.page.navigate(url("/login"));
		this.page.getByLabel("Username").fill(username);
		this.page.getByLabel("Password").fill(PASSWORD);
		this.page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Sign in").setExact(true)).click();
		assertThat(this.page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setLevel(1)))
			.hasText("Enter the code from your app");
		assertAccessible();
		// Each code works once: the one used to enroll is refused until the app shows the
		// next.
		while (TestAuthenticator.currentCode(key).equals(enrollmentCode)) {
			this.page.waitForTimeout(1000);
		}
		this.page.getByLabel("Code", new Page.GetByLabelOptions().setExact(true))
			.fill(TestAuthenticator.currentCode(key));
		this.page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Continue")).click();
		assertThat(this.page.getByRole(AriaRole.CELL, new Page.GetByRoleOptions().setName(p.npi().value())))
			.isVisible();
		assertThat(this.page.getByText("Senior Access Administrator").first()).isVisible();
	}

	@Test
	void onBehalfOfTheProviderWhoApprovesFromTheEmailedLink() {
		RegisteringProvider p = RegisteringProvider.nth(this.jdbc, 21);
		String username = "bb" + UUID.randomUUID().toString().substring(0, 8);
		String providerEmail = "dr-" + username + "@example.org";
		this.page.navigate(url("/register/new"));
		fill(p, username);
		this.page.getByLabel("On behalf of the provider").check();
		this.page.getByLabel("The provider's email address").fill(providerEmail);
		submit();
		assertThat(this.page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setLevel(1)))
			.hasText("Waiting for the provider");

		String mail = SentMail.lastBodyTo(this.jdbc, providerEmail);
		Matcher link = Pattern.compile("(/register/decide\\?token=[A-Za-z0-9_-]+)").matcher(mail);
		assertThat(link.find()).isTrue();
		this.page.navigate(url(link.group(1)));
		assertAccessible();
		this.page.getByLabel("Last four digits of your SSN, or your Tax ID").fill(p.ssnLastFour());
		this.page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Approve")).click();
		assertThat(this.page.getByRole(AriaRole.STATUS)).containsText("You approved the request");

		signIn(username, PASSWORD);
		assertThat(this.page.getByRole(AriaRole.CELL, new Page.GetByRoleOptions().setName(p.npi().value())))
			.isVisible();
		this.page.navigate(url(link.group(1)));
		assertThat(this.page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setLevel(1)))
			.hasText("This link cannot be used");
	}

	private void fill(RegisteringProvider p, String username) {
		this.page.getByLabel("NPI (10 digits)").fill(p.npi().value());
		this.page.getByLabel("The last four digits of the individual provider's SSN").check();
		this.page.getByLabel("Last four digits of the provider's SSN").fill(p.ssnLastFour());
		for (int i = 0; i < 2; i++) {
			RegisteringProvider.Claim claim = p.claims().get(i);
			this.page.locator("#claim" + (i + 1) + "Number").fill(claim.number());
			this.page.locator("#claim" + (i + 1) + "Date").fill(claim.date().toString());
			this.page.locator("#claim" + (i + 1) + "Billed").fill(claim.billed().toPlainString());
		}
		this.page.getByLabel("Name", new Page.GetByLabelOptions().setExact(true)).fill("Browser Registrant");
		this.page.getByLabel("Email address", new Page.GetByLabelOptions().setExact(true))
			.fill(username + "@example.org");
		this.page.getByLabel("Username", new Page.GetByLabelOptions().setExact(true)).fill(username);
		this.page.getByLabel("New password", new Page.GetByLabelOptions().setExact(true)).fill(PASSWORD);
		this.page.getByLabel("Type the new password again").fill(PASSWORD);
	}

	private void submit() {
		this.page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Register").setExact(true)).click();
	}

}
