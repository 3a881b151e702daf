package org.portico.members;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

import org.portico.members.EligibilityBatchFile.Malformed;
import org.portico.members.EligibilityBatchFile.Problem;
import org.portico.members.EligibilityBatchFile.Row;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Reading a batch eligibility file: a file that cannot be read as a whole is refused with
 * the line at fault; values are kept as typed for the row checks.
 */
class EligibilityBatchFileTests {

	private static final String HEADER = "member_id,first_name,last_name,birth_date,date_of_service\n";

	@Test
	void readsEachRowWithItsLineNumber() throws Malformed {
		EligibilityBatchFile file = read(HEADER + "123456789-01,,,,\n\n,Ann,Lee,1980-04-30,2026-11-01\n");
		assertThat(file.rows()).containsExactly(new Row(2, "123456789-01", "", "", "", ""),
				new Row(4, "", "Ann", "Lee", "1980-04-30", "2026-11-01"));
	}

	@Test
	void readsQuotedValuesWithCommasQuotesAndLineBreaks() throws Malformed {
		EligibilityBatchFile file = read(HEADER + ",\"Mary, Jo\",\"O\"\"Brien\",1980-04-30,\r\n"
				+ ",\"Two\nlines\",Lee,1990-01-01,\r\n" + "123456789-02,,,,\r\n");
		assertThat(file.rows()).extracting(Row::line).containsExactly(2, 3, 5);
		assertThat(file.rows().get(0).firstName()).isEqualTo("Mary, Jo");
		assertThat(file.rows().get(0).lastName()).isEqualTo("O\"Brien");
		assertThat(file.rows().get(1).firstName()).isEqualTo("Two\nlines");
	}

	@Test
	void toleratesAByteOrderMarkAHeaderInCapitalsAndTrailingEmptyCells() throws Malformed {
		EligibilityBatchFile file = read(
				"\uFEFFMember ID,First Name,Last Name,Birth Date,Date of Service,,\n" + " 123456789-01 ,,,,,,\n");
		assertThat(file.rows()).containsExactly(new Row(2, "123456789-01", "", "", "", ""));
	}

	@Test
	void readsWindows1252WhenTheFileIsNotUtf8() throws Malformed {
		byte[] content = (HEADER + ",José,Peña,1980-04-30,\n").getBytes(Charset.forName("windows-1252"));
		assertThat(EligibilityBatchFile.read(content).rows().get(0).firstName()).isEqualTo("José");
		assertThat(EligibilityBatchFile.read(content).rows().get(0).lastName()).isEqualTo("Peña");
	}

	@Test
	void aValueTooLongToBeValidIsCutButKeptAsARow() throws Malformed {
		EligibilityBatchFile file = read(HEADER + "," + "x".repeat(500) + ",Lee,1980-04-30,\n");
		assertThat(file.rows().get(0).firstName()).hasSize(EligibilityBatchFile.KEPT_LENGTH);
	}

	@Test
	void anEmptyFileIsRefused() {
		assertProblem("", Problem.EMPTY, 0);
		assertProblem(" \n\n", Problem.EMPTY, 0);
		assertProblem(",,,,\n", Problem.EMPTY, 0);
	}

	@Test
	void aSpreadsheetOrOtherBinaryFileIsNotCsv() {
		assertThatThrownBy(() -> EligibilityBatchFile.read(new byte[] { 'P', 'K', 3, 4, 20, 0, 6, 0 }))
			.isInstanceOfSatisfying(Malformed.class, (m) -> assertThat(m.problem()).isEqualTo(Problem.NOT_CSV));
		assertThatThrownBy(() -> EligibilityBatchFile.read(HEADER.getBytes(StandardCharsets.UTF_16LE)))
			.isInstanceOfSatisfying(Malformed.class, (m) -> assertThat(m.problem()).isEqualTo(Problem.NOT_CSV));
	}

	@Test
	void theFirstLineMustBeTheHeader() {
		assertProblem("123456789-01,,,,\n", Problem.HEADER, 1);
		assertProblem("member_id;first_name;last_name;birth_date;date_of_service\n", Problem.HEADER, 1);
		assertProblem("\n\nmember_id,first_name,last_name,date_of_service,birth_date\n", Problem.HEADER, 3);
	}

	@Test
	void aHeaderWithoutRowsHasNothingToCheck() {
		assertProblem(HEADER, Problem.NO_ROWS, 0);
		assertProblem(HEADER + "\n,,,,\n", Problem.NO_ROWS, 0);
	}

	@Test
	void aLineWithTheWrongNumberOfValuesIsNamed() {
		Malformed m = assertProblem(HEADER + "123456789-01,,,,\n123456789-02,Ann\n", Problem.COLUMNS, 3);
		assertThat(m.columns()).isEqualTo(2);
		assertThat(assertProblem(HEADER + "123456789-01,,,,,x\n", Problem.COLUMNS, 2).columns()).isEqualTo(6);
	}

	@Test
	void quotesOutOfPlaceAreNamedByLine() {
		assertProblem(HEADER + "123456789-01,,,,\n,\"Ann,Lee,1980-04-30,\n123456789-02,,,,\n", Problem.UNCLOSED_QUOTE,
				3);
		assertProblem(HEADER + ",An\"n,Lee,1980-04-30,\n", Problem.STRAY_QUOTE, 2);
		assertProblem(HEADER + ",\"Ann\"x,Lee,1980-04-30,\n", Problem.STRAY_QUOTE, 2);
	}

	@Test
	void theLinesAfterAValueOverSeveralLinesKeepTheirNumbers() {
		assertProblem(HEADER + ",\"Two\nlines\",Lee,1990-01-01,\n,Ann\n", Problem.COLUMNS, 4);
	}

	@Test
	void tenThousandRowsAreReadAndOneMoreIsRefused() throws Malformed {
		StringBuilder text = new StringBuilder(HEADER);
		for (int i = 0; i < EligibilityBatchFile.MAX_ROWS; i++) {
			text.append("123456789-01,,,,\n");
		}
		assertThat(read(text.toString()).rows()).hasSize(EligibilityBatchFile.MAX_ROWS);
		text.append("123456789-02,,,,\n");
		assertProblem(text.toString(), Problem.TOO_MANY_ROWS, EligibilityBatchFile.MAX_ROWS + 2);
	}

	@Test
	void theSameFileHasTheSameDigest() throws Malformed {
		String text = HEADER + "123456789-01,,,,\n";
		assertThat(read(text).sha256()).hasSize(64).isEqualTo(read(text).sha256());
		assertThat(read(text + "123456789-02,,,,\n").sha256()).isNotEqualTo(read(text).sha256());
	}

	private static EligibilityBatchFile read(String text) throws Malformed {
		return EligibilityBatchFile.read(text.getBytes(StandardCharsets.UTF_8));
	}

	private static Malformed assertProblem(String text, Problem problem, int line) {
		try {
			read(text);
		}
		catch (Malformed m) {
			assertThat(m.problem()).isEqualTo(problem);
			assertThat(m.line()).isEqualTo(line);
			return m;
		}
		throw new AssertionError("Read without a problem: " + text);
	}

}
