package org.portico.browser;

import java.util.EnumSet;
import java.util.UUID;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import org.junit.jupiter.api.Test;

import org.portico.access.AccessApi;
import org.portico.access.AccessApi.NpiAccess;
import org.portico.access.AccessRole;
import org.portico.access.ProviderFunction;
import org.portico.access.RegisteringProvider;
import org.portico.access.Registration;
import org.portico.identity.AccountId;
import org.portico.identity.Accounts;
import org.portico.notifications.SentMail;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A practice's SAA is replaced by someone registering with "Replace current SAA"; the
 * practice calls Provider Services, who restore the previous SAA, who then administers
 * the NPI again.
 */
class SaaDisputeBrowserTests extends BrowserTest {

	private static final String PASSWORD = "the rightful administrator";

	@Autowired
	JdbcClient jdbc;

	@Autowired
	Registration registration;

	@Autowired
	Accounts accounts;

	@Autowired
	AccessApi access;

	@Test
	void providerServicesRestoresTheReplacedSaaWhoAdministersTheNpiAgain() {
		RegisteringProvider p = RegisteringProvider.nthOfFirstTen(this.jdbc, 9);
		String npi = p.npi().value();
		String previous = register(p, "Pat Rightful", false);
		String replacer = register(p, "Quinn Replacer", true);
		AccountId replacerId = this.accounts.idOf(replacer).orElseThrow();
		assertThat(this.access.seniorAccessAdministratorOf(p.npi())).contains(replacerId);
		assertThat(SentMail.lastBodyTo(this.jdbc, previous + "@example.org"))
			.contains("call Provider Services at once");

		signIn("services.staff");
		this.page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Senior Access Administrator disputes"))
			.click();
		assertThat(this.page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setLevel(1)))
			.hasText("Senior Access Administrator disputes");
		assertAccessible();

		// A mistyped NPI is explained and linked to the field.
		this.page.getByLabel("NPI (10 digits)").fill(npi.substring(0, 9) + ((npi.charAt(9) - '0' + 1) % 10));
		lookUp();
		assertThat(this.page.getByRole(AriaRole.ALERT)).containsText("check digit");
		assertAccessible();
		this.page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Enter the 10-digit NPI")).click();
		assertThat(this.page.getByLabel("NPI (10 digits)")).isFocused();

		this.page.getByLabel("NPI (10 digits)").fill(npi);
		lookUp();
		assertThat(this.page.locator(".facts")).containsText("Quinn Replacer");
		assertThat(this.page.locator(".facts")).containsText(replacer + "@example.org");
		Locator history = this.page.getByRole(AriaRole.REGION, new Page.GetByRoleOptions().setName("SAA history"));
		assertThat(history.getByRole(AriaRole.ROW)
			.filter(new Locator.FilterOptions().setHasText("Registered with Replace current SAA")))
			.containsText("Replaced Pat Rightful, who stayed on as an Access Administrator");
		assertAccessible();

		// The form asks for both; a missing reason is explained and linked to the field.
		this.page.getByLabel("Reason, kept on record").evaluate("e => e.removeAttribute('required')");
		this.page.getByLabel("I called the office on the number on file and verified the caller").check();
		restore();
		assertThat(this.page.getByRole(AriaRole.ALERT)).containsText("Enter the reason for restoring");
		assertAccessible();
		this.page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Enter the reason for restoring"))
			.click();
		assertThat(this.page.getByLabel("Reason, kept on record")).isFocused();
		assertThat(this.access.seniorAccessAdministratorOf(p.npi())).contains(replacerId);

		this.page.getByLabel("Reason, kept on record").fill("The office manager did not ask for a new SAA.");
		restore();
		assertThat(this.page.getByRole(AriaRole.STATUS))
			.containsText("Pat Rightful is the Senior Access Administrator of NPI " + npi + " again");
		assertThat(this.page.getByRole(AriaRole.STATUS))
			.containsText("Quinn Replacer stays on as an Access Administrator");
		assertThat(history.getByRole(AriaRole.ROW).nth(1)).containsText("Restored by Provider Services");
		assertAccessible();
		this.page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Sign out")).click();

		signIn(previous, PASSWORD);
		assertThat(this.page.getByRole(AriaRole.ROW).filter(new Locator.FilterOptions().setHasText(npi)))
			.containsText("Senior Access Administrator");
		this.page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Self Service").setExact(true)).click();
		this.page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Access Administration")).click();
		this.page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Change access of Quinn Replacer"))
			.click();
		Locator provider = this.page.getByRole(AriaRole.GROUP,
				new Page.GetByRoleOptions().setName("(NPI " + npi + ")"));
		provider.getByLabel("Role").selectOption("AU");
		this.page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Save access")).click();
		assertThat(this.page.getByRole(AriaRole.STATUS)).containsText("The access of Quinn Replacer was changed");
		assertAccessible();
		assertThat(this.access.accessOf(replacerId))
			.containsExactly(new NpiAccess(p.npi(), AccessRole.AU, EnumSet.allOf(ProviderFunction.class)));
	}

	/** Registers as the provider through registration; returns the username. */
	private String register(RegisteringProvider p, String name, boolean replaceSaa) {
		String username = "sb" + UUID.randomUUID().toString().substring(0, 8);
		Registration.Outcome outcome = this.registration.register(p.registration(name, username, PASSWORD, replaceSaa),
				"192.0.2.45");
		assertThat(outcome).isInstanceOf(Registration.Outcome.Registered.class);
		return username;
	}

	private void lookUp() {
		this.page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Look up")).click();
	}

	private void restore() {
		this.page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Restore the previous SAA")).click();
	}

}
