package org.portico.browser;

import java.io.IOException;
import java.nio.file.Files;
import java.time.LocalDate;

import com.lowagie.text.pdf.PdfReader;
import com.lowagie.text.pdf.parser.PdfTextExtractor;
import com.microsoft.playwright.Download;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import org.assertj.core.api.Assertions;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

/**
 * Prior authorization in Chromium: an MRI whose smart sheet meets the criteria is
 * approved at once and its letter downloaded; one that does not is pended with its due
 * time, denied by the clinical reviewer with a reason, and the office reads the reason.
 */
class PriorAuthorizationBrowserTests extends BrowserTest {

	@Autowired
	JdbcClient jdbc;

	@Test
	void anMriMeetingTheCriteriaIsApprovedAtOnceAndItsLetterDownloads() throws IOException {
		String member = coveredMember(0);
		signIn("frontdesk.demo");
		this.page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Referrals & Authorizations"))
			.first()
			.click();
		this.page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Is authorization required?")).click();
		assertThat(heading()).hasText("Is authorization required?");
		this.page.getByLabel("Member ID").fill(member);
		this.page.getByLabel("Service", new Page.GetByLabelOptions().setExact(true)).selectOption("MRI-LUMBAR");
		this.page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Check")).click();
		assertThat(this.page.getByRole(AriaRole.STATUS)).containsText("Prior authorization is required");
		assertAccessible();
		this.page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Request prior authorization")).click();

		assertThat(heading()).hasText("Request prior authorization");
		assertThat(this.page.getByLabel("Member ID")).hasValue(member);
		fillTheRequest(member);
		answerTheLumbarSheet("Pain radiating down the leg, or numbness or weakness in the leg", "8");
		assertAccessible();
		submit();

		assertThat(heading()).containsText("Prior authorization PA-");
		String tracking = heading().textContent().replace("Prior authorization ", "").strip();
		assertThat(this.page.getByRole(AriaRole.STATUS).first())
			.containsText("Approved. The authorization number is " + tracking);
		assertAccessible();
		Download download = this.page.waitForDownload(() -> this.page
			.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Download the decision letter (PDF)"))
			.click());
		Assertions.assertThat(download.suggestedFilename()).isEqualTo("decision-" + tracking + ".pdf");
		String text = pdfText(Files.readAllBytes(download.path()));
		Assertions.assertThat(text)
			.contains("Prior authorization decision", tracking, member, "The service is approved as described below");
	}

	@Test
	void anMriNotMeetingTheCriteriaWaitsWithItsDueTimeThenTheReviewersReasonReachesTheOffice() {
		String member = coveredMember(1);
		signIn("frontdesk.demo");
		this.page.navigate(url("/authorizations/prior/new"));
		this.page.getByLabel("Service", new Page.GetByLabelOptions().setExact(true)).selectOption("MRI-LUMBAR");
		this.page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Continue")).click();
		fillTheRequest(member);
		submit();
		assertThat(this.page.getByRole(AriaRole.ALERT))
			.containsText("Answer the question: What best describes the main finding?");
		assertAccessible();
		answerTheLumbarSheet("Back pain only, without leg symptoms", "2");
		submit();

		assertThat(heading()).containsText("Prior authorization PA-");
		String tracking = heading().textContent().replace("Prior authorization ", "").strip();
		assertThat(this.page.getByRole(AriaRole.STATUS).first()).containsText("Sent for clinical review");
		assertThat(this.page.getByRole(AriaRole.STATUS).first()).containsText("A decision is due by");
		assertAccessible();

		this.context.clearCookies();
		signIn("reviewer.staff");
		this.page.navigate(url("/staff/reviews/" + tracking));
		assertThat(this.page.getByText("Pain radiating down the leg").or(this.page.getByText("Back pain only")).first())
			.isVisible();
		this.page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Take this request")).click();
		this.page.getByLabel("Reason", new Page.GetByLabelOptions().setExact(true))
			.selectOption("NOT_MEDICALLY_NECESSARY");
		this.page.getByLabel("Explanation for the provider").fill("Six weeks of physical therapy first, please.");
		this.page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Deny").setExact(true)).click();

		this.context.clearCookies();
		signIn("frontdesk.demo");
		this.page.navigate(url("/authorizations/prior/" + tracking));
		assertThat(this.page.getByRole(AriaRole.STATUS).first()).containsText("Denied.");
		assertThat(this.page.getByRole(AriaRole.STATUS).first())
			.containsText("Not medically necessary under the plan's clinical criteria");
		assertThat(this.page.getByRole(AriaRole.STATUS).first())
			.containsText("Six weeks of physical therapy first, please.");
		assertAccessible();
	}

	private void fillTheRequest(String member) {
		String requesting = this.page.getByLabel("Requesting provider").inputValue();
		this.page.getByLabel("Servicing provider or facility").fill(requesting);
		this.page.getByLabel("Member ID").fill(member);
		this.page.getByLabel("Last date of service").fill(LocalDate.now().plusDays(30).toString());
	}

	private void answerTheLumbarSheet(String indication, String weeks) {
		this.page.getByRole(AriaRole.GROUP, new Page.GetByRoleOptions().setName("Does the member have a red-flag sign"))
			.getByLabel("No")
			.check();
		this.page.getByLabel("How many weeks of conservative treatment").fill(weeks);
		this.page.getByLabel(indication).check();
		this.page.getByLabel("Date of the last office examination for this problem")
			.fill(LocalDate.now().minusDays(4).toString());
	}

	private void submit() {
		this.page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Submit request")).click();
	}

	private Locator heading() {
		return this.page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setLevel(1));
	}

	/** A commercial member covered today and for two more months; the nth such. */
	private String coveredMember(int nth) {
		return this.jdbc.sql("""
				SELECT c.subscriber_id || '-' || c.member_suffix FROM members.coverage c
				JOIN members.product p ON p.code = c.product_code
				WHERE p.line_of_business = 'COMMERCIAL' AND c.effective_date <= CURRENT_DATE
				  AND (c.termination_date IS NULL OR c.termination_date >= CURRENT_DATE + 60)
				ORDER BY c.subscriber_id, c.member_suffix OFFSET ? ROWS FETCH FIRST 1 ROWS ONLY
				""").param(nth).query(String.class).single();
	}

	private static String pdfText(byte[] pdf) throws IOException {
		PdfReader reader = new PdfReader(pdf);
		PdfTextExtractor extractor = new PdfTextExtractor(reader);
		StringBuilder text = new StringBuilder();
		for (int p = 1; p <= reader.getNumberOfPages(); p++) {
			text.append(extractor.getTextFromPage(p)).append('\n');
		}
		return text.toString();
	}

}
