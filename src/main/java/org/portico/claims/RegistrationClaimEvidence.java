package org.portico.claims;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Optional;

import org.portico.access.ClaimEvidence;
import org.portico.providers.Npi;

import org.springframework.stereotype.Component;

/**
 * Claims answering registration: a provider proves who they are by quoting two of their
 * recent claims.
 */
@Component
class RegistrationClaimEvidence implements ClaimEvidence {

	private final ClaimApi claims;

	RegistrationClaimEvidence(ClaimApi claims) {
		this.claims = claims;
	}

	@Override
	public Optional<String> claimNumber(String typed) {
		try {
			return Optional.of(ClaimNumber.parse(typed).value());
		}
		catch (IllegalArgumentException | NullPointerException ex) {
			return Optional.empty();
		}
	}

	@Override
	public boolean matchesRecentClaim(Npi npi, String claimNumber, LocalDate serviceDate, BigDecimal billed,
			LocalDate receivedSince) {
		return this.claims.matchesRecentClaim(npi, ClaimNumber.parse(claimNumber), serviceDate, billed, receivedSince);
	}

}
