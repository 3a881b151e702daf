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
import org.portico.platform.pdf.Words;

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
		Words w = new Words(this.messages, locale);
		PdfPages pdf = PdfPages.letter(w.get("prior-auth.letter.title") + " " + r.trackingNumber());
		pdf.title(w.get("prior-auth.letter.title"));
		pdf.paragraph(w.get("prior-auth.letter.to", requesting), TEXT);
		pdf.facts(List.of(w.get("prior-auth.number"), r.trackingNumber(), w.get("prior-auth.status"),
				w.get("prior-auth.status." + r.status()), w.get("prior-auth.member"),
				shown.member().firstName() + " " + shown.member().lastName(), w.get("prior-auth.member-id"),
				r.member().toString(), w.get("prior-auth.birth-date"), shown.member().birthDate().toString(),
				w.get("prior-auth.service"), shown.serviceName(), w.get("prior-auth.new.servicing-npi"), servicing,
				w.get("prior-auth.requested"),
				w.get("prior-auth.units-and-dates", r.requestedUnits(), r.serviceFrom(), r.serviceTo()),
				w.get("prior-auth.received"), this.deadlines.local(r.receivedAt()).format(WHEN),
				w.get("prior-auth.decided"),
				(r.decidedAt() != null) ? this.deadlines.local(r.decidedAt()).format(WHEN) : ""));
		pdf.heading(w.get("prior-auth.letter.decision"));
		if (r.status() == RequestStatus.DENIED) {
			pdf.paragraph(w.get("prior-auth.letter.denied"), BOLD);
			List<String> reason = new ArrayList<>(List.of(w.get("prior-auth.denial-reason"),
					(r.denialReason() != null) ? w.get("prior-auth.denial." + r.denialReason()) : ""));
			if (r.denialText() != null) {
				reason.addAll(List.of(w.get("prior-auth.denial-text"), r.denialText()));
			}
			pdf.facts(reason);
			pdf.heading(w.get("prior-auth.letter.appeal.heading"));
			pdf.paragraph(w.get("prior-auth.letter.appeal"), TEXT);
		}
		else {
			pdf.paragraph(w.get((r.status() == RequestStatus.PARTIALLY_APPROVED) ? "prior-auth.letter.partly-approved"
					: "prior-auth.letter.approved"), BOLD);
			pdf.facts(List.of(w.get("prior-auth.approved"),
					w.get("prior-auth.units-and-dates", r.approvedUnits(), r.approvedFrom(), r.approvedTo())));
			pdf.paragraph(
					w.get(r.decidedAutomatically() ? "prior-auth.letter.by-criteria" : "prior-auth.letter.by-reviewer"),
					TEXT);
			pdf.paragraph(w.get("prior-auth.letter.not-a-guarantee"), TEXT);
			if (r.status() == RequestStatus.PARTIALLY_APPROVED) {
				pdf.heading(w.get("prior-auth.letter.appeal.heading"));
				pdf.paragraph(w.get("prior-auth.letter.appeal"), TEXT);
			}
		}
		return pdf.finish(w.get("prior-auth.letter.footer", PdfPages.madeAt(this.clock)));
	}

}
