package org.portico.claims;

import java.util.List;
import java.util.Set;

import org.portico.access.AccessApi;
import org.portico.access.ProviderFunction;
import org.portico.identity.AccountId;
import org.portico.providers.Npi;

import org.springframework.stereotype.Component;

/**
 * A claim, and a payment, is seen only by users holding claim status access for its payee
 * NPI: the provider the plan pays. Access to the billing or rendering NPI alone is not
 * enough, as the seeds say. Searches apply the rule in the database, with the set of
 * payee NPIs the user holds, so that counts and pages never include a claim the user may
 * not see.
 */
@Component
class PayeeNpiAccessRequired {

	private final AccessApi access;

	PayeeNpiAccessRequired(AccessApi access) {
		this.access = access;
	}

	/** The payee NPIs whose claims and payments the user may see. */
	VisiblePayees payeesVisibleTo(AccountId user) {
		return new VisiblePayees(this.access.npisFor(user, ProviderFunction.CLAIM_STATUS));
	}

	/**
	 * The NPIs a user holds claim status access for: a claim or payment paid to one of
	 * them is visible to the user, any other is not.
	 */
	record VisiblePayees(Set<Npi> npis) {

		VisiblePayees {
			npis = Set.copyOf(npis);
		}

		boolean allow(Npi payee) {
			return this.npis.contains(payee);
		}

		boolean isEmpty() {
			return this.npis.isEmpty();
		}

		/** The NPIs as the database holds them, in a stable order. */
		List<String> values() {
			return this.npis.stream().map(Npi::value).sorted().toList();
		}

	}

}
