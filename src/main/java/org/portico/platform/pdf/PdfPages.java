package org.portico.platform.pdf;

import java.awt.Color;
import java.io.ByteArrayOutputStream;
import java.time.Clock;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;

import com.lowagie.text.Document;
import com.lowagie.text.Element;
import com.lowagie.text.Font;
import com.lowagie.text.PageSize;
import com.lowagie.text.Paragraph;
import com.lowagie.text.Phrase;
import com.lowagie.text.pdf.PdfPCell;
import com.lowagie.text.pdf.PdfPTable;
import com.lowagie.text.pdf.PdfWriter;

/**
 * The portal's printable documents, one look for all: letter paper, a title, headings,
 * label and value pairs, tables with a shaded header row, and a footer saying when the
 * document was made. Each module writes its own words; this only lays them out.
 */
public final class PdfPages {

	public static final Font TEXT = new Font(Font.HELVETICA, 9);

	public static final Font BOLD = new Font(Font.HELVETICA, 9, Font.BOLD);

	private static final Font TITLE = new Font(Font.HELVETICA, 16, Font.BOLD);

	private static final Font HEADING = new Font(Font.HELVETICA, 12, Font.BOLD);

	private static final Color SHADE = new Color(0xE8, 0xF1, 0xF8);

	private final ByteArrayOutputStream out = new ByteArrayOutputStream();

	private final Document document = new Document(PageSize.LETTER, 40, 40, 40, 40);

	private PdfPages(String title) {
		PdfWriter.getInstance(this.document, this.out);
		this.document.addTitle(title);
		this.document.open();
	}

	/**
	 * A new document.
	 * @param title the title its reader shows, such as the document's name and who it is
	 * about
	 */
	public static PdfPages letter(String title) {
		return new PdfPages(title);
	}

	public PdfPages title(String text) {
		return add(new Paragraph(text, TITLE));
	}

	public PdfPages heading(String text) {
		Paragraph heading = new Paragraph(text, HEADING);
		heading.setSpacingBefore(10);
		heading.setSpacingAfter(4);
		return add(heading);
	}

	public PdfPages paragraph(String text, Font font) {
		return add(new Paragraph(text, font));
	}

	/** Labels and their values, alternating: label, value, label, value. */
	public PdfPages facts(List<String> labelsAndValues) {
		PdfPTable table = new PdfPTable(new float[] { 2, 5 });
		table.setWidthPercentage(100);
		table.setSpacingBefore(6);
		for (int i = 0; i < labelsAndValues.size(); i += 2) {
			PdfPCell label = new PdfPCell(new Phrase(labelsAndValues.get(i), BOLD));
			label.setBorder(PdfPCell.NO_BORDER);
			table.addCell(label);
			PdfPCell value = new PdfPCell(new Phrase(labelsAndValues.get(i + 1), TEXT));
			value.setBorder(PdfPCell.NO_BORDER);
			table.addCell(value);
		}
		return add(table);
	}

	public PdfPages add(Element element) {
		this.document.add(element);
		return this;
	}

	/**
	 * Ends the document with a footer.
	 * @param footer the footer's words, such as when it was made ({@link #madeAt}) and
	 * how to keep it
	 * @return the PDF
	 */
	public byte[] finish(String footer) {
		Paragraph last = new Paragraph(footer, TEXT);
		last.setSpacingBefore(12);
		this.document.add(last);
		this.document.close();
		return this.out.toByteArray();
	}

	/** A table whose first row, repeated on every page, holds the headers. */
	public static PdfPTable table(float[] widths, String... headers) {
		PdfPTable table = new PdfPTable(widths);
		table.setWidthPercentage(100);
		table.setHeaderRows(1);
		for (String header : headers) {
			PdfPCell cell = new PdfPCell(new Phrase(header, BOLD));
			cell.setBackgroundColor(SHADE);
			cell.setHorizontalAlignment(Element.ALIGN_LEFT);
			table.addCell(cell);
		}
		return table;
	}

	public static void cell(PdfPTable table, String text, Font font) {
		table.addCell(new PdfPCell(new Phrase(text, font)));
	}

	/** Now, in UTC to the minute, as footers say when a document was made. */
	public static String madeAt(Clock clock) {
		return ZonedDateTime.now(clock)
			.withZoneSameInstant(ZoneOffset.UTC)
			.format(DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm"));
	}

}
