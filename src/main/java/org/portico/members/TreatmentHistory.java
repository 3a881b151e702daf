package org.portico.members;

import java.time.LocalDate;

import org.portico.providers.Npi;

/**
 * Which providers have treated a member, as the claims show. The claims module answers
 * it, so that members does not depend on claims, which itself depends on members.
 */
public interface TreatmentHistory {

	/**
	 * Whether the NPI billed or rendered a claim for the member with service on or after
	 * the date.
	 */
	boolean billedOrRenderedSince(MemberId member, Npi npi, LocalDate since);

}
