package org.portico.notifications;

/**
 * Hands one message to whatever delivers mail: an SMTP server, or the dev mailbox.
 */
interface MailDelivery {

	/** Delivers the message or throws; a failure is retried later. */
	void deliver(OutboxMessage message) throws Exception;

	/** The channel recorded on a delivered message. */
	String channel();

	/**
	 * Whether a delivered message's body is kept in the outbox (only for the dev
	 * mailbox).
	 */
	default boolean keepsBody() {
		return false;
	}

}
