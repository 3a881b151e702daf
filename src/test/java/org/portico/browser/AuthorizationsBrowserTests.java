package org.portico.browser;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.Set;
import java.util.stream.Collectors;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import com.microsoft.playwright.options.FilePayload;
import org.junit.jupiter.api.Test;

import org.portico.access.AccessApi;
import org.portico.access.ProviderFunction;
import org.portico.authorizations.AuthorizationsTestData;
import org.portico.authorizations.AuthorizationsTestData.Member;
import org.portico.identity.Accounts;
import org.portico.identity.PorticoUser;
import org.portico.providers.Npi;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The journeys of referrals and authorizations: a referral approved at once; one pended,
 * approved by a reviewer and seen by the office; an inpatient notification and its
 * duplicate; a behavioral health request with a file; the public figures.
 */
class AuthorizationsBrowserTests extends BrowserTest {

	@Autowired
	JdbcClient jdbc;

	@Autowired
	Accounts accounts;

	@Autowired
	AccessApi access;

	private Set<String> saaNpis() {
		PorticoUser saa = (PorticoUser) this.accounts.loadUserByUsername("saa.demo");
		return this.access.npisFor(saa.accountId(), ProviderFunction.REFERRALS_AUTHORIZATIONS)
			.stream()
			.map(Npi::value)
			.collect(Collectors.toSet());
	}

