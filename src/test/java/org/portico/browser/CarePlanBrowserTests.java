package org.portico.browser;

import java.nio.file.Files;
import java.time.LocalDate;
import java.util.List;

import com.microsoft.playwright.Download;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import org.junit.jupiter.api.Test;

import org.portico.access.AccessApi;
import org.portico.access.ProviderFunction;
import org.portico.identity.Accounts;
import org.portico.identity.PorticoUser;
import org.portico.providers.Npi;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A PCP's office opens a Unify member's care plans from the Eligibility & Benefits
 * report, reads the current plan and downloads it as a PDF.
 */
class CarePlanBrowserTests extends BrowserTest {

	@Autowired
	JdbcClient jdbc;

	@Autowired
	Accounts accounts;

	@Autowired
	AccessApi access;

	@Test
	void thePcpsOfficeReadsAndDownloadsAUnifyMembersCarePlan() throws Exception {
		Patient p = unifyPatientOfTheSaasPractice();
		signIn("saa.demo");
		this.page.navigate(url("/eligibility?way=ID"));
		this.page.getByLabel("Provider you are acting for").selectOption(p.pcpNpi());
		this.page.getByLabel("Member ID").fill(p.memberId());
		this.page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Search")).click();
		assertThat(heading()).hasText(p.name());

		this.page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("See the care plans")).click();
		assertThat(heading()).hasText("Care plans of " + p.name());
		assertThat(this.page.getByRole(AriaRole.TABLE)).containsText("Current");
		assertAccessible();

		String current = "Person-centered care plan, version " + p.currentVersion();
		this.page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName(current).setExact(true)).click();
		assertThat(heading()).hasText(current);
		assertThat(this.page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Care team"))).isVisible();
		assertThat(this.page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Print"))).isVisible();
		assertAccessible();

		Download download = this.page.waitForDownload(
				() -> this.page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Download as PDF"))
					.click());
		assertThat(download.suggestedFilename()).startsWith("care-plan-" + p.memberId()).endsWith(".pdf");
		byte[] pdf = Files.readAllBytes(download.path());
		assertThat(new String(pdf, 0, 5, java.nio.charset.StandardCharsets.US_ASCII)).isEqualTo("%PDF-");
		com.lowagie.text.pdf.PdfReader reader = new com.lowagie.text.pdf.PdfReader(pdf);
		assertThat(new com.lowagie.text.pdf.parser.PdfTextExtractor(reader).getTextFromPage(1)).contains(p.name(),
				current);
	}

	@Test
	void anotherOfThePracticesProvidersIsToldWhoCarePlansOpenTo() {
		Patient p = unifyPatientOfTheSaasPractice();
		signIn("saa.demo");
		this.page.navigate(url("/eligibility?way=ID"));
		this.page.getByLabel("Member ID").fill(p.memberId());
		this.page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Search")).click();
		assertThat(heading()).hasText(p.name());
		this.page.navigate(url("/eligibility/members/" + p.memberId() + "/care-plans?npi=" + p.notTreatingNpi()));
		assertThat(heading()).hasText("Care plans open only to the member's treating providers");
		assertAccessible();
	}

	private com.microsoft.playwright.Locator heading() {
		return this.page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setLevel(1));
	}

	private record Patient(String memberId, String name, String pcpNpi, int currentVersion, String notTreatingNpi) {
	}

	/**
	 * A Unify member covered today whose PCP is one of saa.demo's practice, and another
	 * NPI of the practice with no claim for them in the last 12 months.
	 */
	private Patient unifyPatientOfTheSaasPractice() {
		LocalDate today = LocalDate.now();
		PorticoUser saa = (PorticoUser) this.accounts.loadUserByUsername("saa.demo");
		List<String> practice = this.access.npisFor(saa.accountId(), ProviderFunction.CARE_PLANS)
			.stream()
			.map(Npi::value)
			.sorted()
			.toList();
		return this.jdbc
			.sql("""
					SELECT m.subscriber_id || '-' || m.member_suffix, m.first_name || ' ' || m.last_name, a.pcp_npi, k.version
					FROM members.member m
					JOIN members.coverage c ON c.subscriber_id = m.subscriber_id AND c.member_suffix = m.member_suffix
					JOIN members.product p ON p.code = c.product_code
					JOIN members.pcp_assignment a ON a.subscriber_id = m.subscriber_id AND a.member_suffix = m.member_suffix
					JOIN members.care_plan k ON k.subscriber_id = m.subscriber_id AND k.member_suffix = m.member_suffix
					WHERE p.has_care_plans AND c.effective_date <= ? AND (c.termination_date IS NULL OR c.termination_date >= ?)
					  AND a.effective_date <= ? AND (a.termination_date IS NULL OR a.termination_date >= ?)
					  AND k.kind = 'PERSON_CENTERED' AND k.status = 'CURRENT'
					ORDER BY m.subscriber_id, m.member_suffix
					""")
			.params(today, today, today, today)
			.query((rs, row) -> new String[] { rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4) })
			.list()
			.stream()
			.filter((r) -> practice.contains(r[2]))
			.map((r) -> new Patient(r[0], r[1], r[2], Integer.parseInt(r[3]), notTreating(r[0], r[2], practice)))
			.findFirst()
			.orElseThrow();
	}

	private String notTreating(String memberId, String pcp, List<String> practice) {
		List<String> treating = this.jdbc
			.sql("""
					SELECT billing_npi FROM claims.claim WHERE subscriber_id || '-' || member_suffix = ? AND service_from >= ?
					UNION SELECT rendering_npi FROM claims.claim WHERE subscriber_id || '-' || member_suffix = ? AND service_from >= ?
					""")
			.params(memberId, LocalDate.now().minusMonths(12), memberId, LocalDate.now().minusMonths(12))
			.query(String.class)
			.list();
		return practice.stream().filter((n) -> !n.equals(pcp) && !treating.contains(n)).findFirst().orElseThrow();
	}

}
