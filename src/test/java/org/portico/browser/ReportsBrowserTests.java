package org.portico.browser;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.List;
import java.util.Map;

import com.microsoft.playwright.Download;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import org.junit.jupiter.api.Test;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A provider unit's user opens each report of their unit: the chart and the table show
 * the same numbers, the page passes axe-core, and the CSV and PDF downloads carry the
 * table's numbers. Another unit's report is not found.
 */
class ReportsBrowserTests extends BrowserTest {

	@Test
	void aUnitsUserOpensEachReportAndItsChartTableAndExportsAgree() throws Exception {
		signIn("unit.demo");
		this.page.navigate(url("/reports"));
		assertThat(this.page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Reports"))).isVisible();
		assertAccessible();
		Locator unitRow = this.page.locator("tbody tr").filter(new Locator.FilterOptions().setHasText("provider unit"));
		assertThat(unitRow).hasCount(1);

		for (String report : List.of("PCP panel roster", "Claims summary", "Clinical quality",
				"Referrals and authorizations")) {
			this.page.navigate(url("/reports"));
			this.page.locator("tbody tr")
				.filter(new Locator.FilterOptions().setHasText("provider unit"))
				.getByRole(AriaRole.LINK, new Locator.GetByRoleOptions().setName(report).setExact(false))
				.click();
			assertThat(this.page.locator("h1")).containsText(report);
			assertThat(this.page.getByRole(AriaRole.STATUS).first()).containsText("computed");
			assertThat(this.page.locator("svg[role=img] title").first()).not().isEmpty();
			chartAgreesWithTable();
			assertAccessible();

			String firstTable = this.page.locator("table").first().innerText();
			List<String> firstRow = this.page.locator("table")
				.first()
				.locator("tbody tr")
				.first()
				.locator("th, td")
				.allInnerTexts();
			Download csv = this.page.waitForDownload(
					() -> this.page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Download as CSV"))
						.click());
			assertThat(csv.suggestedFilename()).endsWith(".csv");
			String text = Files.readString(csv.path(), StandardCharsets.UTF_8);
			assertThat(text).contains(String.join(",", firstRow.stream().map(ReportsBrowserTests::csv).toList()));

			Download pdf = this.page.waitForDownload(
					() -> this.page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Download as PDF"))
						.click());
			byte[] bytes = Files.readAllBytes(pdf.path());
			com.lowagie.text.pdf.PdfReader reader = new com.lowagie.text.pdf.PdfReader(bytes);
			StringBuilder all = new StringBuilder();
			for (int p = 1; p <= reader.getNumberOfPages(); p++) {
				all.append(new com.lowagie.text.pdf.parser.PdfTextExtractor(reader).getTextFromPage(p)).append('\n');
			}
			String pdfText = all.toString().replaceAll("\\s+", " ");
			for (String cell : firstRow) {
				assertThat(pdfText).as(report + " PDF holds " + cell + " of " + firstTable).contains(cell);
			}
		}

		this.page.navigate(url("/reports/unit-2/roster"));
		assertThat(this.page.locator("h1")).not().containsText("PCP panel roster");
	}

	@Test
	void theClinicalQualityPageDefinesEveryMeasureAndDrillsDownToMembers() {
		signIn("unit.demo");
		this.page.navigate(url("/reports"));
		this.page.locator("tbody tr")
			.filter(new Locator.FilterOptions().setHasText("provider unit"))
			.getByRole(AriaRole.LINK, new Locator.GetByRoleOptions().setName("Clinical quality").setExact(false))
			.click();
		for (String measure : List.of("HbA1c testing", "Eye exam", "Breast cancer screening",
				"Colorectal cancer screening", "Flu vaccine")) {
			assertThat(this.page.locator("dl.facts")).containsText(measure);
		}
		assertThat(this.page.locator("dl.facts")).containsText("E11.9");
		this.page.getByLabel("Care gap for the monthly trend").selectOption("breast-cancer-screening");
		this.page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Show")).click();
		assertThat(this.page.locator("#trend-table caption")).containsText("Breast cancer screening");
		chartAgreesWithTable();
		Locator drill = this.page.locator("section a[href*='/open/']").first();
		drill.click();
		assertThat(this.page.locator("h1")).hasText("Members with an open care gap");
		assertThat(this.page.locator("#gap-table tbody tr").first()).isVisible();
		assertAccessible();
	}

	/** Every bar's value is the table cell at its row and column. */
	private void chartAgreesWithTable() {
		@SuppressWarnings("unchecked")
		List<Map<String, String>> bars = (List<Map<String, String>>) this.page.locator("g.bar")
			.evaluateAll("gs => gs.map(g => ({row: g.dataset.row, column: g.dataset.column, value: g.dataset.value,"
					+ " text: g.querySelector('text').textContent}))");
		assertThat(bars).isNotEmpty();
		for (Map<String, String> bar : bars) {
			assertThat(bar.get("text")).isEqualTo(bar.get("value"));
			String cell = (String) this.page.evaluate("""
					([row, column]) => {
					  for (const table of document.querySelectorAll('table')) {
					    const headers = [...table.querySelectorAll('thead th')].map(h => h.textContent.trim());
					    const at = headers.indexOf(column);
					    if (at < 0) continue;
					    for (const tr of table.querySelectorAll('tbody tr')) {
					      const cells = [...tr.querySelectorAll('th, td')];
					      if (cells[0].textContent.trim() === row) return cells[at].textContent.trim();
					    }
					  }
					  return null;
					}""", List.of(bar.get("row"), bar.get("column")));
			assertThat(cell).as("table cell for " + bar).isNotNull();
			assertThat(cell.replace(",", "")).isEqualTo(bar.get("value"));
		}
	}

	private static String csv(String cell) {
		return (cell.contains(",") || cell.contains("\"")) ? '"' + cell.replace("\"", "\"\"") + '"' : cell;
	}

}
