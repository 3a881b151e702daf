package org.portico.notifications;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * What tests read of the mail Portico sent: the outbox keeps it until it is delivered, on
 * either database.
 */
public final class SentMail {

	private SentMail() {
	}

	/** The body of the newest mail to the address. */
	public static String lastBodyTo(JdbcClient jdbc, String address) {
		return last(jdbc, "body", address);
	}

	/** The subject of the newest mail to the address. */
	public static String lastSubjectTo(JdbcClient jdbc, String address) {
		return last(jdbc, "subject", address);
	}

	private static String last(JdbcClient jdbc, String column, String address) {
		return jdbc.sql("SELECT " + column + " FROM notifications.outbox WHERE recipient = ? ORDER BY id DESC")
			.param(address)
			.query(String.class)
			.list()
			.get(0);
	}

}
