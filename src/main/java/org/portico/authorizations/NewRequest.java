package org.portico.authorizations;

import java.time.LocalDate;

import org.portico.identity.PorticoUser;
import org.portico.members.MemberId;
import org.portico.providers.Npi;

/**
 * What every kind of request has when submitted. The caller has checked the form and the
 * user's access for the requesting NPI.
 *
 * @param kind referral, prior authorization or behavioral health
 * @param member the member
 * @param requestingNpi who asks, an NPI the user acts for
 * @param servicingNpi who is to give the care
 * @param requester the signed-in user
 * @param priority standard or expedited
 * @param serviceFrom first date of service asked for
 * @param serviceTo last date of service asked for
 * @param units visits, days or services asked for
 * @param submissionKey the form's one-time key
 */
public record NewRequest(RequestKind kind, MemberId member, Npi requestingNpi, Npi servicingNpi, PorticoUser requester,
		Priority priority, LocalDate serviceFrom, LocalDate serviceTo, int units, String submissionKey) {

	public NewRequest {
		if (kind == null || member == null || requestingNpi == null || servicingNpi == null || requester == null
				|| priority == null || serviceFrom == null || serviceTo == null) {
			throw new IllegalArgumentException("A request needs its kind, member, NPIs, requester, priority and dates");
		}
		if (serviceTo.isBefore(serviceFrom)) {
			throw new IllegalArgumentException("A request's last date is not before its first");
		}
		if (units < 1) {
			throw new IllegalArgumentException("A request asks for at least one unit");
		}
		if (submissionKey == null || submissionKey.isBlank() || submissionKey.length() > 64) {
			throw new IllegalArgumentException("A request carries its form's one-time key");
		}
	}

}
