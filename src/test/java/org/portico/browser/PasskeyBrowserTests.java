package org.portico.browser;

import java.util.UUID;

import com.google.gson.JsonObject;
import com.microsoft.playwright.CDPSession;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.portico.audit.AuditLog;
import org.portico.identity.AccountId;
import org.portico.identity.Accounts;
import org.portico.identity.NewAccount;
import org.portico.notifications.SentMail;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Passkeys in Chromium, with the browser's virtual authenticator standing in for a phone
 * or a laptop's fingerprint reader: one set up as the second factor at the first sign-in,
 * then signing in with it alone, and managing it under Self Service.
 */
class PasskeyBrowserTests extends BrowserTest {

	private static final String PASSWORD = "passkey owner password";

	@Autowired
	Accounts accounts;

	@Autowired
	AuditLog audit;

	@Autowired
	JdbcClient jdbc;

	private String username;

	private AccountId account;

	@BeforeEach
	void openAccountAndAuthenticator() {
		this.username = "pk" + UUID.randomUUID().toString().substring(0, 8);
		this.account = this.accounts
			.openProviderAccount(new NewAccount(this.username, this.username + "@example.org", "Pat Key", PASSWORD));
		CDPSession cdp = this.context.newCDPSession(this.page);
		JsonObject enable = new JsonObject();
		enable.addProperty("enableUI", false);
		cdp.send("WebAuthn.enable", enable);
		JsonObject options = new JsonObject();
		options.addProperty("protocol", "ctap2");
		options.addProperty("transport", "internal");
		options.addProperty("hasResidentKey", true);
		options.addProperty("hasUserVerification", true);
		options.addProperty("isUserVerified", true);
		options.addProperty("automaticPresenceSimulation", true);
		JsonObject params = new JsonObject();
		params.add("options", options);
		cdp.send("WebAuthn.addVirtualAuthenticator", params);
	}

	@Test
	void aPasskeySetUpAtTheFirstSignInThenSignsInAlone() {
		typePassword(PASSWORD);
		assertThat(heading()).hasText("Protect your account");
		assertThat(this.page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("A passkey"))).isVisible();
		assertAccessible();
		this.page.getByLabel("Name this passkey").fill("Front desk PC");
		this.page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Add a passkey")).click();
		this.page.waitForSelector("nav.main-nav");
		assertThat(SentMail.lastSubjectTo(this.jdbc, this.username + "@example.org"))
			.isEqualTo("A passkey was added to your Portico account");
		signOut();

		this.page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Sign in with a passkey")).click();
		this.page.waitForSelector("nav.main-nav");
		assertThat(this.audit.recentByActor(this.username, 10))
			.anyMatch((r) -> r.action().equals("sign-in") && r.outcome().name().equals("SUCCESS"))
			.anyMatch((r) -> r.action().equals("mfa.passkey.add"));

		// Signed in without a password: adding a passkey needs the password typed again.
		Object status = this.page.evaluate("async () => (await fetch('/webauthn/register/options', { method: 'POST',"
				+ " headers: { [document.querySelector('meta[name=csrf-header]').content]:"
				+ " document.querySelector('meta[name=csrf-token]').content } })).status");
		assertThat(status).isEqualTo(403);
		Object removal = this.page
			.evaluate("async () => (await fetch('/webauthn/register/anything', { method: 'DELETE',"
					+ " headers: { [document.querySelector('meta[name=csrf-header]').content]:"
					+ " document.querySelector('meta[name=csrf-token]').content } })).status");
		assertThat(removal).isEqualTo(403);
		this.page.navigate(url("/self-service/passkeys"));
		assertThat(this.page.getByText("type your password again")).isVisible();
		assertAccessible();
		this.page.getByLabel("Current password").fill("not the password at all");
		this.page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Continue")).click();
		assertThat(this.page.getByRole(AriaRole.ALERT)).containsText("That password is not right");
		this.page.getByLabel("Current password").fill(PASSWORD);
		this.page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Continue")).click();
		assertThat(
				this.page.getByRole(AriaRole.CELL, new Page.GetByRoleOptions().setName("Front desk PC").setExact(true)))
			.isVisible();
		signOut();

		// With the password, the passkey is the second step.
		typePassword(PASSWORD);
		assertThat(heading()).hasText("Use your passkey");
		assertThat(this.page.getByLabel("Code", new Page.GetByLabelOptions().setExact(true))).hasCount(0);
		assertAccessible();
		this.page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Use your passkey")).click();
		this.page.waitForSelector("nav.main-nav");
		signOut();

		// A deactivated account cannot sign in with its passkey either.
		this.accounts.setEnabled(this.account, false, "test");
		this.page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Sign in with a passkey")).click();
		assertThat(this.page.getByRole(AriaRole.ALERT)).containsText("did not work");
		assertThat(this.page.locator("nav.main-nav")).hasCount(0);
		this.accounts.setEnabled(this.account, true, "test");
	}

	@Test
	void passkeysAreManagedUnderSelfServiceAfterTypingThePasswordAgain() {
		signIn(this.username, PASSWORD);
		this.page.navigate(url("/self-service"));
		this.page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Passkeys")).click();
		// Signing in with the password just now counts as typing it again.
		this.page.getByLabel("Name this passkey").fill("My phone");
		this.page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Add a passkey")).click();
		assertThat(this.page.getByRole(AriaRole.CELL, new Page.GetByRoleOptions().setName("My phone").setExact(true)))
			.isVisible();
		assertAccessible();

		this.page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Remove passkey My phone")).click();
		assertThat(this.page.getByRole(AriaRole.STATUS)).containsText("The passkey was removed");
		assertThat(this.page.getByText("You have no passkeys.")).isVisible();
		assertThat(this.audit.recentByActor(this.username, 10))
			.anyMatch((r) -> r.action().equals("mfa.passkey.remove"));
	}

	private void typePassword(String password) {
		this.page.navigate(url("/login"));
		this.page.getByLabel("Username").fill(this.username);
		this.page.getByLabel("Password").fill(password);
		this.page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Sign in").setExact(true)).click();
	}

	private void signOut() {
		this.page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Sign out")).click();
		this.page.waitForURL("**/login?signed-out");
	}

	private com.microsoft.playwright.Locator heading() {
		return this.page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setLevel(1));
	}

}
