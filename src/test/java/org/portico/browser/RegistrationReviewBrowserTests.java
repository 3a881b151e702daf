package org.portico.browser;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.UUID;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import org.junit.jupiter.api.Test;

import org.portico.access.RegisteringProvider;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

/**
 * A person who cannot be verified online sends their registration to Provider Services;
 * services.staff approves it after calling the office, and the person signs in.
 */
class RegistrationReviewBrowserTests extends BrowserTest {

	private static final String PASSWORD = "approved by provider services";

	@Autowired
	JdbcClient jdbc;

	@Test
	void servicesStaffApprovesAQueuedRequestAndTheRequesterSignsIn() {
		RegisteringProvider p = RegisteringProvider.nthFromLast(this.jdbc, 20);
		String username = "rq" + UUID.randomUUID().toString().substring(0, 8);
		String name = "Bea " + username;
		// Someone elsewhere failed to verify this NPI too often today: online
		// verification
		// is closed for it, whatever is typed.
		for (int i = 0; i < 5; i++) {
			this.jdbc.sql("INSERT INTO access.registration_attempt (client, npi, failed_at) VALUES (?, ?, ?)")
				.params("192.0.2.7", p.npi().value(), Timestamp.from(Instant.now()))
				.update();
		}
		this.page.navigate(url("/register/new"));
		fill(p, username, name);
		this.page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Register").setExact(true)).click();
		assertThat(this.page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setLevel(1)))
			.hasText("Ask Provider Services to verify you");
		assertThat(this.page.getByLabel("Username", new Page.GetByLabelOptions().setExact(true))).hasValue(username);
		assertAccessible();

		// Passwords are never sent back to the page: they are typed again.
		assertThat(this.page.getByLabel("New password", new Page.GetByLabelOptions().setExact(true))).isEmpty();
		this.page.getByLabel("Phone number for a call back").fill("(617) 555-0199");
		this.page.getByLabel("New password", new Page.GetByLabelOptions().setExact(true)).fill(PASSWORD);
		this.page.getByLabel("Type the new password again").fill(PASSWORD);
		this.page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Send to Provider Services")).click();
		assertThat(this.page.getByRole(AriaRole.STATUS)).containsText("We emailed a receipt to " + username);
		assertAccessible();

		signIn("services.staff");
		this.page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Registration requests")).click();
		assertThat(this.page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setLevel(1)))
			.hasText("Registration requests");
		assertAccessible();
		this.page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Review the request from " + name))
			.click();
		assertThat(this.page.getByText("(617) 555-0199")).isVisible();
		assertAccessible();
		this.page.getByLabel("I called the provider's office").check();
		this.page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Approve").setExact(true)).click();
		assertThat(this.page.getByRole(AriaRole.STATUS))
			.containsText("Approved: " + name + " can sign in now, as Senior Access Administrator");
		assertThat(this.page.getByRole(AriaRole.LINK,
				new Page.GetByRoleOptions().setName("Review the request from " + name)))
			.hasCount(0);
		this.page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Sign out")).click();

		signIn(username, PASSWORD);
		assertThat(this.page.getByRole(AriaRole.CELL, new Page.GetByRoleOptions().setName(p.npi().value())))
			.isVisible();
		assertThat(this.page.getByText("Senior Access Administrator").first()).isVisible();
	}

	private void fill(RegisteringProvider p, String username, String name) {
		this.page.getByLabel("NPI (10 digits)").fill(p.npi().value());
		this.page.getByLabel("The last four digits of the individual provider's SSN").check();
		this.page.getByLabel("Last four digits of the provider's SSN").fill(p.ssnLastFour());
		for (int i = 0; i < 2; i++) {
			RegisteringProvider.Claim claim = p.claims().get(i);
			this.page.locator("#claim" + (i + 1) + "Number").fill(claim.number());
			this.page.locator("#claim" + (i + 1) + "Date").fill(claim.date().toString());
			this.page.locator("#claim" + (i + 1) + "Billed").fill(claim.billed().toPlainString());
		}
		this.page.getByLabel("Name", new Page.GetByLabelOptions().setExact(true)).fill(name);
		this.page.getByLabel("Email address", new Page.GetByLabelOptions().setExact(true))
			.fill(username + "@example.org");
		this.page.getByLabel("Username", new Page.GetByLabelOptions().setExact(true)).fill(username);
		this.page.getByLabel("New password", new Page.GetByLabelOptions().setExact(true)).fill(PASSWORD);
		this.page.getByLabel("Type the new password again").fill(PASSWORD);
	}

}
