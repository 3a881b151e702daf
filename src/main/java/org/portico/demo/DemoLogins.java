package org.portico.demo;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import org.portico.access.AccessApi;
import org.portico.access.AccessRole;
import org.portico.access.ProviderFunction;
import org.portico.demo.DemoProviders.Provider;
import org.portico.identity.AccountId;
import org.portico.identity.Accounts;
import org.portico.identity.NewAccount;
import org.portico.identity.StaffRole;
import org.portico.providers.Npi;

import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * One demo login for each kind of user, acting for providers of the synthetic directory.
 */
@Component
class DemoLogins {

	/** A demo login as the README and the start-up log list it. */
	record Login(String username, String who, String actsFor) {
	}

	private final Accounts accounts;

	private final AccessApi access;

	DemoLogins(Accounts accounts, AccessApi access) {
		this.accounts = accounts;
		this.access = access;
	}

	/** Every demo login, with the providers each acts for, from the directory. */
	static List<Login> describe(DemoProviders directory) {
		Provider practice = directory.groups().get(0);
		Provider otherPractice = directory.groups().get(1);
		Provider doctor = directory.practitionersOf(directory.groups().get(2)).get(0);
		Provider hospital = directory.facilities("MA").get(0);
		List<Login> logins = new ArrayList<>();
		logins.add(new Login("saa.demo", "Senior Access Administrator, all functions",
				practice.npi() + " and its providers"));
		logins.add(new Login("aa.demo", "Access Administrator", practice.npi() + " and its providers"));
		logins.add(new Login("frontdesk.demo", "Authorized User: eligibility, claim status, referrals",
				practice.npi() + " and its providers"));
		logins.add(new Login("billing.demo", "Authorized User: claim status and adjustments",
				practice.npi() + " and its providers"));
		logins.add(new Login("other.demo", "Authorized User at another practice, all functions",
				otherPractice.npi() + " and its providers"));
		logins.add(new Login("doctor.demo", "Provider, SAA of their own NPI", doctor.npi().value()));
		logins.add(new Login("facility.demo", "Hospital staff: inpatient notifications, eligibility, claims",
				hospital.npi().value()));
		logins.add(new Login("services.staff", "Plan staff: provider services", "plan"));
		logins.add(new Login("compliance.staff", "Plan staff: compliance", "plan"));
		logins.add(new Login("reviewer.staff", "Plan staff: clinical reviewer", "plan"));
		logins.add(new Login("claims.staff", "Plan staff: claims", "plan"));
		return logins;
	}

	@Transactional
	void create(DemoProviders directory, String password) {
		Provider practice = directory.groups().get(0);
		List<Npi> practiceNpis = npis(directory, practice);
		Set<ProviderFunction> all = EnumSet.allOf(ProviderFunction.class);

		AccountId saa = provider("saa.demo", "Dana Whitfield", password);
		grantAll(saa, practiceNpis, AccessRole.SAA, all, null);
		grantAll(provider("aa.demo", "Luis Ortega", password), practiceNpis, AccessRole.AA, all, saa);
		grantAll(provider("frontdesk.demo", "Keisha Brown", password), practiceNpis, AccessRole.AU,
				EnumSet.of(ProviderFunction.ELIGIBILITY_BENEFITS, ProviderFunction.CLAIM_STATUS,
						ProviderFunction.REFERRALS_AUTHORIZATIONS),
				saa);
		grantAll(provider("billing.demo", "Mei Chen", password), practiceNpis, AccessRole.AU,
				EnumSet.of(ProviderFunction.CLAIM_STATUS, ProviderFunction.CLAIM_ADJUSTMENTS), saa);

		List<Npi> otherNpis = npis(directory, directory.groups().get(1));
		grantAll(provider("other.demo", "Sean Fitzgerald", password), otherNpis, AccessRole.SAA, all, null);

		Provider doctor = directory.practitionersOf(directory.groups().get(2)).get(0);
		grantAll(provider("doctor.demo", "Dr. Priya Shah", password), List.of(doctor.npi()), AccessRole.SAA, all, null);

		Provider hospital = directory.facilities("MA").get(0);
		grantAll(provider("facility.demo", "Renée Côté", password), List.of(hospital.npi()), AccessRole.SAA,
				EnumSet.of(ProviderFunction.INPATIENT_NOTIFICATIONS, ProviderFunction.ELIGIBILITY_BENEFITS,
						ProviderFunction.CLAIM_STATUS, ProviderFunction.REFERRALS_AUTHORIZATIONS,
						ProviderFunction.ACCESS_ADMINISTRATION),
				null);

		staff("services.staff", "Grace Kelly", password, StaffRole.PROVIDER_SERVICES);
		staff("compliance.staff", "Omar Haddad", password, StaffRole.COMPLIANCE);
		staff("reviewer.staff", "Dr. Nadia Okafor", password, StaffRole.CLINICAL_REVIEWER);
		staff("claims.staff", "Brendan Sullivan", password, StaffRole.CLAIMS_STAFF);
	}

	private static List<Npi> npis(DemoProviders directory, Provider group) {
		List<Npi> npis = new ArrayList<>();
		npis.add(group.npi());
		directory.practitionersOf(group).forEach((p) -> npis.add(p.npi()));
		return npis;
	}

	private AccountId provider(String username, String name, String password) {
		return this.accounts.openProviderAccount(
				new NewAccount(username, username.replace(".demo", "") + "@example.org", name, password));
	}

	private void staff(String username, String name, String password, StaffRole role) {
		this.accounts.openStaffAccount(new NewAccount(username, username + "@plan.example.org", name, password),
				Set.of(role));
	}

	private void grantAll(AccountId user, List<Npi> npis, AccessRole role, Set<ProviderFunction> functions,
			AccountId by) {
		for (Npi npi : npis) {
			this.access.grant(user, npi, role, functions, by);
		}
	}

}
