package org.portico.browser;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.LocalDate;

import com.lowagie.text.pdf.PdfReader;
import com.lowagie.text.pdf.parser.PdfTextExtractor;
import com.microsoft.playwright.Download;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import org.assertj.core.api.Assertions;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

/**
 * The front desk's most frequent task in Chromium: find a member each of the seeds' ways
 * and read the Eligibility & Benefits report.
 */
class EligibilityBrowserTests extends BrowserTest {

	@Autowired
	JdbcClient jdbc;

	@Test
	void eachWayToFindAMemberLeadsToTheirReport() {
		Family f = coveredFamily();
		signIn("frontdesk.demo");
		this.page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Eligibility & Benefits").setExact(true))
			.first()
			.click();
		assertThat(heading()).hasText("Eligibility & Benefits");
		assertAccessible();

		this.page.getByLabel("First name").fill(f.firstName().toUpperCase());
		this.page.getByLabel("Last name").fill(f.lastName());
		this.page.getByLabel("Date of birth").fill(f.birthDate().toString());
		this.page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Search")).click();
		assertThat(heading()).hasText(f.firstName() + " " + f.lastName());
		assertThat(this.page.getByRole(AriaRole.STATUS)).containsText("Covered on " + LocalDate.now());
		assertThat(
				this.page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Benefits").setExact(true)))
			.isVisible();
		assertAccessible();

		downloadsTheReportAsPdf(f);

		this.page.getByLabel("Check another date of service").fill("1990-01-01");
		this.page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Check")).click();
		assertThat(this.page.getByRole(AriaRole.STATUS)).containsText("Not covered on 1990-01-01");

		this.page.navigate(url("/eligibility"));
		this.page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Member ID")).click();
		this.page.getByLabel("Member ID").fill("12345-01");
		this.page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Search")).click();
		assertThat(this.page.getByRole(AriaRole.ALERT)).containsText("9 digits and a 2-digit suffix");
		assertAccessible();
		this.page.getByLabel("Member ID").fill(f.subscriberId() + f.suffix());
		this.page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Search")).click();
		assertThat(heading()).hasText(f.firstName() + " " + f.lastName());
		downloadsTheReportAsPdf(f);

		this.page.navigate(url("/eligibility"));
		this.page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Subscriber ID (family)")).click();
		this.page.getByLabel("Subscriber ID").fill(f.subscriberId());
		this.page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Search")).click();
		assertThat(heading()).hasText("Choose the member");
		assertAccessible();
		this.page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName(f.firstName() + " " + f.lastName()))
			.click();
		assertThat(heading()).hasText(f.firstName() + " " + f.lastName());
		downloadsTheReportAsPdf(f);
	}

	/** The report's PDF, as the browser saves it: a PDF with the member's report. */
	private void downloadsTheReportAsPdf(Family f) {
		Download download = this.page.waitForDownload(
				() -> this.page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Download as PDF"))
					.click());
		Assertions.assertThat(download.suggestedFilename())
			.startsWith("eligibility-" + f.subscriberId() + "-" + f.suffix())
			.endsWith(".pdf");
		try {
			byte[] pdf = Files.readAllBytes(download.path());
			Assertions.assertThat(new String(pdf, 0, 5, StandardCharsets.US_ASCII)).isEqualTo("%PDF-");
			String text = new PdfTextExtractor(new PdfReader(pdf)).getTextFromPage(1);
			Assertions.assertThat(text).contains(f.firstName() + " " + f.lastName(), "Covered on");
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	@Test
	void theSaaChangesAMembersPcpFromTheReport() {
		LocalDate effective = LocalDate.now().withDayOfMonth(1).plusMonths(1);
		String[] m = this.jdbc
			.sql("""
					SELECT c.subscriber_id || '-' || c.member_suffix, MIN(p.npi)
					FROM members.coverage c
					JOIN members.product d ON d.code = c.product_code
					JOIN providers.network_participation n ON n.product_code = c.product_code
					JOIN providers.provider p ON p.npi = n.npi
					WHERE d.pcp_required AND c.effective_date <= ? AND (c.termination_date IS NULL OR c.termination_date >= ?)
					  AND n.effective_date <= ? AND (n.termination_date IS NULL OR n.termination_date >= ?)
					  AND p.entity_type = '1' AND p.accepting_new_patients
					  AND p.specialty_code IN ('207Q00000X', '207R00000X', '208000000X')
					  AND NOT EXISTS (SELECT 1 FROM members.pcp_change x
					                  WHERE x.subscriber_id = c.subscriber_id AND x.member_suffix = c.member_suffix)
					  AND p.npi NOT IN (SELECT a.pcp_npi FROM members.pcp_assignment a
					                    WHERE a.subscriber_id = c.subscriber_id AND a.member_suffix = c.member_suffix)
					GROUP BY c.subscriber_id, c.member_suffix
					ORDER BY c.subscriber_id, c.member_suffix
					FETCH FIRST 1 ROWS ONLY
					""")
			.params(effective, effective, effective, effective)
			.query((rs, row) -> new String[] { rs.getString(1), rs.getString(2) })
			.single();
		signIn("saa.demo");
		this.page.navigate(url("/eligibility?way=ID"));
		this.page.getByLabel("Member ID").fill(m[0]);
		this.page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Search")).click();
		this.page.getByLabel("NPI of the new PCP").fill("1234567890");
		this.page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Change the PCP")).click();
		assertThat(this.page.getByRole(AriaRole.ALERT)).containsText("That is not an NPI");
		assertAccessible();
		this.page.getByLabel("NPI of the new PCP").fill(m[1]);
		this.page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Change the PCP")).click();
		assertThat(this.page.getByRole(AriaRole.STATUS)
			.filter(new com.microsoft.playwright.Locator.FilterOptions().setHasText("Confirmation number")))
			.containsText("the PCP changes to NPI " + m[1] + " on " + effective);
		assertThat(this.page.getByLabel("NPI of the new PCP")).hasCount(0);
		assertAccessible();
	}

	private com.microsoft.playwright.Locator heading() {
		return this.page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setLevel(1));
	}

	private record Family(String subscriberId, String suffix, String firstName, String lastName, LocalDate birthDate) {
	}

	/**
	 * A member covered today, in a family of several, whose name and birth date are
	 * unique.
	 */
	private Family coveredFamily() {
		return this.jdbc
			.sql("""
					SELECT m.subscriber_id, m.member_suffix, m.first_name, m.last_name, m.birth_date
					FROM members.member m
					JOIN members.coverage c ON c.subscriber_id = m.subscriber_id AND c.member_suffix = m.member_suffix
					WHERE c.effective_date <= CURRENT_DATE AND (c.termination_date IS NULL OR c.termination_date >= CURRENT_DATE)
					  AND (SELECT COUNT(*) FROM members.member f WHERE f.subscriber_id = m.subscriber_id) > 1
					  AND (SELECT COUNT(*) FROM members.member o WHERE o.search_first_name = m.search_first_name
					       AND o.search_last_name = m.search_last_name AND o.birth_date = m.birth_date) = 1
					ORDER BY m.subscriber_id DESC, m.member_suffix
					FETCH FIRST 1 ROWS ONLY
					""")
			.query((rs, row) -> new Family(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
					rs.getObject(5, LocalDate.class)))
			.single();
	}

}
