package org.portico.access;

import java.time.Instant;

import org.portico.identity.AccountId;
import org.portico.providers.Npi;

/**
 * A change of an NPI's Senior Access Administrator, as kept in its SAA history.
 *
 * @param id the change, in the order changes happened
 * @param npi the NPI
 * @param saa who became its SAA
 * @param previous who was its SAA before, or null when it had none
 * @param how how the change happened
 * @param previousKeptAccess whether the previous SAA kept access to the NPI as an Access
 * Administrator; null when there was none
 * @param changedBy the username of who made the change (the person registering, the
 * Provider Services representative), or null when the plan set it up
 * @param changedAt when
 * @param reason why Provider Services restored the previous SAA, or null
 */
public record SaaChange(long id, Npi npi, AccountId saa, AccountId previous, How how, Boolean previousKeptAccess,
		String changedBy, Instant changedAt, String reason) {

	/** How an NPI got its Senior Access Administrator. */
	public enum How {

		/** The SAA held the role before changes were recorded. */
		ON_FILE,

		/** The plan gave the role, such as when accounts were brought over. */
		SET_UP,

		/** Registered for an NPI that had no SAA. */
		REGISTRATION,

		/** Registered with "Replace current SAA"; the SAA before stays an AA. */
		REPLACEMENT,

		/**
		 * Provider Services restored the SAA before, after the practice disputed a
		 * replacement.
		 */
		DISPUTE;

		public String messageKey() {
			return "saa.how." + name();
		}

	}

}
