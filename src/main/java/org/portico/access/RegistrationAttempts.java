package org.portico.access;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;

import org.portico.audit.AuditEvent;
import org.portico.audit.AuditLog;
import org.portico.audit.AuditOutcome;
import org.portico.providers.Npi;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Failed verifications of a provider's details, counted per client address and per NPI so
 * that guessing the TIN, the SSN digits or the claims stops after a few tries. A bean of
 * its own so that a failure is counted in a transaction of its own: whatever happens to
 * the registration that failed, its failure stays on the count.
 */
@Component
class RegistrationAttempts {

	private final JdbcClient jdbc;

	private final AuditLog audit;

	private final Clock clock;

	RegistrationAttempts(JdbcClient jdbc, AuditLog audit, Clock clock) {
		this.jdbc = jdbc;
		this.audit = audit;
		this.clock = clock;
	}

	/**
	 * Whether the client or the NPI failed {@link Registration#FAILURES_ALLOWED} times
	 * within {@link Registration#FAILURE_WINDOW}.
	 */
	boolean tooMany(String client, Npi npi) {
		Timestamp since = Timestamp.from(Instant.now(this.clock).minus(Registration.FAILURE_WINDOW));
		return this.jdbc.sql("""
				SELECT COUNT(*) FROM access.registration_attempt WHERE failed_at > ? AND (client = ? OR npi = ?)
				""").params(since, client, npi.value()).query(Long.class).single() >= Registration.FAILURES_ALLOWED;
	}

	/**
	 * Counts a failed verification, committed at once even if the caller's transaction is
	 * later rolled back.
	 * @param actor who tried, for the audit trail
	 */
	@Transactional(propagation = Propagation.REQUIRES_NEW)
	void failed(String client, Npi npi, String actor) {
		this.jdbc.sql("INSERT INTO access.registration_attempt (client, npi, failed_at) VALUES (?, ?, ?)")
			.params(client, npi.value(), Timestamp.from(Instant.now(this.clock)))
			.update();
		this.audit.record(new AuditEvent(actor, "registration.verify", "npi", npi.value(), AuditOutcome.FAILURE, null));
	}

}
