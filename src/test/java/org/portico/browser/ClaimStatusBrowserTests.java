package org.portico.browser;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.LocalDate;

import com.microsoft.playwright.Download;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import org.junit.jupiter.api.Test;

import org.portico.access.AccessApi;
import org.portico.claims.ClaimsTestData;
import org.portico.claims.ClaimsTestData.Claim;
import org.portico.identity.Accounts;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The billing office's claim status journeys in Chromium: find claims each way, read a
 * claim, download it as a PDF, and follow its payment to the remittance.
 */
class ClaimStatusBrowserTests extends BrowserTest {

	@Autowired
	JdbcClient jdbc;

	@Autowired
	Accounts accounts;

	@Autowired
	AccessApi access;

	@Test
	void eachWayToFindClaimsLeadsToTheClaimItsPdfAndItsRemittance() throws Exception {
		ClaimsTestData data = new ClaimsTestData(this.jdbc, this.accounts, this.access);
		Claim c = data.paidClaimOf(data.payeeNpi("billing.demo"));
		signIn("billing.demo");
		this.page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Claims").setExact(true)).click();
		assertThat(heading()).hasText("Claims");
		assertAccessible();

		// By claim number, as typed from a remittance.
		this.page.getByLabel("Claim number").fill(c.number().substring(0, 4) + " " + c.number().substring(4));
		search();
		assertThat(heading()).hasText("Claim " + c.number());
		assertThat(this.page.getByText("Finalized: payment was made.")).isVisible();
		assertThat(this.page.getByText("CARC 45").first()).isVisible();
		assertAccessible();
		assertPdfDownloads(c);

		// Its payment, and every claim the payment paid.
		this.page.locator("#payment-heading ~ dl a").click();
		assertThat(heading()).containsText("Remittance for payment");
		assertThat(this.page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName(c.number()))).isVisible();
		assertAccessible();

		// By member ID and dates of service; a reversed range is explained first.
		this.page.navigate(url("/claims"));
		this.page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Member ID")).click();
		this.page.getByLabel("Member ID").fill(c.member().toString());
		dateField("From").fill(LocalDate.now().toString());
		dateField("To").fill(LocalDate.now().minusMonths(6).toString());
		search();
		assertThat(this.page.getByRole(AriaRole.ALERT)).containsText("The last date of service is before the first");
		assertAccessible();
		dateField("From").fill(c.serviceFrom().minusMonths(6).toString());
		dateField("To").fill(LocalDate.now().toString());
		search();
		assertThat(this.page.locator("#results-count")).containsText("Claims 1 to");
		assertAccessible();
		Locator billed = this.page.locator("th:has(#sort-BILLED)");
		this.page.locator("#sort-BILLED").click();
		assertThat(billed).hasAttribute("aria-sort", "descending");
		this.page.locator("#sort-BILLED").click();
		assertThat(billed).hasAttribute("aria-sort", "ascending");
		assertThat(this.page).hasURL(java.util.regex.Pattern.compile(".*sort=billed&dir=asc.*"));
		this.page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName(c.number())).click();
		assertThat(heading()).hasText("Claim " + c.number());
		assertPdfDownloads(c);

		// By provider and dates, paging through.
		this.page.navigate(url("/claims?way=NPI"));
		this.page.getByLabel("Provider", new Page.GetByLabelOptions().setExact(true)).selectOption(c.billingNpi());
		search();
		assertThat(this.page.locator("#results-count")).containsText("Claims 1 to 25 of");
		this.page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Next page")).click();
		assertThat(this.page.locator("#results-count")).containsText("Claims 26 to");
		assertAccessible();
		Locator listed = this.page.locator("#claim-results tbody tr td a").first();
		String number = listed.textContent();
		listed.click();
		assertThat(heading()).hasText("Claim " + number);
		assertPdfDownloads(number);

		// Free-form: whatever the office has.
		this.page.navigate(url("/claims?way=TEXT"));
		this.page.getByLabel("Search for").fill(c.lastName() + " paid $" + c.billed().toPlainString());
		search();
		assertThat(this.page.locator("#results-count")).containsText("Claims 1 to 1 of 1.");
		assertAccessible();
		this.page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName(c.number())).click();
		assertThat(heading()).hasText("Claim " + c.number());
		assertPdfDownloads(c);
	}

	private void assertPdfDownloads(Claim c) throws IOException {
		assertPdfDownloads(c.number());
	}

	private void assertPdfDownloads(String number) throws IOException {
		Download pdf = this.page.waitForDownload(
				() -> this.page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Download as PDF"))
					.click());
		assertThat(pdf.suggestedFilename()).isEqualTo("claim-" + number + ".pdf");
		assertThat(new String(Files.readAllBytes(pdf.path()), 0, 5, StandardCharsets.US_ASCII)).isEqualTo("%PDF-");
	}

	private Locator dateField(String label) {
		return this.page.getByLabel(label, new Page.GetByLabelOptions().setExact(true));
	}

	private void search() {
		this.page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Search").setExact(true)).click();
	}

	private Locator heading() {
		return this.page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setLevel(1));
	}

}
