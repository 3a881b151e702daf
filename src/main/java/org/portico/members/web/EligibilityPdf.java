package org.portico.members.web;

import java.awt.Color;
import java.io.ByteArrayOutputStream;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import com.lowagie.text.Document;
import com.lowagie.text.Element;
import com.lowagie.text.Font;
import com.lowagie.text.PageSize;
import com.lowagie.text.Paragraph;
import com.lowagie.text.Phrase;
import com.lowagie.text.pdf.PdfPCell;
import com.lowagie.text.pdf.PdfPTable;
import com.lowagie.text.pdf.PdfWriter;

import org.portico.members.EligibilityReport;
import org.portico.members.EligibilityReport.Accumulator;
import org.portico.members.EligibilityReport.Benefit;
import org.portico.members.EligibilityReport.BenefitRow;
import org.portico.members.EligibilityReport.Coverage;
import org.portico.members.EligibilityReport.PcpSpan;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * The Eligibility & Benefits report as a PDF: the same facts as the page, in the same
 * words (the page's message keys), on letter paper.
 */
@Component
class EligibilityPdf {

	private static final Font TITLE = new Font(Font.HELVETICA, 16, Font.BOLD);

	private static final Font HEADING = new Font(Font.HELVETICA, 12, Font.BOLD);

	private static final Font TEXT = new Font(Font.HELVETICA, 9);

	private static final Font BOLD = new Font(Font.HELVETICA, 9, Font.BOLD);

	private static final Color SHADE = new Color(0xE8, 0xF1, 0xF8);

	private final MessageSource messages;

	private final Clock clock;

	EligibilityPdf(MessageSource messages, Clock clock) {
		this.messages = messages;
		this.clock = clock;
	}

	byte[] render(EligibilityReport r, String actingFor, Map<String, String> pcpNames, Locale locale) {
		Words w = new Words(this.messages, locale);
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		Document document = new Document(PageSize.LETTER, 40, 40, 40, 40);
		PdfWriter.getInstance(document, out);
		document.addTitle(w.get("eligibility.report.title") + " " + r.id());
		document.open();
		document.add(new Paragraph(w.get("eligibility.report.title"), TITLE));
		document
			.add(facts(List.of(w.get("eligibility.member"), r.name(), w.get("eligibility.member-id"), r.id().toString(),
					w.get("eligibility.birth-date"), r.birthDate().toString(), w.get("eligibility.acting-for"),
					actingFor, w.get("eligibility.date-of-service"), r.dateOfService().toString())));

		document.add(heading(w.get("eligibility.report.coverage")));
		Coverage c = r.coverage().orElse(null);
		document.add(new Paragraph(c != null ? w.get("eligibility.report.covered", r.dateOfService())
				: w.get("eligibility.report.not-covered", r.dateOfService()), BOLD));
		if (c != null) {
			PcpSpan pcp = r.currentPcp().orElse(null);
			document.add(facts(
					List.of(w.get("eligibility.report.product"), c.productName(), w.get("eligibility.report.line"),
							w.get("line-of-business." + c.lineOfBusiness()), w.get("eligibility.report.group"),
							c.groupName() + " (" + c.groupNumber() + ")", w.get("eligibility.report.effective"),
							c.effectiveDate().toString(), w.get("eligibility.report.terminates"),
							(c.terminationDate() != null) ? c.terminationDate().toString()
									: w.get("eligibility.report.no-end"),
							w.get("eligibility.report.pcp-required"), w.get(c.pcpRequired() ? "yes" : "no"),
							w.get("eligibility.report.referrals-required"), w.get(c.referralsRequired() ? "yes" : "no"),
							w.get("eligibility.report.pcp"),
							(pcp != null) ? pcpName(pcp, pcpNames, w) + " (NPI " + pcp.pcpNpi() + ")"
									: w.get("eligibility.report.no-pcp"))));
		}

		document.add(heading(w.get("eligibility.report.other-insurance")));
		if (r.otherInsurance().isEmpty()) {
			document.add(new Paragraph(w.get("eligibility.report.no-other-insurance"), TEXT));
		}
		r.otherInsurance()
			.forEach((o) -> document.add(new Paragraph(w.get("eligibility.report.other-insurance.line", o.payerName(),
					o.policyNumber(), w.get("payer-order." + o.payerOrder())), TEXT)));

		if (c != null) {
			document.add(heading(w.get("eligibility.report.benefits")));
			PdfPTable benefits = table(new float[] { 3, 4, 4 }, w.get("eligibility.report.service"),
					w.get("eligibility.report.in-network"), w.get("eligibility.report.out-of-network"));
			for (BenefitRow b : r.benefits()) {
				cell(benefits, w.get("service-category." + b.category()), BOLD);
				cell(benefits, describe(b.inNetwork(), w), TEXT);
				cell(benefits, describe(b.outOfNetwork(), w), TEXT);
			}
			document.add(benefits);

			document.add(heading(w.get("eligibility.report.accumulators", r.dateOfService().getYear())));
			PdfPTable accumulators = table(new float[] { 3, 2, 2, 2, 2, 2, 2 }, w.get("eligibility.report.network"),
					w.get("eligibility.report.deductible"), w.get("eligibility.report.met"),
					w.get("eligibility.report.remaining"), w.get("eligibility.report.out-of-pocket"),
					w.get("eligibility.report.met"), w.get("eligibility.report.remaining"));
			for (Accumulator a : r.accumulators()) {
				cell(accumulators, w.get("eligibility.report.network." + a.network()), BOLD);
				for (BigDecimal amount : List.of(a.deductible(), a.deductibleMet(), a.deductibleRemaining(),
						a.outOfPocketMaximum(), a.outOfPocketMet(), a.outOfPocketRemaining())) {
					cell(accumulators, Money.dollars(amount), TEXT);
				}
			}
			document.add(accumulators);
			if (!r.visitLimits().isEmpty()) {
				document.add(heading(w.get("eligibility.report.visit-limits")));
				PdfPTable visits = table(new float[] { 4, 2, 2, 2 }, w.get("eligibility.report.service"),
						w.get("eligibility.report.limit"), w.get("eligibility.report.used"),
						w.get("eligibility.report.remaining"));
				r.visitLimits().forEach((v) -> {
					cell(visits, w.get("service-category." + v.category()), BOLD);
					cell(visits, String.valueOf(v.limit()), TEXT);
					cell(visits, String.valueOf(v.used()), TEXT);
					cell(visits, String.valueOf(v.remaining()), TEXT);
				});
				document.add(visits);
			}
		}

		document.add(heading(w.get("eligibility.report.pcp-history")));
		PdfPTable history = table(new float[] { 5, 2, 2 }, w.get("eligibility.report.pcp"),
				w.get("eligibility.report.effective"), w.get("eligibility.report.terminates"));
		for (PcpSpan p : r.pcpHistory()) {
			cell(history, pcpName(p, pcpNames, w) + " (NPI " + p.pcpNpi() + ")", TEXT);
			cell(history, p.effectiveDate().toString(), TEXT);
			cell(history,
					(p.terminationDate() != null) ? p.terminationDate().toString() : w.get("eligibility.report.no-end"),
					TEXT);
		}
		document.add(history);

		Paragraph footer = new Paragraph(w.get("eligibility.pdf.footer",
				ZonedDateTime.now(this.clock)
					.withZoneSameInstant(ZoneOffset.UTC)
					.format(DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm"))),
				TEXT);
		footer.setSpacingBefore(12);
		document.add(footer);
		document.close();
		return out.toByteArray();
	}

	private static String pcpName(PcpSpan pcp, Map<String, String> names, Words w) {
		String name = names.get(pcp.pcpNpi());
		return (name != null) ? name : w.get("eligibility.report.unknown-provider");
	}

	private static String describe(Benefit b, Words w) {
		if (!b.covered()) {
			return w.get("eligibility.benefit.not-covered");
		}
		List<String> parts = new ArrayList<>();
		if (b.copay() != null) {
			parts.add(w.get("eligibility.benefit.copay", Money.dollars(b.copay())));
		}
		if (b.coinsurancePercent() != null) {
			parts.add(w.get("eligibility.benefit.coinsurance", b.coinsurancePercent()));
		}
		if (b.copay() == null && b.coinsurancePercent() == null) {
			parts.add(w.get("eligibility.benefit.no-cost"));
		}
		if (b.deductibleApplies()) {
			parts.add(w.get("eligibility.benefit.deductible"));
		}
		if (b.priorAuthorizationRequired()) {
			parts.add(w.get("eligibility.benefit.prior-auth"));
		}
		if (b.visitLimit() != null) {
			parts.add(w.get("eligibility.benefit.visit-limit", b.visitLimit()));
		}
		return String.join("; ", parts);
	}

	private static Paragraph heading(String text) {
		Paragraph heading = new Paragraph(text, HEADING);
		heading.setSpacingBefore(10);
		heading.setSpacingAfter(4);
		return heading;
	}

	private static PdfPTable facts(List<String> pairs) {
		PdfPTable table = new PdfPTable(new float[] { 2, 5 });
		table.setWidthPercentage(100);
		table.setSpacingBefore(6);
		for (int i = 0; i < pairs.size(); i += 2) {
			PdfPCell label = new PdfPCell(new Phrase(pairs.get(i), BOLD));
			label.setBorder(PdfPCell.NO_BORDER);
			table.addCell(label);
			PdfPCell value = new PdfPCell(new Phrase(pairs.get(i + 1), TEXT));
			value.setBorder(PdfPCell.NO_BORDER);
			table.addCell(value);
		}
		return table;
	}

	private static PdfPTable table(float[] widths, String... headers) {
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

	private static void cell(PdfPTable table, String text, Font font) {
		table.addCell(new PdfPCell(new Phrase(text, font)));
	}

	/** The page's words, looked up by the page's keys. */
	private record Words(MessageSource messages, Locale locale) {

		String get(String key, Object... args) {
			return this.messages.getMessage(key, args, this.locale);
		}

	}

}
