package org.portico.browser;

import java.util.EnumSet;
import java.util.Set;
import java.util.UUID;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import org.junit.jupiter.api.Test;

import org.portico.access.AccessAdministration;
import org.portico.access.AccessAdministration.Invitation;
import org.portico.access.AccessApi;
import org.portico.access.AccessApi.NpiAccess;
import org.portico.access.AccessRole;
import org.portico.access.ProviderFunction;
import org.portico.identity.AccountId;
import org.portico.identity.Accounts;
import org.portico.identity.PorticoUser;
import org.portico.notifications.SentMail;
import org.portico.providers.Npi;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The SAA changes what an Authorized User may do for one of the practice's providers: a
 * mistake is explained and linked to the field, the change is saved and the user is told
 * by email.
 */
class ChangeAccessBrowserTests extends BrowserTest {

	@Autowired
	AccessAdministration administration;

	@Autowired
	AccessApi access;

	@Autowired
	Accounts accounts;

	@Autowired
	JdbcClient jdbc;

	@Test
	void theSaaGivesAClaimStatusUserEligibilityToo() {
		PorticoUser saa = (PorticoUser) this.accounts.loadUserByUsername("saa.demo");
		Npi npi = this.access.administeredBy(saa.accountId()).get(0).npi();
		String username = "ca" + UUID.randomUUID().toString().substring(0, 8);
		String name = "Jordan " + username;
		assertThat(this.administration.invite(saa, new Invitation(name, username + "@example.org", username,
				AccessRole.AU, Set.of(npi), EnumSet.of(ProviderFunction.CLAIM_STATUS))))
			.isEmpty();
		AccountId user = this.accounts.idOf(username).orElseThrow();

		signIn("saa.demo");
		this.page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Self Service").setExact(true)).click();
		this.page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Access Administration")).click();
		this.page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Change access of " + name)).click();
		assertThat(this.page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setLevel(1)))
			.hasText("Change access of " + name);
		assertAccessible();

		Locator provider = this.page.getByRole(AriaRole.GROUP,
				new Page.GetByRoleOptions().setName("(NPI " + npi.value() + ")"));
		assertThat(provider.getByRole(AriaRole.CHECKBOX, new Locator.GetByRoleOptions().setName("Has access")))
			.isChecked();
		Locator claimStatus = provider.getByRole(AriaRole.CHECKBOX,
				new Locator.GetByRoleOptions().setName("Claim status"));
		assertThat(claimStatus).isChecked();

		// Keeping the provider without anything to do for it is explained, linked to the
		// field.
		claimStatus.uncheck();
		save();
		assertThat(this.page.getByRole(AriaRole.ALERT)).containsText("Choose at least one thing the person may do");
		assertAccessible();
		this.page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Choose at least one thing")).click();
		assertThat(provider.getByRole(AriaRole.CHECKBOX, new Locator.GetByRoleOptions().setName("Eligibility")))
			.isFocused();
		assertThat(this.access.accessOf(user))
			.containsExactly(new NpiAccess(npi, AccessRole.AU, EnumSet.of(ProviderFunction.CLAIM_STATUS)));

		provider.getByRole(AriaRole.CHECKBOX, new Locator.GetByRoleOptions().setName("Eligibility")).check();
		claimStatus.check();
		save();
		assertThat(this.page.getByRole(AriaRole.STATUS)).containsText("The access of " + name + " was changed");
		assertAccessible();

		assertThat(this.access.accessOf(user)).containsExactly(new NpiAccess(npi, AccessRole.AU,
				EnumSet.of(ProviderFunction.ELIGIBILITY_BENEFITS, ProviderFunction.CLAIM_STATUS)));
		assertThat(SentMail.lastSubjectTo(this.jdbc, username + "@example.org"))
			.isEqualTo("Your Portico access was changed");
	}

	private void save() {
		this.page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Save access")).click();
	}

}
