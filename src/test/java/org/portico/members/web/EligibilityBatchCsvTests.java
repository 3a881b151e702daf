package org.portico.members.web;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The cells of a batch eligibility result: a value a spreadsheet would run as a formula
 * is written as text, and quoting keeps every value in its own cell.
 */
class EligibilityBatchCsvTests {

	@Test
	void aValueThatWouldRunAsAFormulaIsWrittenAsText() {
		assertThat(EligibilityBatchCsv.cell("=1+1")).isEqualTo("'=1+1");
		assertThat(EligibilityBatchCsv.cell("+15551234")).isEqualTo("'+15551234");
		assertThat(EligibilityBatchCsv.cell("-2")).isEqualTo("'-2");
		assertThat(EligibilityBatchCsv.cell("@SUM(A1)")).isEqualTo("'@SUM(A1)");
		assertThat(EligibilityBatchCsv.cell("\t=1")).isEqualTo("'\t=1");
		assertThat(EligibilityBatchCsv.cell("=HYPERLINK(\"http://x\",\"y\")"))
			.isEqualTo("\"'=HYPERLINK(\"\"http://x\"\",\"\"y\"\")\"");
	}

	@Test
	void ordinaryValuesAreLeftAsTheyAreAndQuotedOnlyWhenNeeded() {
		assertThat(EligibilityBatchCsv.cell("123456789-01")).isEqualTo("123456789-01");
		assertThat(EligibilityBatchCsv.cell("O'Brien")).isEqualTo("O'Brien");
		assertThat(EligibilityBatchCsv.cell("Smith, Jones & Co")).isEqualTo("\"Smith, Jones & Co\"");
		assertThat(EligibilityBatchCsv.cell("two\nlines")).isEqualTo("\"two\nlines\"");
		assertThat(EligibilityBatchCsv.cell("")).isEmpty();
		assertThat(EligibilityBatchCsv.cell(null)).isEmpty();
	}

}
