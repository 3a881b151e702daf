package org.portico.access;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.portico.identity.AccountId;
import org.portico.providers.Npi;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The SAA history of each NPI: every change of its Senior Access Administrator, recorded
 * by the access module itself wherever the role changes hands, so that Provider Services
 * can answer a disputed change without reading the audit trail.
 */
@Component
class SaaChanges {

	private final JdbcClient jdbc;

	private final Clock clock;

	SaaChanges(JdbcClient jdbc, Clock clock) {
		this.jdbc = jdbc;
		this.clock = clock;
	}

	/** Records a change made now, in the caller's transaction. */
	void record(Npi npi, AccountId saa, AccountId previous, SaaChange.How how, Boolean previousKeptAccess,
			String changedBy, String reason) {
		this.jdbc.sql("""
				INSERT INTO access.saa_change
				  (npi, account_id, previous_account_id, how, previous_kept_access, changed_by, changed_at, reason)
				VALUES (?, ?, ?, ?, ?, ?, ?, ?)
				""")
			.params(npi.value(), saa.value(), (previous != null) ? previous.value() : null, how.name(),
					(previous != null) ? previousKeptAccess : null, changedBy, Timestamp.from(Instant.now(this.clock)),
					reason)
			.update();
	}

	/** The NPI's changes, oldest first. */
	List<SaaChange> of(Npi npi) {
		return this.jdbc.sql("SELECT * FROM access.saa_change WHERE npi = ? ORDER BY id")
			.param(npi.value())
			.query(this::row)
			.list();
	}

	/** The NPI's newest change: the one that made its current SAA. */
	Optional<SaaChange> latest(Npi npi) {
		return this.jdbc.sql("SELECT * FROM access.saa_change WHERE npi = ? ORDER BY id DESC FETCH FIRST 1 ROWS ONLY")
			.param(npi.value())
			.query(this::row)
			.optional();
	}

	private SaaChange row(ResultSet rs, int row) throws SQLException {
		long previous = rs.getLong("previous_account_id");
		AccountId previousAccount = rs.wasNull() ? null : new AccountId(previous);
		boolean kept = rs.getBoolean("previous_kept_access");
		Boolean previousKept = rs.wasNull() ? null : kept;
		return new SaaChange(rs.getLong("id"), new Npi(rs.getString("npi")), new AccountId(rs.getLong("account_id")),
				previousAccount, SaaChange.How.valueOf(rs.getString("how")), previousKept, rs.getString("changed_by"),
				rs.getTimestamp("changed_at").toInstant(), rs.getString("reason"));
	}

}
