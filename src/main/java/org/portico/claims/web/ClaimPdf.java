package org.portico.claims.web;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import com.lowagie.text.pdf.PdfPTable;

import org.portico.claims.ClaimDetail;
import org.portico.claims.ClaimDetail.Adjustment;
import org.portico.claims.ClaimDetail.Line;
import org.portico.claims.ClaimDetail.Payment;
import org.portico.claims.ClaimDetail.Version;
import org.portico.platform.Money;
import org.portico.platform.pdf.PdfPages;
import org.portico.platform.pdf.Words;
import org.portico.providers.Npi;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

import static org.portico.platform.pdf.PdfPages.BOLD;
import static org.portico.platform.pdf.PdfPages.TEXT;
import static org.portico.platform.pdf.PdfPages.cell;
import static org.portico.platform.pdf.PdfPages.table;

/**
 * A claim as a PDF: the same facts as the claim's page, in the same words (the page's
 * message keys), on letter paper.
 */
@Component
class ClaimPdf {

	private final MessageSource messages;

	private final Clock clock;

	ClaimPdf(MessageSource messages, Clock clock) {
		this.messages = messages;
		this.clock = clock;
	}

	byte[] render(ClaimDetail c, Map<String, String> names, Locale locale) {
		Words w = new Words(this.messages, locale);
		PdfPages pdf = PdfPages.letter(w.get("claim.title", c.number().value()));
		pdf.title(w.get("claim.title", c.number().value()));

		pdf.heading(w.get("claim.status"));
		pdf.paragraph(w.get("claim.status." + c.status().name()) + " (" + c.category().code() + "): "
				+ w.get(c.category().messageKey()), BOLD);

		pdf.heading(w.get("claim.header"));
		List<String> facts = new ArrayList<>(List.of(w.get("claim.patient"), c.patientName(), w.get("claim.member-id"),
				c.member().toString(), w.get("claim.birth-date"), c.patientBirthDate().toString(), w.get("claim.type"),
				w.get(c.institutional() ? "claim.type.institutional" : "claim.type.professional"),
				w.get("claim.frequency"), frequency(c, w), w.get("claim.service-dates"), dates(c, w),
				w.get("claim.place-of-service"), placeOfService(c.placeOfService(), w), w.get("claim.received"),
				c.receivedDate().toString(), w.get("claim.adjudicated"),
				(c.adjudicatedDate() != null) ? c.adjudicatedDate().toString() : w.get("claim.not-yet"),
				w.get("claim.billing-provider"), provider(c.billingNpi(), names, w), w.get("claim.rendering-provider"),
				provider(c.renderingNpi(), names, w), w.get("claim.payee"), provider(c.payeeNpi(), names, w),
				w.get("claim.product"), c.productCode(), w.get("claim.diagnoses"),
				String.join(", ", c.diagnosisCodes()), w.get("claim.billed"), Money.dollars(c.billed()),
				w.get("claim.allowed"), Money.dollars(c.allowed()), w.get("claim.patient-responsibility"),
				Money.dollars(c.patientResponsibility()), w.get("claim.paid"), Money.dollars(c.paid())));
		pdf.facts(facts);

		pdf.heading(w.get("claim.lines"));
		PdfPTable lines = table(new float[] { 1, 2, 3, 1, 2, 2, 2, 2 }, w.get("claim.line"),
				w.get("claim.line.service-date"), w.get("claim.line.procedure"), w.get("claim.line.units"),
				w.get("claim.billed"), w.get("claim.allowed"), w.get("claim.patient-responsibility"),
				w.get("claim.paid"));
		for (Line l : c.lines()) {
			cell(lines, String.valueOf(l.number()), TEXT);
			cell(lines, l.serviceDate().toString(), TEXT);
			cell(lines, procedure(l), TEXT);
			cell(lines, String.valueOf(l.units()), TEXT);
			cell(lines, Money.dollars(l.billed()), TEXT);
			cell(lines, Money.dollars(l.allowed()), TEXT);
			cell(lines, Money.dollars(l.patientResponsibility()), TEXT);
			cell(lines, Money.dollars(l.paid()), TEXT);
		}
		pdf.add(lines);

		pdf.heading(w.get("claim.adjustments"));
		if (c.adjustments().isEmpty()) {
			pdf.paragraph(w.get("claim.no-adjustments"), TEXT);
		}
		else {
			PdfPTable adjustments = table(new float[] { 1, 3, 7, 2 }, w.get("claim.line"), w.get("claim.group-code"),
					w.get("claim.reason"), w.get("claim.amount"));
			for (Adjustment a : c.adjustments()) {
				cell(adjustments, String.valueOf(a.line()), TEXT);
				cell(adjustments, a.groupCode() + " " + w.get("claim.group-code." + a.groupCode()), TEXT);
				cell(adjustments, reason(a, w), TEXT);
				cell(adjustments, Money.dollars(a.amount()), TEXT);
			}
			pdf.add(adjustments);
		}

		pdf.heading(w.get("claim.payment"));
		Payment p = c.payment();
		if (p == null) {
			pdf.paragraph(w.get("claim.no-payment"), TEXT);
		}
		else {
			pdf.facts(List.of(w.get("payment.number." + p.method().name()), p.number(), w.get("payment.method"),
					w.get("payment.method." + p.method().name()), w.get("payment.date"), p.date().toString(),
					w.get("payment.amount"), Money.dollars(p.amount()), w.get("claim.payee"),
					provider(p.payeeNpi(), names, w)));
		}

		pdf.heading(w.get("claim.history"));
		if (!c.hasHistory()) {
			pdf.paragraph(w.get("claim.no-history"), TEXT);
		}
		else {
			PdfPTable history = table(new float[] { 3, 3, 2, 2, 2 }, w.get("claim.number"), w.get("claim.frequency"),
					w.get("claim.received"), w.get("claim.status"), w.get("claim.paid"));
			for (Version v : c.history()) {
				cell(history, v.number().value() + (v.number().equals(c.number()) ? " " + w.get("claim.this") : ""),
						TEXT);
				cell(history, w.get("claim.frequency." + v.frequency().name()), TEXT);
				cell(history, v.receivedDate().toString(), TEXT);
				cell(history, w.get("claim.status." + v.status().name()), TEXT);
				cell(history, Money.dollars(v.paid()), TEXT);
			}
			pdf.add(history);
		}

		return pdf.finish(w.get("claim.pdf.footer", PdfPages.madeAt(this.clock)));
	}

