package org.portico.demo;

import java.time.LocalDate;
import java.util.List;

import org.portico.access.AccessApi;
import org.portico.access.ProviderFunction;
import org.portico.authorizations.AuthorizationRequest;
import org.portico.authorizations.Authorizations;
import org.portico.authorizations.BehavioralHealth;
import org.portico.authorizations.InpatientNotifications;
import org.portico.authorizations.Referrals;
import org.portico.demo.DemoProviders.Provider;
import org.portico.identity.Accounts;
import org.portico.identity.PorticoUser;
import org.portico.members.Eligibility;
import org.portico.members.EligibilityReport;
import org.portico.members.MemberApi;
import org.portico.members.MemberId;
import org.portico.providers.Npi;

import org.springframework.stereotype.Component;

/**
 * Referrals, a behavioral health request and inpatient notifications for the demo logins,
 * made through the same doors the pages use, so that the rules decide them: some approved
 * at once, some waiting in the reviewer's queue, one decided by the reviewer.
 * Deterministic: the same members, providers and forms on every load.
 */
@Component
class DemoAuthorizations {

	private final Accounts accounts;

	private final AccessApi access;

	private final MemberApi members;

	private final Eligibility eligibility;

	private final Referrals referrals;

	private final BehavioralHealth behavioralHealth;

	private final InpatientNotifications inpatient;

	private final Authorizations authorizations;

	DemoAuthorizations(Accounts accounts, AccessApi access, MemberApi members, Eligibility eligibility,
			Referrals referrals, BehavioralHealth behavioralHealth, InpatientNotifications inpatient,
			Authorizations authorizations) {
		this.accounts = accounts;
		this.access = access;
		this.members = members;
		this.eligibility = eligibility;
		this.referrals = referrals;
		this.behavioralHealth = behavioralHealth;
		this.inpatient = inpatient;
		this.authorizations = authorizations;
	}

	void create(DemoProviders directory, LocalDate today) {
		PorticoUser saa = user("saa.demo");
		List<Npi> npis = List.copyOf(this.access.npisFor(saa.accountId(), ProviderFunction.REFERRALS_AUTHORIZATIONS));
		List<MemberId> patients = this.members.membersWithPcpAmong(npis, today, 6);
		if (patients.size() < 6) {
			return;
		}
		// A group practice of specialists: every fifth group in the directory.
		List<Provider> specialists = directory.practitionersOf(directory.groups().get(4));
		String[] diagnoses = { "I25.10", "M17.11", "K21.9", "E11.65", "G43.909" };
		AuthorizationRequest toDecide = null;
		for (int i = 0; i < 5; i++) {
			MemberId member = patients.get(i);
			String pcp = this.eligibility.pcpOn(member, today).map(EligibilityReport.PcpSpan::pcpNpi).orElse(null);
			Provider specialist = specialists.get(i % specialists.size());
			// The fourth asks for more visits than a referral gives, so that it waits for
			// review.
			int visits = (i == 3) ? 20 : 2 + i;
			Referrals.Outcome outcome = this.referrals.submit(saa,
					new Referrals.ReferralForm((pcp != null) ? pcp : npis.get(0).value(), member.toString(),
							specialist.npi().value(), specialist.specialty(), diagnoses[i], String.valueOf(visits),
							today.minusDays(i).toString(), today.plusDays(90 - i).toString(), "demo-referral-" + i));
			if (outcome instanceof Referrals.Outcome.Submitted submitted && submitted.request().isOpen()
					&& toDecide == null) {
				toDecide = submitted.request();
			}
		}
		this.behavioralHealth.submit(saa,
				new BehavioralHealth.BehavioralHealthForm(npis.get(0).value(), patients.get(5).toString(), "",
						"INTENSIVE_OUTPATIENT", "F33.1",
						"Recurrent depression, moderate; weekly therapy for three months without enough relief.",
						"STANDARD", "12", today.toString(), today.plusDays(42).toString(), "demo-bh-0"),
				List.of());
		if (toDecide != null) {
			PorticoUser reviewer = user("reviewer.staff");
			this.authorizations.take(reviewer, toDecide.trackingNumber());
			this.authorizations.approve(reviewer, toDecide.trackingNumber(), Math.min(12, toDecide.requestedUnits()),
					toDecide.serviceFrom(), toDecide.serviceTo());
		}
		PorticoUser facility = user("facility.demo");
		String attending = specialists.get(0).npi().value();
		String facilityNpi = directory.facilities("MA").get(0).npi().value();
		for (int i = 0; i < 2; i++) {
			this.inpatient.report(facility,
					new InpatientNotifications.AdmissionForm(facilityNpi, patients.get(i).toString(),
							today.minusDays(3 - i).toString(), (i == 0) ? "07:40" : "22:05",
							(i == 0) ? "EMERGENCY" : "URGENT", (i == 0) ? "I50.9" : "J44.9", attending));
		}
	}

	private PorticoUser user(String username) {
		return (PorticoUser) this.accounts.loadUserByUsername(username);
	}

}
