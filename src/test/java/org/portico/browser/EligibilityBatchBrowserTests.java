package org.portico.browser;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import com.microsoft.playwright.Download;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.assertions.LocatorAssertions;
import com.microsoft.playwright.options.AriaRole;
import com.microsoft.playwright.options.FilePayload;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Batch eligibility in Chromium: the front desk uploads a file of members with good and
 * bad rows, watches it being checked and downloads the result.
 */
class EligibilityBatchBrowserTests extends BrowserTest {

	private static final String HEADER = "member_id,first_name,last_name,birth_date,date_of_service\n";

	private static final int REPEATS = 600;

	@Autowired
	JdbcClient jdbc;

	@Test
	void theFrontDeskUploadsAFileWatchesItsProgressAndDownloadsTheResult() throws IOException {
		List<Member> members = coveredMembers();
		Member byId = members.get(0);
		Member byName = members.get(1);
		signIn("frontdesk.demo");
		this.page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Eligibility & Benefits").setExact(true))
			.first()
			.click();
		this.page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Batch eligibility")).click();
		assertThat(heading()).hasText("Batch eligibility");
		assertThat(this.page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Batch eligibility")))
			.hasAttribute("aria-current", "page");
		assertAccessible();

		// A file that cannot be read as a whole is refused, naming the line.
		upload("members.csv", HEADER + byId.id() + ",,,,\n" + byId.id() + ",Ann\n");
		assertThat(this.page.getByRole(AriaRole.ALERT)).containsText("Line 3 has 2 values");
		assertAccessible();

		StringBuilder file = new StringBuilder(HEADER);
		for (int i = 0; i < REPEATS; i++) {
			file.append(byId.id()).append(",,,,\n");
			file.append(',').append(byName.firstName()).append(',').append(byName.lastName()).append(',');
			file.append(byName.birthDate()).append(",\n");
			file.append(byId.id()).append(",,,,1990-01-01\n");
			file.append("12345-01,,,,\n");
			file.append(",Nobody,Atall,1950-01-01,\n");
		}
		List<String> polled = new CopyOnWriteArrayList<>();
		this.page.onRequest((request) -> {
			if (request.url().endsWith("/progress")) {
				polled.add(request.url());
			}
		});
		upload("front-desk.csv", file.toString());
		this.page.waitForURL("**/eligibility/batches/*");
		assertThat(heading()).hasText("Batch eligibility");
		assertThat(this.page.getByText("front-desk.csv")).isVisible();
		Locator progress = this.page.getByLabel("Rows checked");
		assertThat(progress).hasAttribute("max", "3000");
		assertAccessible();

		LocatorAssertions.ContainsTextOptions patiently = new LocatorAssertions.ContainsTextOptions()
			.setTimeout(120_000);
		assertThat(this.page.locator("#batch-progress")).containsText("3,000 of 3,000 rows checked", patiently);
		assertThat(progress).hasAttribute("value", "3000");
		assertThat(this.page.locator("#batch-progress"))
			.containsText("Done: 1,200 covered, 600 not covered, 1,200 with errors.");
		assertThat(polled).as("the page asked for the progress while the file was checked").isNotEmpty();
		assertAccessible();

		Download download = this.page.waitForDownload(() -> this.page
			.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Download the result (CSV)"))
			.click());
		List<String> lines = Files.readAllLines(download.path(), StandardCharsets.UTF_8);
		assertThat(lines).hasSize(3001);
		assertThat(lines.get(0)).startsWith("\uFEFFline,member_id_entered,");
		assertThat(lines.get(1)).startsWith("2," + byId.id() + ",").contains(",COVERED," + byId.id() + ",");
		assertThat(lines.get(2)).startsWith("3,," + byName.firstName()).contains(",COVERED," + byName.id() + ",");
		assertThat(lines.get(3)).startsWith("4,").contains(",NOT COVERED,", "Not covered on 1990-01-01.");
		assertThat(lines.get(4)).startsWith("5,12345-01,")
			.contains(",ERROR,", "The member ID is not 9 digits and a 2-digit suffix");
		assertThat(lines.get(5)).startsWith("6,").contains(",ERROR,", "No member matches exactly");
		assertThat(lines.get(3000)).startsWith("3001,");

		// Back to the list: the batch is there with the time it is deleted.
		this.page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Check another file")).click();
		Locator row = this.page.getByRole(AriaRole.ROW)
			.filter(new Locator.FilterOptions().setHasText("front-desk.csv"));
		assertThat(row).containsText("Ready to download");
		assertThat(row).containsText(LocalDate.now(ZoneOffset.UTC).plusDays(1).toString());
		assertAccessible();
	}

	@Test
	void aFileOverTheLimitIsRefusedWithAClearMessage() {
		signIn("frontdesk.demo");
		this.page.navigate(url("/eligibility/batches"));
		Locator input = this.page.getByLabel("CSV file");
		input.setInputFiles(new FilePayload("huge.csv", "text/csv", new byte[6 * 1024 * 1024]));
		assertThat((String) input.evaluate("e => e.validationMessage")).contains("larger than 5 MB");
		// Without the script's check, the server says the same.
		this.page.locator("form[enctype='multipart/form-data']").evaluate("form => form.submit()");
		assertThat(this.page.getByRole(AriaRole.ALERT)).containsText("The file is larger than 5 MB");
		assertAccessible();
	}

	private void upload(String name, String content) {
		this.page.getByLabel("CSV file")
			.setInputFiles(new FilePayload(name, "text/csv", content.getBytes(StandardCharsets.UTF_8)));
		this.page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Upload and check")).click();
	}

	private Locator heading() {
		return this.page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setLevel(1));
	}

	private record Member(String id, String firstName, String lastName, LocalDate birthDate) {
	}

	/** Two members covered today whose names and birth dates no other member shares. */
	private List<Member> coveredMembers() {
		LocalDate today = LocalDate.now(ZoneOffset.UTC);
		return this.jdbc.sql("""
				SELECT m.subscriber_id || '-' || m.member_suffix, m.first_name, m.last_name, m.birth_date
				FROM members.member m
				JOIN members.coverage c ON c.subscriber_id = m.subscriber_id AND c.member_suffix = m.member_suffix
				WHERE c.effective_date <= ? AND (c.termination_date IS NULL OR c.termination_date >= ?)
				  AND NOT EXISTS (SELECT 1 FROM members.coverage o WHERE o.subscriber_id = m.subscriber_id
				       AND o.member_suffix = m.member_suffix AND o.effective_date <= ?)
				  AND m.first_name NOT LIKE '%,%' AND m.last_name NOT LIKE '%,%'
				  AND (SELECT COUNT(*) FROM members.member o WHERE o.search_first_name = m.search_first_name
				       AND o.search_last_name = m.search_last_name AND o.birth_date = m.birth_date) = 1
				ORDER BY m.subscriber_id DESC, m.member_suffix
				FETCH FIRST 2 ROWS ONLY
				""")
			.params(today, today, LocalDate.of(1990, 1, 1))
			.query((rs, row) -> new Member(rs.getString(1), rs.getString(2), rs.getString(3),
					rs.getObject(4, LocalDate.class)))
			.list();
	}

}
