package org.portico.browser;

import java.nio.file.Files;
import java.util.ArrayDeque;
import java.util.Deque;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import com.deque.html.axecore.playwright.AxeBuilder;
import com.deque.html.axecore.results.AxeResults;
import com.deque.html.axecore.results.Rule;
import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import com.microsoft.playwright.options.AriaRole;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;

import org.portico.RunningPortalTest;
import org.portico.identity.TestAuthenticator;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Runs the portal on a random port and drives it with Chromium: Debian's
 * /usr/bin/chromium where it is installed, Playwright's own browser elsewhere.
 */
abstract class BrowserTest extends RunningPortalTest {

	private static final Path SYSTEM_CHROMIUM = Path.of("/usr/bin/chromium");

	private static Playwright playwright;

	private static Browser browser;

	private static final Map<String, Deque<String>> RECOVERY_CODES = new ConcurrentHashMap<>();

	BrowserContext context;

	Page page;

	@BeforeAll
	static void launchBrowser() {
		playwright = Playwright.create(new Playwright.CreateOptions()
			.setEnv(Map.of("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", Files.exists(SYSTEM_CHROMIUM) ? "1" : "0")));
		BrowserType.LaunchOptions options = new BrowserType.LaunchOptions().setHeadless(true)
			.setArgs(List.of("--no-sandbox", "--disable-gpu", "--disable-background-networking",
					"--disable-component-update", "--disable-sync", "--no-first-run"));
		if (Files.exists(SYSTEM_CHROMIUM)) {
			options.setExecutablePath(SYSTEM_CHROMIUM);
		}
		browser = playwright.chromium().launch(options);
	}

	@AfterAll
	static void closeBrowser() {
		if (browser != null) {
			browser.close();
		}
		if (playwright != null) {
			playwright.close();
		}
	}

	@BeforeEach
	void openPage() {
		this.context = browser.newContext();
		this.page = this.context.newPage();
	}

	@AfterEach
	void closePage() {
		this.context.close();
	}

	void signIn(String username) {
		signIn(username, DEMO_PASSWORD);
	}

	void signIn(String username, String password) {
		signIn(this.page, username, password);
	}

	/**
	 * Signs in through the login page. An account without a second factor sets up an
	 * authenticator app on the way, as every new account must; its recovery codes are
	 * kept here and used, one per sign-in, for its later second steps.
	 */
	void signIn(Page page, String username, String password) {
		page.navigate(url("/login"));
		page.getByLabel("Username").fill(username);
		page.getByLabel("Password").fill(password);
		page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Sign in").setExact(true)).click();
		page.waitForSelector("nav.main-nav, #set-up-app, input[autocomplete=one-time-code]");
		if (page.locator("#set-up-app").count() > 0) {
			page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Use an authenticator app")).click();
			String key = page.locator("#totp-secret").textContent();
			page.getByLabel("Six-digit code from your app").fill(TestAuthenticator.currentCode(key));
			page.getByLabel("Current password").fill(password);
			page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Turn on two-step sign-in")).click();
			RECOVERY_CODES.put(username, new ArrayDeque<>(page.locator(".codes code").allTextContents()));
			page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Go to the home page")).click();
		}
		else if (page.locator("nav.main-nav").count() == 0) {
			Deque<String> codes = RECOVERY_CODES.get(username);
			assertThat(codes).as("recovery codes of " + username).isNotEmpty();
			page.getByLabel("Code", new Page.GetByLabelOptions().setExact(true)).fill(codes.pop());
			page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Continue")).click();
		}
		page.waitForSelector("nav.main-nav");
		// The element can be there before the stylesheet applies: wait for the whole
		// page.
		page.waitForLoadState(com.microsoft.playwright.options.LoadState.LOAD);
	}

	/** Checks the page against WCAG 2.1 A and AA with axe-core. */
	void assertAccessible() {
		AxeResults results = new AxeBuilder(this.page).withTags(List.of("wcag2a", "wcag2aa", "wcag21a", "wcag21aa"))
			.analyze();
		assertThat(results.getViolations()).as(() -> this.page.url() + ": " + describe(results.getViolations()))
			.isEmpty();
	}

	private static String describe(List<Rule> violations) {
		StringBuilder text = new StringBuilder();
		for (Rule rule : violations) {
			text.append(rule.getId()).append(" (").append(rule.getHelp()).append(") at ");
			rule.getNodes().forEach((n) -> text.append(n.getTarget()).append(' '));
			text.append("; ");
		}
		return text.toString();
	}

}
