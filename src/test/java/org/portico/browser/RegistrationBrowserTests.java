package org.portico.browser;

import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import org.junit.jupiter.api.Test;

import org.portico.access.AccessApi;
import org.portico.access.RegisteringProvider;
import org.portico.access.Registration;
import org.portico.identity.Accounts;
import org.portico.notifications.SentMail;
import org.portico.identity.TestAuthenticator;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Registering from the login page's "Register here", as the provider and on their behalf,
 * and replacing an NPI's Senior Access Administrator.
 */
class RegistrationBrowserTests extends BrowserTest {

	private static final String PASSWORD = "registered in the browser";

	@Autowired
	JdbcClient jdbc;

	@Autowired
	Registration registration;

	@Autowired
	Accounts accounts;

	@Autowired
	AccessApi access;

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

	@Test
	void replacingTheCurrentSaaWhoStaysOnAsAnAccessAdministrator() {
		RegisteringProvider p = RegisteringProvider.nth(this.jdbc, 22);
		String previous = registerSaaOf(p);
		String username = "rs" + UUID.randomUUID().toString().substring(0, 8);
		this.page.navigate(url("/register/new"));
		fill(p, username);
		submit();
		Locator offer = this.page.getByRole(AriaRole.GROUP,
				new Page.GetByRoleOptions().setName("This NPI already has a Senior Access Administrator"));
		assertThat(offer.getByRole(AriaRole.ALERT)).containsText("You can replace them");
		assertThat(offer.getByRole(AriaRole.LINK, new Locator.GetByRoleOptions().setName("Cancel to start over")))
			.isVisible();
		assertAccessible();

		offer.getByLabel("Replace current SAA").check();
		this.page.getByLabel("Last four digits of the provider's SSN").fill(p.ssnLastFour());
		this.page.getByLabel("New password", new Page.GetByLabelOptions().setExact(true)).fill(PASSWORD);
		this.page.getByLabel("Type the new password again").fill(PASSWORD);
		submit();
		assertThat(this.page.getByRole(AriaRole.STATUS)).containsText("Your account is ready");

		signIn(username, PASSWORD);
		Locator row = this.page.getByRole(AriaRole.ROW).filter(new Locator.FilterOptions().setHasText(p.npi().value()));
		assertThat(row).containsText("Senior Access Administrator");
		this.page.navigate(url("/self-service/access"));
		Locator previousRow = this.page.getByRole(AriaRole.ROW)
			.filter(new Locator.FilterOptions().setHasText(previous + "@example.org"));
		assertThat(previousRow).containsText("Access Administrator");
		assertThat(previousRow.getByRole(AriaRole.LINK, new Locator.GetByRoleOptions().setName("Change access of")))
			.isVisible();
		assertAccessible();

		assertThat(SentMail.lastSubjectTo(this.jdbc, previous + "@example.org"))
			.isEqualTo("You are no longer the Senior Access Administrator of NPI " + p.npi().value());
		assertThat(SentMail.lastBodyTo(this.jdbc, previous + "@example.org"))
			.contains("You keep your access to it as an Access Administrator");
		Page before = this.context.browser().newContext().newPage();
		try {
			signIn(before, previous, PASSWORD);
			assertThat(before.getByRole(AriaRole.ROW).filter(new Locator.FilterOptions().setHasText(p.npi().value())))
				.containsText("Access Administrator");
			assertThat(before.getByRole(AriaRole.ROW).filter(new Locator.FilterOptions().setHasText(p.npi().value())))
				.not()
				.containsText("Senior");
		}
		finally {
			before.context().close();
		}

		this.page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Sign out")).click();
		signIn("compliance.staff");
		this.page.navigate(url("/staff/audit"));
		this.page.getByLabel("Username").fill(username);
		this.page.getByLabel("Action, like sign-in").fill("registration.replace-saa");
		this.page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Search")).click();
		assertThat(this.page.locator("tbody tr")).hasCount(1);
		assertThat(this.page.locator("tbody tr"))
			.containsText("account " + this.accounts.idOf(previous).orElseThrow().value());
		assertAccessible();
	}

	@Test
	void cancellingTheReplacementStartsOverWithNothingCreated() {
		RegisteringProvider p = RegisteringProvider.nth(this.jdbc, 23);
		String current = registerSaaOf(p);
		String username = "rc" + UUID.randomUUID().toString().substring(0, 8);
		this.page.navigate(url("/register/new"));
		fill(p, username);
		submit();
		assertThat(this.page.getByRole(AriaRole.GROUP,
				new Page.GetByRoleOptions().setName("This NPI already has a Senior Access Administrator")))
			.isVisible();
		this.page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Cancel to start over")).click();

		assertThat(this.page.getByLabel("NPI (10 digits)")).isEmpty();
		assertThat(this.page.getByRole(AriaRole.GROUP,
				new Page.GetByRoleOptions().setName("This NPI already has a Senior Access Administrator")))
			.hasCount(0);
		assertAccessible();
		assertThat(this.accounts.idOf(username)).isEmpty();
		assertThat(this.access.seniorAccessAdministratorOf(p.npi()))
			.contains(this.accounts.idOf(current).orElseThrow());
		assertThat(this.jdbc.sql("SELECT COUNT(*) FROM audit.audit_event WHERE actor = ?")
			.param(username)
			.query(Long.class)
			.single()).isZero();
	}

	/** Registers someone as the provider's SAA, as if earlier; returns their username. */
	private String registerSaaOf(RegisteringProvider p) {
		String username = "ps" + UUID.randomUUID().toString().substring(0, 8);
		Registration.Outcome outcome = this.registration
			.register(p.registration("Previous Administrator", username, PASSWORD, false), "192.0.2.1");
		assertThat(outcome).isInstanceOf(Registration.Outcome.Registered.class);
		return username;
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
