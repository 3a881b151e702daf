package org.portico.members.web;

import java.math.BigDecimal;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import com.lowagie.text.pdf.PdfPTable;

import org.portico.members.EligibilityReport;
import org.portico.members.EligibilityReport.Accumulator;
import org.portico.members.EligibilityReport.Benefit;
import org.portico.members.EligibilityReport.BenefitRow;
import org.portico.members.EligibilityReport.Coverage;
import org.portico.members.EligibilityReport.PcpSpan;
import org.portico.platform.Money;
import org.portico.platform.pdf.PdfPages;
import org.portico.platform.pdf.Words;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

import static org.portico.platform.pdf.PdfPages.BOLD;
import static org.portico.platform.pdf.PdfPages.TEXT;
import static org.portico.platform.pdf.PdfPages.cell;
import static org.portico.platform.pdf.PdfPages.table;

/**
 * The Eligibility & Benefits report as a PDF: the same facts as the page, in the same
 * words (the page's message keys), on letter paper.
 */
@Component
class EligibilityPdf {

	private final MessageSource messages;

	private final Clock clock;

	EligibilityPdf(MessageSource messages, Clock clock) {
		this.messages = messages;
		this.clock = clock;
	}

	byte[] render(EligibilityReport r, String actingFor, Map<String, String> pcpNames, Locale locale) {
		Words w = new Words(this.messages, locale);
		PdfPages pdf = PdfPages.letter(w.get("eligibility.report.title") + " " + r.id());
		pdf.title(w.get("eligibility.report.title"));
		pdf.facts(List.of(w.get("eligibility.member"), r.name(), w.get("eligibility.member-id"), r.id().toString(),
				w.get("eligibility.birth-date"), r.birthDate().toString(), w.get("eligibility.acting-for"), actingFor,
				w.get("eligibility.date-of-service"), r.dateOfService().toString()));

		pdf.heading(w.get("eligibility.report.coverage"));
		Coverage c = r.coverage().orElse(null);
		pdf.paragraph(c != null ? w.get("eligibility.report.covered", r.dateOfService())
				: w.get("eligibility.report.not-covered", r.dateOfService()), BOLD);
		if (c != null) {
			PcpSpan pcp = r.currentPcp().orElse(null);
			pdf.facts(
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
									: w.get("eligibility.report.no-pcp")));
		}

		pdf.heading(w.get("eligibility.report.other-insurance"));
		if (r.otherInsurance().isEmpty()) {
			pdf.paragraph(w.get("eligibility.report.no-other-insurance"), TEXT);
		}
		r.otherInsurance()
			.forEach((o) -> pdf.paragraph(w.get("eligibility.report.other-insurance.line", o.payerName(),
					o.policyNumber(), w.get("payer-order." + o.payerOrder())), TEXT));

		if (c != null) {
			pdf.heading(w.get("eligibility.report.benefits"));
			PdfPTable benefits = table(new float[] { 3, 4, 4 }, w.get("eligibility.report.service"),
					w.get("eligibility.report.in-network"), w.get("eligibility.report.out-of-network"));
			for (BenefitRow b : r.benefits()) {
				cell(benefits, w.get("service-category." + b.category()), BOLD);
				cell(benefits, describe(b.inNetwork(), w), TEXT);
				cell(benefits, describe(b.outOfNetwork(), w), TEXT);
			}
			pdf.add(benefits);

			pdf.heading(w.get("eligibility.report.accumulators", r.dateOfService().getYear()));
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
			pdf.add(accumulators);
			if (!r.visitLimits().isEmpty()) {
				pdf.heading(w.get("eligibility.report.visit-limits"));
				PdfPTable visits = table(new float[] { 4, 2, 2, 2 }, w.get("eligibility.report.service"),
						w.get("eligibility.report.limit"), w.get("eligibility.report.used"),
						w.get("eligibility.report.remaining"));
				r.visitLimits().forEach((v) -> {
					cell(visits, w.get("service-category." + v.category()), BOLD);
					cell(visits, String.valueOf(v.limit()), TEXT);
					cell(visits, String.valueOf(v.used()), TEXT);
					cell(visits, String.valueOf(v.remaining()), TEXT);
				});
				pdf.add(visits);
			}
		}

		pdf.heading(w.get("eligibility.report.pcp-history"));
		PdfPTable history = table(new float[] { 5, 2, 2 }, w.get("eligibility.report.pcp"),
				w.get("eligibility.report.effective"), w.get("eligibility.report.terminates"));
		for (PcpSpan p : r.pcpHistory()) {
			cell(history, pcpName(p, pcpNames, w) + " (NPI " + p.pcpNpi() + ")", TEXT);
			cell(history, p.effectiveDate().toString(), TEXT);
			cell(history,
					(p.terminationDate() != null) ? p.terminationDate().toString() : w.get("eligibility.report.no-end"),
					TEXT);
		}
		pdf.add(history);

		return pdf.finish(w.get("eligibility.pdf.footer", PdfPages.madeAt(this.clock)));
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

}
