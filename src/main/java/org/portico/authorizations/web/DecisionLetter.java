package org.portico.authorizations.web;

import java.time.Clock;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.portico.authorizations.AuthorizationRequest;
import org.portico.authorizations.Deadlines;
import org.portico.authorizations.RequestStatus;
import org.portico.authorizations.web.PriorAuthorizationStatusController.Shown;
import org.portico.platform.pdf.PdfPages;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

import static org.portico.platform.pdf.PdfPages.BOLD;
import static org.portico.platform.pdf.PdfPages.TEXT;

/**
 * A prior authorization's decision letter as a PDF: to the requesting provider, about the
 * member, saying what was approved (units and dates) or why it was denied (the specific
 * reason and the reviewer's words), and how to appeal. The words are the page's message
 * keys.
 */
@Component
class DecisionLetter {

	private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm z");

	private final MessageSource messages;

	private final Deadlines deadlines;

	private final Clock clock;

	DecisionLetter(MessageSource messages, Deadlines deadlines, Clock clock) {
		this.messages = messages;
		this.deadlines = deadlines;
		this.clock = clock;
	}

	byte[] render(Shown shown, String requesting, String servicing, Locale locale) {
		AuthorizationRequest r = shown.request();
		PdfPages pdf = PdfPages.letter(get(locale, "prior-auth.letter.title") + " " + r.trackingNumber());
		pdf.title(get(locale, "prior-auth.letter.title"));
		pdf.paragraph(get(locale, "prior-auth.letter.to", requesting), TEXT);
		pdf.facts(List.of(get(locale, "prior-auth.number"), r.trackingNumber(), get(locale, "prior-auth.status"),
				get(locale, "prior-auth.status." + r.status()), get(locale, "prior-auth.member"),
				shown.member().firstName() + " " + shown.member().lastName(), get(locale, "prior-auth.member-id"),
				r.member().toString(), get(locale, "prior-auth.birth-date"), shown.member().birthDate().toString(),
				get(locale, "prior-auth.service"), shown.serviceName(), get(locale, "prior-auth.new.servicing-npi"),
				servicing, get(locale, "prior-auth.requested"),
				get(locale, "prior-auth.units-and-dates", r.requestedUnits(), r.serviceFrom(), r.serviceTo()),
				get(locale, "prior-auth.received"), this.deadlines.local(r.receivedAt()).format(WHEN),
				get(locale, "prior-auth.decided"),
				(r.decidedAt() != null) ? this.deadlines.local(r.decidedAt()).format(WHEN) : ""));
		pdf.heading(get(locale, "prior-auth.letter.decision"));
		if (r.status() == RequestStatus.DENIED) {
			pdf.paragraph(get(locale, "prior-auth.letter.denied"), BOLD);
			List<String> reason = new ArrayList<>(List.of(get(locale, "prior-auth.denial-reason"),
					(r.denialReason() != null) ? get(locale, "prior-auth.denial." + r.denialReason()) : ""));
			if (r.denialText() != null) {
				reason.addAll(List.of(get(locale, "prior-auth.denial-text"), r.denialText()));
			}
			pdf.facts(reason);
			pdf.heading(get(locale, "prior-auth.letter.appeal.heading"));
			pdf.paragraph(get(locale, "prior-auth.letter.appeal"), TEXT);
		}
		else {
			pdf.paragraph(get(locale, (r.status() == RequestStatus.PARTIALLY_APPROVED)
					? "prior-auth.letter.partly-approved" : "prior-auth.letter.approved"), BOLD);
			pdf.facts(List.of(get(locale, "prior-auth.approved"),
					get(locale, "prior-auth.units-and-dates", r.approvedUnits(), r.approvedFrom(), r.approvedTo())));
			pdf.paragraph(get(locale,
					r.decidedAutomatically() ? "prior-auth.letter.by-criteria" : "prior-auth.letter.by-reviewer"),
					TEXT);
			pdf.paragraph(get(locale, "prior-auth.letter.not-a-guarantee"), TEXT);
			if (r.status() == RequestStatus.PARTIALLY_APPROVED) {
				pdf.heading(get(locale, "prior-auth.letter.appeal.heading"));
				pdf.paragraph(get(locale, "prior-auth.letter.appeal"), TEXT);
			}
		}
		return pdf.finish(get(locale, "prior-auth.letter.footer", PdfPages.madeAt(this.clock)));
	}

	private String get(Locale locale, String key, Object... args) {
		return this.messages.getMessage(key, args, locale);
	}

}
