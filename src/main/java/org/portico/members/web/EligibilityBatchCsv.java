package org.portico.members.web;

import java.io.IOException;
import java.io.Writer;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

import org.portico.members.EligibilityBatchRow;
import org.portico.members.EligibilityBatchRow.Outcome;

import org.springframework.context.MessageSource;

/**
 * The result of a batch as a CSV file: one row per row of the upload, in its order, with
 * what was typed, what was found and, for a row in error, why in plain words. Opened in a
 * spreadsheet, no cell can run as a formula.
 */
final class EligibilityBatchCsv {

	static final List<String> HEADER = List.of("line", "member_id_entered", "first_name_entered", "last_name_entered",
			"birth_date_entered", "date_of_service_entered", "date_of_service", "status", "member_id", "member_name",
			"product", "line_of_business", "group_number", "group_name", "coverage_effective", "coverage_ends",
			"pcp_npi", "message");

	/** Spreadsheets read UTF-8, and so accented names, right only with this mark. */
	private static final char BYTE_ORDER_MARK = '\uFEFF';

	private final MessageSource messages;

	private final Locale locale;

	EligibilityBatchCsv(MessageSource messages, Locale locale) {
		this.messages = messages;
		this.locale = locale;
	}

	void write(List<EligibilityBatchRow> rows, Writer out) throws IOException {
		out.write(BYTE_ORDER_MARK);
		line(HEADER, out);
		for (EligibilityBatchRow row : rows) {
			line(cells(row), out);
		}
	}

	private List<String> cells(EligibilityBatchRow row) {
		EligibilityBatchRow.Coverage coverage = row.coverage();
		List<String> cells = new ArrayList<>(HEADER.size());
		cells.add(String.valueOf(row.line()));
		cells.add(row.input().memberId());
		cells.add(row.input().firstName());
		cells.add(row.input().lastName());
		cells.add(row.input().birthDate());
		cells.add(row.input().dateOfService());
		cells.add(text(row.dateOfService()));
		cells.add(message("eligibility.batch.outcome." + row.outcome().name()));
		cells.add((row.member() != null) ? row.member().toString() : "");
		cells.add((row.name() != null) ? row.name() : "");
		cells.add((coverage != null) ? coverage.productName() : "");
		cells.add((coverage != null) ? message("line-of-business." + coverage.lineOfBusiness().name()) : "");
		cells.add((coverage != null) ? coverage.groupNumber() : "");
		cells.add((coverage != null) ? coverage.groupName() : "");
		cells.add((coverage != null) ? text(coverage.effectiveDate()) : "");
		cells.add((coverage != null) ? text(coverage.terminationDate()) : "");
		cells.add((row.pcpNpi() != null) ? row.pcpNpi() : "");
		cells.add(explanation(row));
		return cells;
	}

	private String explanation(EligibilityBatchRow row) {
		if (row.outcome() == Outcome.ERROR) {
			return row.problems().stream().map((p) -> message(p.messageKey())).collect(Collectors.joining(" "));
		}
		String key = (row.outcome() == Outcome.COVERED) ? "eligibility.batch.covered-on"
				: "eligibility.batch.not-covered-on";
		return this.messages.getMessage(key, new Object[] { text(row.dateOfService()) }, this.locale);
	}

	private String message(String key) {
		return this.messages.getMessage(key, null, this.locale);
	}

	private static String text(LocalDate date) {
		return (date != null) ? date.toString() : "";
	}

	private static void line(List<String> cells, Writer out) throws IOException {
		for (int i = 0; i < cells.size(); i++) {
			if (i > 0) {
				out.write(',');
			}
			out.write(cell(cells.get(i)));
		}
		out.write("\r\n");
	}

	/**
	 * A value as a CSV cell: quoted when it holds a comma, a quote or a line break, and
	 * with a leading apostrophe when a spreadsheet would take it for a formula (it starts
	 * with =, +, -, @, a tab or a carriage return).
	 */
	static String cell(String value) {
		if (value == null || value.isEmpty()) {
			return "";
		}
		String safe = "=+-@\t\r".indexOf(value.charAt(0)) >= 0 ? "'" + value : value;
		if (safe.indexOf(',') >= 0 || safe.indexOf('"') >= 0 || safe.indexOf('\n') >= 0 || safe.indexOf('\r') >= 0) {
			return '"' + safe.replace("\"", "\"\"") + '"';
		}
		return safe;
	}

}
