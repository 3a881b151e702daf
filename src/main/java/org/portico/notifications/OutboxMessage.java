package org.portico.notifications;

import java.time.Instant;

/**
 * A message in the outbox as staff and the dev mailbox see it.
 */
public record OutboxMessage(long id, String category, String recipient, String subject, String body, Instant createdAt,
		String status, int attempts, Instant nextAttemptAt, String lastError, Instant sentAt) {
}
