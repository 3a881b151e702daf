package org.portico.members.web;

import java.awt.Color;
import java.io.ByteArrayOutputStream;
import java.time.Clock;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import com.lowagie.text.Document;
import com.lowagie.text.Font;
import com.lowagie.text.PageSize;
import com.lowagie.text.Paragraph;
import com.lowagie.text.Phrase;
import com.lowagie.text.pdf.PdfPCell;
import com.lowagie.text.pdf.PdfPTable;
import com.lowagie.text.pdf.PdfWriter;

import org.portico.members.CarePlan;
import org.portico.members.CarePlan.Goal;
import org.portico.members.CarePlan.Service;
import org.portico.members.CarePlan.TeamMember;
import org.portico.members.MemberSummary;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * A care plan as a PDF: the same facts as its page, in the page's words, on letter paper.
 */
@Component
class CarePlanPdf {

	private static final Font TITLE = new Font(Font.HELVETICA, 16, Font.BOLD);

	private static final Font HEADING = new Font(Font.HELVETICA, 12, Font.BOLD);

	private static final Font TEXT = new Font(Font.HELVETICA, 9);

	private static final Font BOLD = new Font(Font.HELVETICA, 9, Font.BOLD);

	private static final Color SHADE = new Color(0xE8, 0xF1, 0xF8);

	private final MessageSource messages;

	private final Clock clock;

	CarePlanPdf(MessageSource messages, Clock clock) {
		this.messages = messages;
		this.clock = clock;
	}

	byte[] render(CarePlan plan, MemberSummary member, String actingFor, Map<String, String> teamNames, Locale locale) {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		Document document = new Document(PageSize.LETTER, 40, 40, 40, 40);
		PdfWriter.getInstance(document, out);
		String title = word(locale, "care-plan.title", word(locale, plan.kind().messageKey()), plan.version());
		document.addTitle(title + " " + member.id());
		document.open();
		document.add(new Paragraph(title, TITLE));
		document.add(facts(List.of(word(locale, "eligibility.member"), member.firstName() + " " + member.lastName(),
				word(locale, "eligibility.member-id"), member.id().toString(), word(locale, "eligibility.birth-date"),
				member.birthDate().toString(), word(locale, "care-plan.number"), String.valueOf(plan.id()),
				word(locale, "care-plans.status"), word(locale, plan.status().messageKey()),
				word(locale, "care-plan.assessed"), plan.assessedDate().toString(), word(locale, "care-plans.signed"),
				(plan.signedDate() != null) ? plan.signedDate().toString() : word(locale, "care-plans.not-signed"),
				word(locale, "care-plans.updated"), plan.updatedDate().toString(),
				word(locale, "care-plan.next-review"), plan.nextReviewDate().toString(),
				word(locale, "eligibility.acting-for"), actingFor)));

		document.add(heading(word(locale, "care-plan.preferences")));
		document.add(new Paragraph(plan.memberPreferences(), TEXT));

		document.add(heading(word(locale, "care-plan.team")));
		PdfPTable team = table(new float[] { 3, 5, 2 }, word(locale, "care-plan.team.role"),
				word(locale, "care-plan.team.name"), word(locale, "care-plan.team.phone"));
		for (TeamMember t : plan.careTeam()) {
			cell(team, word(locale, t.role().messageKey()), BOLD);
			cell(team, teamMember(t, teamNames, locale), TEXT);
			cell(team, (t.phone() != null) ? t.phone() : "", TEXT);
		}
		document.add(team);

		document.add(heading(word(locale, "care-plan.goals")));
		PdfPTable goals = table(new float[] { 3, 6, 2, 2 }, word(locale, "care-plan.goals.concern"),
				word(locale, "care-plan.goals.goal"), word(locale, "care-plan.goals.target"),
				word(locale, "care-plan.goals.status"));
		for (Goal g : plan.goals()) {
			cell(goals, g.concern(), BOLD);
			cell(goals, g.goal(), TEXT);
			cell(goals, g.targetDate().toString(), TEXT);
			cell(goals, word(locale, g.status().messageKey()), TEXT);
		}
		document.add(goals);

		document.add(heading(word(locale, "care-plan.services")));
		PdfPTable services = table(new float[] { 5, 3, 4 }, word(locale, "care-plan.services.service"),
				word(locale, "care-plan.services.frequency"), word(locale, "care-plan.services.by"));
		for (Service s : plan.services()) {
			cell(services, s.service(), BOLD);
			cell(services, s.frequency(), TEXT);
			cell(services, s.providedBy(), TEXT);
		}
		document.add(services);

		Paragraph footer = new Paragraph(word(locale, "care-plan.pdf.footer",
				ZonedDateTime.now(this.clock)
					.withZoneSameInstant(ZoneOffset.UTC)
					.format(DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm"))),
				TEXT);
		footer.setSpacingBefore(12);
		document.add(footer);
		document.close();
		return out.toByteArray();
	}

	private String teamMember(TeamMember t, Map<String, String> names, Locale locale) {
		if (t.npi() == null) {
			return t.name();
		}
		String name = names.get(t.npi().value());
		return ((name != null) ? name : word(locale, "eligibility.report.unknown-provider")) + " (NPI "
				+ t.npi().value() + ")";
	}

	private String word(Locale locale, String key, Object... args) {
		return this.messages.getMessage(key, args, locale);
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
			table.addCell(cell);
		}
		return table;
	}

	private static void cell(PdfPTable table, String text, Font font) {
		table.addCell(new PdfPCell(new Phrase(text, font)));
	}

}