	private Locator heading(Page page) {
		return page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setLevel(1));
	}

	private void fillReferral(Page page, String referring, Member member, String specialist, int visits) {
		LocalDate today = LocalDate.now();
		page.navigate(url("/referrals"));
		page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Submit a referral")).click();
		assertThat(heading(page)).hasText("Submit a referral");
		page.getByLabel("Referring provider (the member's PCP)").selectOption(referring);
		page.getByLabel("Member ID").fill(member.id().toString());
		page.getByLabel("Specialist or facility NPI").fill(specialist);
		page.getByLabel("Specialty").selectOption("207RC0000X");
		page.getByLabel("Diagnosis (ICD-10-CM code)").fill("I10");
		page.getByLabel("Number of visits").fill(String.valueOf(visits));
		page.getByLabel("First date").fill(today.toString());
		page.getByLabel("Last date").fill(today.plusDays(60).toString());
	}

	@Test
	void aReferralFromThePcpIsApprovedAtOnce() {
		AuthorizationsTestData data = new AuthorizationsTestData(this.jdbc);
		Member member = data.memberWithPcpAmong(saaNpis(), 10);
		signIn("saa.demo");
		assertAccessibleAt("/referrals");
		fillReferral(this.page, member.pcpNpi(), member, data.specialistInNetwork(member.productCode(), 4), 4);
		assertAccessible();
		this.page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Submit referral")).click();
		assertThat(this.page.getByRole(AriaRole.STATUS)).containsText("Approved. Your referral number is REF-");
		assertThat(this.page.locator("dl.facts").first()).containsText("Essential (primary) hypertension");
		assertAccessible();
	}

	@Test
	void aPendedReferralIsApprovedByAReviewerAndTheOfficeSeesIt() {
		AuthorizationsTestData data = new AuthorizationsTestData(this.jdbc);
		Set<String> saaNpis = saaNpis();
		Member member = data.memberWithPcpAmong(data.pcpsOutsideTheUnitsOf(saaNpis), 1);
		signIn("saa.demo");
		fillReferral(this.page, saaNpis.iterator().next(), member, data.specialistInNetwork(member.productCode(), 5),
				2);
		this.page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Submit referral")).click();
		assertThat(this.page.getByRole(AriaRole.STATUS)).containsText("A clinical reviewer will decide by");
		assertThat(this.page.locator("main")).containsText("is not the member's PCP");
		assertAccessible();
		String number = heading(this.page).textContent().replaceAll(".*(REF-[0-9]{8}).*", "$1");

		try (BrowserContext reviewerContext = this.page.context().browser().newContext()) {
			Page reviewer = reviewerContext.newPage();
			signIn(reviewer, "reviewer.staff", DEMO_PASSWORD);
			reviewer.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Clinical review queue")).click();
			assertThat(heading(reviewer)).hasText("Clinical review queue");
			assertAccessible(reviewer);
			reviewer.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName(number)).click();
			assertThat(heading(reviewer)).hasText("Review of " + number);
			reviewer.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Take this request")).click();
			assertThat(reviewer.getByRole(AriaRole.STATUS)).containsText("You took this request.");
			assertAccessible(reviewer);
			reviewer.getByLabel("Units approved").fill("2");
			reviewer.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Approve").setExact(true)).click();
			assertThat(reviewer.getByRole(AriaRole.STATUS)).containsText("Approved; the provider was told by email.");
		}

		this.page.reload();
		assertThat(this.page.locator("dl.facts").first()).containsText("Approved");
		assertThat(this.page.locator("main")).containsText("by a clinical reviewer");
		assertAccessible();
	}

	@Test
	void anInpatientNotificationGetsItsNumberAndTheDuplicateTheSameNumber() {
		AuthorizationsTestData data = new AuthorizationsTestData(this.jdbc);
		Member member = data.memberWithPcpAmong(saaNpis(), 11);
		String attending = data.anyPractitioner();
		signIn("facility.demo");
		String first = reportAdmission(member, attending);
		assertThat(this.page.getByRole(AriaRole.STATUS)).containsText("Reported. The notification number is " + first);
		assertAccessible();
		String second = reportAdmission(member, attending);
		assertThat(second).isEqualTo(first);
		assertThat(this.page.getByRole(AriaRole.STATUS)).containsText("This admission was already reported");
		assertAccessible();
	}

	private String reportAdmission(Member member, String attending) {
		this.page.navigate(url("/referrals"));
		this.page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Inpatient notifications")).click();
		assertAccessible();
		this.page.getByLabel("Member ID").fill(member.id().toString());
		this.page.getByLabel("Admit date").fill(LocalDate.now().toString());
		this.page.getByLabel("Admit time").fill("08:15");
		this.page.getByLabel("Urgent").check();
		this.page.getByLabel("Admitting diagnosis (ICD-10-CM code)").fill("J44.9");
		this.page.getByLabel("Attending physician NPI").fill(attending);
		this.page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Report admission")).click();
		return heading(this.page).textContent().replaceAll(".*(IPN-[0-9]{8}).*", "$1");
	}

	@Test
	void aBehavioralHealthRequestWithAFileWaitsForReview() {
		AuthorizationsTestData data = new AuthorizationsTestData(this.jdbc);
		Member member = data.memberWithPcpAmong(saaNpis(), 12);
		LocalDate today = LocalDate.now();
		signIn("saa.demo");
		this.page.navigate(url("/referrals"));
		this.page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Behavioral health services request"))
			.click();
		assertAccessible();
		this.page.getByLabel("Requesting provider").selectOption(member.pcpNpi());
		this.page.getByLabel("Member ID").fill(member.id().toString());
		this.page.getByLabel("Partial hospitalization").check();
		this.page.getByLabel("Diagnosis (ICD-10-CM code)").fill("F41.1");
		this.page.getByLabel("Clinical information").fill("Panic attacks daily; outpatient therapy not enough.");
		this.page.getByLabel("Sessions or days asked for").fill("10");
		this.page.getByLabel("First date").fill(today.toString());
		this.page.getByLabel("Last date").fill(today.plusDays(14).toString());
		this.page.getByLabel("Attachments")
			.setInputFiles(new FilePayload("assessment.pdf", "application/pdf",
					"%PDF-1.4\n%%EOF\n".getBytes(StandardCharsets.US_ASCII)));
		this.page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Submit request")).click();
		assertThat(this.page.getByRole(AriaRole.STATUS)).containsText("A clinical reviewer will decide by");
		assertThat(this.page.locator("main")).containsText("assessment.pdf");
		assertAccessible();
	}

	@Test
	void thePublicFiguresAreReadableWithoutSigningIn() {
		this.page.navigate(url("/authorization-metrics"));
		assertThat(heading(this.page)).containsText("Prior authorization figures for");
		assertThat(this.page.locator("main")).containsText("Not tracked yet");
		assertAccessible();
	}

	private void assertAccessibleAt(String path) {
		this.page.navigate(url(path));
		assertAccessible();
	}

	private void assertAccessible(Page other) {
		Page mine = this.page;
		this.page = other;
		try {
			assertAccessible();
		}
		finally {
			this.page = mine;
		}
	}

}
