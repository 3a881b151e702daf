package org.portico.demo;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;

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
 * One table says who each is; it both creates the accounts and describes them in the
 * start-up log.
 */
@Component
class DemoLogins {

	private static final Set<ProviderFunction> ALL = EnumSet.allOf(ProviderFunction.class);

	/**
	 * A demo login.
	 *
	 * @param username the sign-in name
	 * @param name the person's name
	 * @param description who they are, for the log and the README
	 * @param actsFor the NPIs they act for, picked from the directory (empty for plan
	 * staff)
	 * @param role their role for those NPIs
	 * @param functions what they may do for them
	 * @param grantedBySaa whether the practice's SAA granted it (otherwise the plan did)
	 * @param staffRole the plan staff role, for staff logins
	 */
	record Login(String username, String name, String description, Function<DemoProviders, List<Npi>> actsFor,
			AccessRole role, Set<ProviderFunction> functions, boolean grantedBySaa, StaffRole staffRole) {

		static Login provider(String username, String name, String description,
				Function<DemoProviders, List<Npi>> actsFor, AccessRole role, Set<ProviderFunction> functions) {
			return new Login(username, name, description, actsFor, role, functions, role != AccessRole.SAA, null);
		}

		static Login staff(String username, String name, StaffRole role) {
			return new Login(username, name, "Plan staff: " + role.name().toLowerCase().replace('_', ' '),
					(d) -> List.of(), null, Set.of(), false, role);
		}

	}

	static final List<Login> LOGINS = List.of(
			Login.provider("saa.demo", "Dana Whitfield", "Senior Access Administrator of a primary care group",
					(d) -> practice(d, 0), AccessRole.SAA, ALL),
			Login.provider("aa.demo", "Luis Ortega", "Access Administrator of the same group", (d) -> practice(d, 0),
					AccessRole.AA, ALL),
			Login.provider("frontdesk.demo", "Keisha Brown", "Authorized User: eligibility, claim status, referrals",
					(d) -> practice(d, 0), AccessRole.AU,
					EnumSet.of(ProviderFunction.ELIGIBILITY_BENEFITS, ProviderFunction.CLAIM_STATUS,
							ProviderFunction.REFERRALS_AUTHORIZATIONS)),
			Login.provider("billing.demo", "Mei Chen", "Authorized User: claim status and adjustments",
					(d) -> practice(d, 0), AccessRole.AU,
					EnumSet.of(ProviderFunction.CLAIM_STATUS, ProviderFunction.CLAIM_ADJUSTMENTS)),
			Login.provider("other.demo", "Sean Fitzgerald", "Senior Access Administrator of another practice",
					(d) -> practice(d, 1), AccessRole.SAA, ALL),
			Login.provider("doctor.demo", "Dr. Priya Shah", "A physician, SAA of their own NPI",
					(d) -> List.of(d.practitionersOf(d.groups().get(2)).get(0).npi()), AccessRole.SAA, ALL),
			Login.provider("facility.demo", "Renée Côté",
					"Hospital staff: inpatient notifications, eligibility, claims",
					(d) -> List.of(d.facilities("MA").get(0).npi()), AccessRole.SAA,
					EnumSet.of(ProviderFunction.INPATIENT_NOTIFICATIONS, ProviderFunction.ELIGIBILITY_BENEFITS,
							ProviderFunction.CLAIM_STATUS, ProviderFunction.REFERRALS_AUTHORIZATIONS,
							ProviderFunction.ACCESS_ADMINISTRATION)),
			// Granted by the plan, not by an SAA: it spans three practices.
			new Login("unit.demo", "Anh Nguyen", "Reports for every provider of a provider unit (three practices)",
					DemoLogins::firstUnit, AccessRole.AU, EnumSet.of(ProviderFunction.REPORTS), false, null),
			Login.staff("services.staff", "Grace Kelly", StaffRole.PROVIDER_SERVICES),
			Login.staff("compliance.staff", "Omar Haddad", StaffRole.COMPLIANCE),
			Login.staff("reviewer.staff", "Dr. Nadia Okafor", StaffRole.CLINICAL_REVIEWER),
			Login.staff("claims.staff", "Brendan Sullivan", StaffRole.CLAIMS_STAFF));

	/**
	 * Why demo logins skip the second step: the demo is tried without a phone. They exist
	 * only where demo data is loaded, which is the embedded database unless told
	 * otherwise.
	 */
	static final String SECOND_STEP_WAIVER = "demo login: the demo is tried without an authenticator";

	private final Accounts accounts;

	private final AccessApi access;

	DemoLogins(Accounts accounts, AccessApi access) {
		this.accounts = accounts;
		this.access = access;
	}

	/** The start-up log's table of demo logins and the NPIs each acts for. */
	static String describe(DemoProviders directory) {
		StringBuilder table = new StringBuilder("Demo logins (password: portico.demo.password, see README):");
		for (Login login : LOGINS) {
			List<Npi> npis = login.actsFor().apply(directory);
			String actsFor = npis.isEmpty() ? "" : (npis.size() == 1) ? npis.get(0).value()
					: npis.get(0).value() + " and " + (npis.size() - 1) + " more";
			table.append(String.format("%n  %-18s %-62s %s", login.username(), login.description(), actsFor));
		}
		return table.toString();
	}

	@Transactional
	void create(DemoProviders directory, String password) {
		AccountId saaOfFirstPractice = null;
		for (Login login : LOGINS) {
			NewAccount account = new NewAccount(login.username(), login.username() + "@example.org", login.name(),
					password);
			if (login.staffRole() != null) {
				AccountId staff = this.accounts.openStaffAccount(account, Set.of(login.staffRole()));
				this.accounts.waiveSecondStep(staff, SECOND_STEP_WAIVER);
				continue;
			}
			AccountId id = this.accounts.openProviderAccount(account);
			this.accounts.waiveSecondStep(id, SECOND_STEP_WAIVER);
			AccountId grantedBy = login.grantedBySaa() ? saaOfFirstPractice : null;
			for (Npi npi : login.actsFor().apply(directory)) {
				this.access.grant(id, npi, login.role(), login.functions(), grantedBy);
			}
			if (saaOfFirstPractice == null && login.role() == AccessRole.SAA) {
				saaOfFirstPractice = id;
			}
		}
	}

	/**
	 * The practitioners of the directory's first provider unit: the first three
	 * practices, whose offices the logins above already act for. Taking a unit of
	 * practices no login holds would leave fewer providers free to register as their
	 * practice's first SAA.
	 */
	private static List<Npi> firstUnit(DemoProviders directory) {
		List<Npi> npis = new ArrayList<>();
		for (Provider group : directory.groups().subList(0, 3)) {
			directory.practitionersOf(group).forEach((p) -> npis.add(p.npi()));
		}
		return npis;
	}

	/** A group practice's own NPI and its practitioners' NPIs. */
	private static List<Npi> practice(DemoProviders directory, int index) {
		Provider group = directory.groups().get(index);
		List<Npi> npis = new ArrayList<>();
		npis.add(group.npi());
		directory.practitionersOf(group).forEach((p) -> npis.add(p.npi()));
		return npis;
	}

}