	private static String frequency(ClaimDetail c, Words w) {
		String frequency = w.get("claim.frequency." + c.frequency().name());
		return (c.replacedClaim() != null) ? frequency + " " + w.get("claim.of", c.replacedClaim().value()) : frequency;
	}

	private static String dates(ClaimDetail c, Words w) {
		return c.serviceFrom().equals(c.serviceTo()) ? c.serviceFrom().toString()
				: w.get("claim.date-range", c.serviceFrom().toString(), c.serviceTo().toString());
	}

	private static String placeOfService(String code, Words w) {
		String name = w.getOrNull("claim.place-of-service." + code);
		return (name != null) ? code + " " + name : code;
	}

	private static String provider(Npi npi, Map<String, String> names, Words w) {
		String name = names.get(npi.value());
		return ((name != null) ? name : w.get("claim.unknown-provider")) + " (NPI " + npi.value() + ")";
	}

	private static String procedure(Line l) {
		List<String> parts = new ArrayList<>();
		if (l.procedureCode() != null) {
			parts.add(l.procedureCode() + (l.modifiers().isEmpty() ? "" : "-" + String.join("-", l.modifiers())));
		}
		if (l.revenueCode() != null) {
			parts.add("Rev " + l.revenueCode());
		}
		return String.join(" ", parts);
	}

	private static String reason(Adjustment a, Words w) {
		String text = "CARC " + a.reasonCode() + ": "
				+ ((a.reason() != null) ? a.reason() : w.get("claim.reason.unexplained"));
		if (a.remarkCode() != null) {
			text += "\nRARC " + a.remarkCode() + ": "
					+ ((a.remark() != null) ? a.remark() : w.get("claim.reason.unexplained"));
		}
		return text;
	}

}
