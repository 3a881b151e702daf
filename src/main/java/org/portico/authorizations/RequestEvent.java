package org.portico.authorizations;

import java.time.Instant;

/**
 * A change of a request's status.
 *
 * @param occurredAt when
 * @param actor who: a user, a reviewer or {@code automatic}
 * @param from the status before, null for the submission
 * @param to the status after
 * @param note what was said, or null
 */
public record RequestEvent(Instant occurredAt, String actor, RequestStatus from, RequestStatus to, String note) {
}
