/**
 * Notifications: outgoing email through a transactional outbox.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Notifications", allowedDependencies = "platform")
package org.portico.notifications;
