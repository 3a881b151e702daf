package org.portico.access;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Optional;

import org.portico.providers.Npi;

/**
 * What registration needs to know about claims: whether two claims the registering person
 * quotes are the provider's. The claims module answers it, so that access does not depend
 * on claims, which itself asks access who may see a claim.
 */
public interface ClaimEvidence {

	/** The claim number as the plan writes it, if the typed text is one. */
	Optional<String> claimNumber(String typed);

	/**
	 * Whether a claim with this number, first date of service and billed amount was
	 * billed or rendered by the NPI and received on or after the date.
	 */
	boolean matchesRecentClaim(Npi npi, String claimNumber, LocalDate serviceDate, BigDecimal billed,
			LocalDate receivedSince);

}
