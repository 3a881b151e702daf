/**
 * Notifications: outgoing email through a transactional outbox, delivered over SMTP with
 * retries, or to the dev mailbox on the embedded database.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Notifications", allowedDependencies = "platform")
package org.portico.notifications;
