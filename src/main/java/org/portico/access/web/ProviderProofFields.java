package org.portico.access.web;

import java.util.List;

import org.portico.access.Registration.Acting;
import org.portico.access.Registration.ClaimProof;
import org.portico.access.Registration.ProviderProof;

/**
 * The fields that prove a person acts for a provider, as both the registration form and
 * "I need additional access" send them.
 */
interface ProviderProofFields {

	String npi();

	String identification();

	String tin();

	String ssnLastFour();

	String claim1Number();

	String claim1Date();

	String claim1Billed();

	String claim2Number();

	String claim2Date();

	String claim2Billed();

	String registeringAs();

	String providerEmail();

	String replaceSaa();

	default ProviderProof proof() {
		return new ProviderProof(npi(), !"SSN".equals(identification()), tin(), ssnLastFour(),
				List.of(new ClaimProof(claim1Number(), claim1Date(), claim1Billed()),
						new ClaimProof(claim2Number(), claim2Date(), claim2Billed())));
	}

	default Acting acting() {
		return new Acting("BEHALF".equals(registeringAs()), providerEmail(), "REPLACE".equals(replaceSaa()));
	}

}
