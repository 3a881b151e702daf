package org.portico.browser;

import java.util.UUID;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import org.junit.jupiter.api.Test;

import org.portico.access.RegisteringProvider;
import org.portico.identity.Accounts;
import org.portico.identity.NewAccount;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

/**
 * A signed-in user adds a provider to their login from Self Service: a mistyped claim is
 * refused with the one generic answer, the right details make them its SAA at once.
 */
class AdditionalAccessBrowserTests extends BrowserTest {

	private static final String PASSWORD = "several providers one login";

	@Autowired
	JdbcClient jdbc;

	@Autowired
	Accounts accounts;

	@Test
	void aSignedInUserAddsAProviderFromSelfService() {
		RegisteringProvider p = RegisteringProvider.nthFromLast(this.jdbc, 21);
		String username = "ab" + UUID.randomUUID().toString().substring(0, 8);
		this.accounts.openProviderAccount(new NewAccount(username, username + "@example.org", "Ada Browser", PASSWORD));
		signIn(username, PASSWORD);
		assertThat(this.page.getByRole(AriaRole.CELL, new Page.GetByRoleOptions().setName(p.npi().value())))
			.hasCount(0);
		this.page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Self Service").setExact(true)).click();
		this.page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("I need additional access")).click();
		assertThat(this.page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setLevel(1)))
			.hasText("I need additional access");
		assertAccessible();

		fill(p);
		this.page.locator("#claim2Billed").fill("1.00");
		submit();
		assertThat(this.page.getByRole(AriaRole.ALERT)).containsText("We could not verify these details");
		assertAccessible();

		fill(p);
		submit();
		assertThat(this.page.getByRole(AriaRole.STATUS))
			.containsText("You are now the Senior Access Administrator of NPI " + p.npi().value());
		assertAccessible();
		this.page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("See your providers")).click();
		assertThat(this.page.getByRole(AriaRole.CELL, new Page.GetByRoleOptions().setName(p.npi().value())))
			.isVisible();
	}

	private void fill(RegisteringProvider p) {
		this.page.getByLabel("NPI (10 digits)").fill(p.npi().value());
		this.page.getByLabel("The last four digits of the individual provider's SSN").check();
		this.page.getByLabel("Last four digits of the provider's SSN").fill(p.ssnLastFour());
		for (int i = 0; i < 2; i++) {
			RegisteringProvider.Claim claim = p.claims().get(i);
			this.page.locator("#claim" + (i + 1) + "Number").fill(claim.number());
			this.page.locator("#claim" + (i + 1) + "Date").fill(claim.date().toString());
			this.page.locator("#claim" + (i + 1) + "Billed").fill(claim.billed().toPlainString());
		}
		this.page.getByLabel("As the provider").check();
	}

	private void submit() {
		this.page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Add this provider")).click();
	}

}
