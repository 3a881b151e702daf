package org.portico.reports.web;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.List;
import java.util.Locale;

import com.lowagie.text.pdf.PdfPTable;

import org.portico.platform.pdf.PdfPages;

import org.springframework.context.MessageSource;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;

import static org.portico.platform.pdf.PdfPages.BOLD;
import static org.portico.platform.pdf.PdfPages.TEXT;
import static org.portico.platform.pdf.PdfPages.cell;
import static org.portico.platform.pdf.PdfPages.table;

/**
 * A report's tables as CSV (one block per table, a blank line between) and as PDF: the
 * same tables the page shows. No CSV cell can run as a formula in a spreadsheet.
 */
@Component
class ReportExports {

	private final MessageSource messages;

	private final Clock clock;

	ReportExports(MessageSource messages, Clock clock) {
		this.messages = messages;
		this.clock = clock;
	}

	ResponseEntity<byte[]> csv(String filename, List<String> facts, List<DataTable> tables) {
		StringBuilder out = new StringBuilder();
		for (int i = 0; i + 1 < facts.size(); i += 2) {
			out.append(csvCell(facts.get(i))).append(',').append(csvCell(facts.get(i + 1))).append("\r\n");
		}
		for (DataTable t : tables) {
			out.append("\r\n").append(csvCell(t.caption())).append("\r\n");
			line(out, t.headers());
			t.rows().forEach((row) -> line(out, row));
		}
		return download(filename + ".csv", new MediaType("text", "csv", StandardCharsets.UTF_8),
				out.toString().getBytes(StandardCharsets.UTF_8));
	}

	ResponseEntity<byte[]> pdf(String filename, String title, List<String> facts, List<DataTable> tables,
			Locale locale) {
		PdfPages pdf = PdfPages.letter(title);
		pdf.title(title);
		pdf.facts(facts);
		for (DataTable t : tables) {
			pdf.heading(t.caption());
			float[] widths = new float[t.headers().size()];
			for (int i = 0; i < widths.length; i++) {
				widths[i] = (i == 0) ? 3 : 2;
			}
			PdfPTable table = table(widths, t.headers().toArray(String[]::new));
			for (List<String> row : t.rows()) {
				for (int i = 0; i < row.size(); i++) {
					cell(table, row.get(i), (i == 0) ? BOLD : TEXT);
				}
			}
			pdf.add(table);
		}
		byte[] bytes = pdf.finish(
				this.messages.getMessage("reports.pdf.footer", new Object[] { PdfPages.madeAt(this.clock) }, locale));
		return download(filename + ".pdf", MediaType.APPLICATION_PDF, bytes);
	}

	private static ResponseEntity<byte[]> download(String filename, MediaType type, byte[] body) {
		return ResponseEntity.ok()
			.contentType(type)
			.header(HttpHeaders.CONTENT_DISPOSITION,
					ContentDisposition.attachment().filename(filename).build().toString())
			.header(HttpHeaders.CACHE_CONTROL, "no-store")
			.body(body);
	}

	private static void line(StringBuilder out, List<String> cells) {
		for (int i = 0; i < cells.size(); i++) {
			if (i > 0) {
				out.append(',');
			}
			out.append(csvCell(cells.get(i)));
		}
		out.append("\r\n");
	}

	/**
	 * A value as a CSV cell: quoted when it holds a comma, a quote or a line break, and
	 * with a leading apostrophe when a spreadsheet would take it for a formula (it starts
	 * with =, +, -, @, a tab or a carriage return).
	 */
	static String csvCell(String value) {
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
