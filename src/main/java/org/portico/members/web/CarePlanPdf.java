package org.portico.members.web;

import java.time.Clock;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import com.lowagie.text.pdf.PdfPTable;

import org.portico.members.CarePlan;
import org.portico.members.CarePlan.Goal;
import org.portico.members.CarePlan.Service;
import org.portico.members.CarePlan.TeamMember;
import org.portico.members.MemberSummary;
import org.portico.platform.pdf.PdfPages;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

import static org.portico.platform.pdf.PdfPages.BOLD;
import static org.portico.platform.pdf.PdfPages.TEXT;
import static org.portico.platform.pdf.PdfPages.cell;
import static org.portico.platform.pdf.PdfPages.table;

/**
 * A care plan as a PDF: the same facts as its page, in the page's words, on letter paper.
 */
@Component
class CarePlanPdf {

	private final MessageSource messages;

	private final Clock clock;

	CarePlanPdf(MessageSource messages, Clock clock) {
		this.messages = messages;
		this.clock = clock;
	}

	byte[] render(CarePlan plan, MemberSummary member, String actingFor, Map<String, String> teamNames, Locale locale) {
		String title = word(locale, "care-plan.title", word(locale, plan.kind().messageKey()), plan.version());
		PdfPages pdf = PdfPages.letter(title + " " + member.id());
		pdf.title(title);
		pdf.facts(List.of(word(locale, "eligibility.member"), member.firstName() + " " + member.lastName(),
				word(locale, "eligibility.member-id"), member.id().toString(), word(locale, "eligibility.birth-date"),
				member.birthDate().toString(), word(locale, "care-plan.number"), String.valueOf(plan.id()),
				word(locale, "care-plans.status"), word(locale, plan.status().messageKey()),
				word(locale, "care-plan.assessed"), plan.assessedDate().toString(), word(locale, "care-plans.signed"),
				(plan.signedDate() != null) ? plan.signedDate().toString() : word(locale, "care-plans.not-signed"),
				word(locale, "care-plans.updated"), plan.updatedDate().toString(),
				word(locale, "care-plan.next-review"), plan.nextReviewDate().toString(),
				word(locale, "eligibility.acting-for"), actingFor));

		pdf.heading(word(locale, "care-plan.preferences"));
		pdf.paragraph(plan.memberPreferences(), TEXT);

		pdf.heading(word(locale, "care-plan.team"));
		PdfPTable team = table(new float[] { 3, 5, 2 }, word(locale, "care-plan.team.role"),
				word(locale, "care-plan.team.name"), word(locale, "care-plan.team.phone"));
		for (TeamMember t : plan.careTeam()) {
			cell(team, word(locale, t.role().messageKey()), BOLD);
			cell(team, teamMember(t, teamNames, locale), TEXT);
			cell(team, (t.phone() != null) ? t.phone() : "", TEXT);
		}
		pdf.add(team);

		pdf.heading(word(locale, "care-plan.goals"));
		PdfPTable goals = table(new float[] { 3, 6, 2, 2 }, word(locale, "care-plan.goals.concern"),
				word(locale, "care-plan.goals.goal"), word(locale, "care-plan.goals.target"),
				word(locale, "care-plan.goals.status"));
		for (Goal g : plan.goals()) {
			cell(goals, g.concern(), BOLD);
			cell(goals, g.goal(), TEXT);
			cell(goals, g.targetDate().toString(), TEXT);
			cell(goals, word(locale, g.status().messageKey()), TEXT);
		}
		pdf.add(goals);

		pdf.heading(word(locale, "care-plan.services"));
		PdfPTable services = table(new float[] { 5, 3, 4 }, word(locale, "care-plan.services.service"),
				word(locale, "care-plan.services.frequency"), word(locale, "care-plan.services.by"));
		for (Service s : plan.services()) {
			cell(services, s.service(), BOLD);
			cell(services, s.frequency(), TEXT);
			cell(services, s.providedBy(), TEXT);
		}
		pdf.add(services);

		return pdf.finish(word(locale, "care-plan.pdf.footer", PdfPages.madeAt(this.clock)));
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

}
