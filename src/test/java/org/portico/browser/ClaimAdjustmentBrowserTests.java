package org.portico.browser;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import com.microsoft.playwright.options.FilePayload;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.portico.access.AccessApi;
import org.portico.claims.ClaimsTestData;
import org.portico.claims.ClaimsTestData.Claim;
import org.portico.identity.Accounts;
import org.portico.notifications.SentMail;
import org.portico.platform.uploads.LocalClamd;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The billing office's claim adjustments in Chromium: a corrected claim, a payment
 * dispute with documents (an infected one refused), funds returned; and the claims staff
 * resolving a dispute, which the office then sees and is emailed about.
 */
class ClaimAdjustmentBrowserTests extends BrowserTest {

	private static final byte[] PDF = "%PDF-1.4\n1 0 obj << >> endobj\n%%EOF\n".getBytes(StandardCharsets.US_ASCII);

	private static final byte[] PNG = { (byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n', 0, 0, 0, 13, 'I', 'H', 'D',
			'R' };

	@Autowired
	JdbcClient jdbc;

	@Autowired
	Accounts accounts;

	@Autowired
	AccessApi access;

	@AfterEach
	void removeAddedCasesAndClaims() {
		for (String table : List.of("adjustment_attachment", "adjustment_case_event", "adjustment_case_line")) {
			this.jdbc
				.sql("DELETE FROM claims." + table
						+ " WHERE case_id IN (SELECT id FROM claims.adjustment_case WHERE claim_number LIKE '99%')")
				.update();
		}
		this.jdbc.sql("DELETE FROM claims.adjustment_case WHERE claim_number LIKE '99%'").update();
		data().removeAdded();
	}

	@Test
	void theBillingOfficeCorrectsAClaimFromItsPage() {
		String claim = paidClaim(1);
		signIn("billing.demo");
		this.page.navigate(url("/claims/" + claim));
		assertAccessible();
		this.page
			.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Correct, void, dispute or return funds"))
			.click();
		assertThat(this.page.getByRole(AriaRole.LINK,
				new Page.GetByRoleOptions().setName("Correct this claim").setExact(true)))
			.isInViewport();
		this.page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Correct this claim").setExact(true))
			.click();
		assertThat(heading()).hasText("Corrected claim");
		assertThat(this.page.getByLabel("Procedure code")).hasValue("99214");
		assertAccessible();

		// Nothing changed is explained, then the units are corrected.
		this.page.getByLabel("Reason").fill("Two units were given, one was billed.");
		send("Send the corrected claim");
		assertThat(this.page.getByRole(AriaRole.ALERT)).containsText("Nothing was changed on any line");
		assertAccessible();
		this.page.getByLabel("Units").fill("2");
		this.page.getByLabel("Billed amount").fill("500.00");
		send("Send the corrected claim");
		assertThat(heading()).containsText("Adjustment case ADJ-");
		assertThat(this.page.getByRole(AriaRole.STATUS).first()).containsText("Your request was sent");
		assertThat(this.page.locator("#case-status")).hasText("Submitted");
		assertThat(this.page.getByText("$500.00")).isVisible();
		assertAccessible();

		// The claim lists it, and the practice's list of cases too.
		this.page.navigate(url("/claims/" + claim));
		assertThat(this.page.locator("#requests-heading ~ ul").last()).containsText("Corrected claim, Submitted");
		this.page.navigate(url("/claims/adjustments"));
		assertThat(this.page.getByRole(AriaRole.TABLE)).containsText(claim);
		assertAccessible();
	}

	@Test
	void aPaymentDisputeTakesTwoDocumentsAndRefusesAnInfectedOne() {
		String claim = paidClaim(2);
		signIn("billing.demo");
		this.page.navigate(url("/claims/" + claim));
		this.page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Dispute the payment").setExact(true))
			.click();
		assertThat(heading()).hasText("Payment dispute");
		assertAccessible();
		this.page.getByLabel("What the dispute is about").selectOption("PAID_BELOW_CONTRACT");
		this.page.getByLabel("Why you disagree").fill("Paid below our contracted rate for 99214.");
		this.page.getByLabel("Supporting documents")
			.setInputFiles(new FilePayload[] { new FilePayload("contract.pdf", "application/pdf", PDF),
					new FilePayload("eob.pdf", "application/pdf", LocalClamd.infectedPdf()) });
		send("Send the dispute");
		assertThat(this.page.getByRole(AriaRole.ALERT))
			.containsText("The virus check found harmful content in eob.pdf");
		assertThat(this.page.getByLabel("Why you disagree")).hasValue("Paid below our contracted rate for 99214.");
		assertAccessible();
		assertThat(cases(claim)).isZero();

		this.page.getByLabel("Supporting documents")
			.setInputFiles(new FilePayload[] { new FilePayload("contract.pdf", "application/pdf", PDF),
					new FilePayload("remittance scan.png", "image/png", PNG) });
		send("Send the dispute");
		assertThat(heading()).containsText("Adjustment case ADJ-");
		Locator files = this.page.locator("#files-heading ~ ul");
		assertThat(files.getByRole(AriaRole.LINK)).hasCount(2);
		assertThat(files).containsText("contract.pdf");
		assertThat(files).containsText("remittance scan.png");
		assertAccessible();
	}

	@Test
	void theBillingOfficeReturnsFundsItWasOverpaid() {
		String claim = paidClaim(3);
		signIn("billing.demo");
		this.page.navigate(url("/claims/" + claim));
		this.page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Return funds").setExact(true)).click();
		assertThat(heading()).hasText("Return of funds");
		this.page.getByLabel("Amount to return").fill("200.00");
		this.page.getByLabel("Overpayment: the plan paid more").check();
		this.page.getByLabel("We will mail a refund check").check();
		send("Send the return of funds");
		assertThat(this.page.getByRole(AriaRole.ALERT)).containsText("more than the plan paid");
		// The field to correct says so, and the problem links to it.
		assertThat(this.page.getByLabel("Amount to return")).hasAttribute("aria-invalid", "true");
		assertThat(this.page.getByLabel("Amount to return")).hasAttribute("aria-describedby", "amount-hint problems");
		assertThat(this.page.getByRole(AriaRole.ALERT).getByRole(AriaRole.LINK)).hasAttribute("href", "#amount");
		assertAccessible();
		this.page.getByLabel("Amount to return").fill("45.50");
		send("Send the return of funds");
		assertThat(heading()).containsText("Adjustment case ADJ-");
		assertThat(this.page.getByText("$45.50")).isVisible();
		assertThat(this.page.getByText("We will mail a refund check")).isVisible();
		assertAccessible();
	}

	@Test
	void claimsStaffResolvesADisputeAndTheOfficeSeesTheNewStatusAndIsEmailed() {
		String claim = paidClaim(4);
		Page office = this.context.browser().newContext().newPage();
		signIn(office, "billing.demo", DEMO_PASSWORD);
		office.navigate(url("/claims/" + claim + "/adjustments/new?type=PAYMENT_DISPUTE"));
		office.getByLabel("What the dispute is about").selectOption("DENIED_IN_ERROR");
		office.getByLabel("Why you disagree").fill("The second line was denied as a duplicate; it was not.");
		office.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Send the dispute")).click();
		String tracking = office.locator("h1").textContent().replace("Adjustment case ", "").strip();

		signIn("claims.staff");
		this.page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Claim adjustment cases")).click();
		assertThat(heading()).hasText("Claim adjustment cases");
		assertAccessible();
		this.page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName(tracking)).click();
		assertThat(heading()).hasText("Adjustment case " + tracking);
		assertAccessible();
		send("Take this case");
		assertThat(this.page.locator("#case-status")).hasText("In review");
		assertAccessible();
		this.page.getByLabel("Resolved: denied").check();
		send("Resolve the case");
		assertThat(this.page.getByRole(AriaRole.ALERT)).containsText("Say why the request is denied");
		this.page.getByLabel("Resolved: approved").check();
		this.page.getByLabel("Reason", new Page.GetByLabelOptions().setExact(true))
			.fill("Reprocessed: line 2 will be paid.");
		send("Resolve the case");
		assertThat(this.page.locator("#case-status")).hasText("Resolved: approved");
		assertThat(this.page.getByText("Work the case")).hasCount(0);

		office.reload();
		assertThat(office.locator("#case-status")).hasText("Resolved: approved");
		assertThat(office.getByText("Reprocessed: line 2 will be paid.").first()).isVisible();
		assertThat(SentMail.lastSubjectTo(this.jdbc, "billing.demo@example.org"))
			.isEqualTo("Claim adjustment " + tracking + ": resolved: approved");
		assertThat(SentMail.lastBodyTo(this.jdbc, "billing.demo@example.org"))
			.contains("/claims/adjustments/" + tracking)
			.doesNotContain(claim);
		office.context().close();
	}

	private ClaimsTestData data() {
		return new ClaimsTestData(this.jdbc, this.accounts, this.access);
	}

	/**
	 * A paid claim of billing.demo's practice, 20 days old: billed 250.00, paid 180.00.
	 */
	private String paidClaim(int n) {
		ClaimsTestData data = data();
		String payee = data.payeeNpi("billing.demo");
		Claim some = data.paidClaimOf(payee);
		String number = "9900000004" + String.format("%02d", n);
		data.addClaim(9_000_000_000_400L + n, number, "1", null, some.member(), some.firstName(), some.lastName(),
				payee, some.renderingNpi(), payee, LocalDate.now().minusDays(20), new BigDecimal("250.00"),
				new BigDecimal("180.00"), null);
		return number;
	}

	private int cases(String claim) {
		return this.jdbc.sql("SELECT COUNT(*) FROM claims.adjustment_case WHERE claim_number = ?")
			.param(claim)
			.query(Integer.class)
			.single();
	}

	private void send(String button) {
		this.page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName(button)).click();
		this.page.waitForLoadState();
	}

	private Locator heading() {
		return this.page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setLevel(1));
	}

}
