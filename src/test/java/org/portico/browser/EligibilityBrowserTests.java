package org.portico.browser;

import java.time.LocalDate;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
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

		this.page.navigate(url("/eligibility"));
		this.page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Subscriber ID (family)")).click();
		this.page.getByLabel("Subscriber ID").fill(f.subscriberId());
		this.page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Search")).click();
		assertThat(heading()).hasText("Choose the member");
		assertAccessible();
		this.page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName(f.firstName() + " " + f.lastName()))
			.click();
		assertThat(heading()).hasText(f.firstName() + " " + f.lastName());
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
