package org.portico.audit;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;

import javax.sql.DataSource;

import org.portico.platform.RequestInfo;

import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The audit module's facade. Every module records PHI views and security events here. The
 * trail can only grow: there is no way to change or remove an entry.
 */
@Service
public class AuditLog {

	private static final int DETAIL_LENGTH = 500;

	private static final int BATCH = 100;

	private static final String INSERT = """
			INSERT INTO audit.audit_event
			  (occurred_at, actor, action, object_type, object_id, outcome, client_ip, request_id, detail)
			VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
			""";

	private final JdbcClient jdbc;

	private final JdbcTemplate jdbcTemplate;

	private final DataSource dataSource;

	private final Clock clock;

	AuditLog(JdbcClient jdbc, JdbcTemplate jdbcTemplate, DataSource dataSource, Clock clock) {
		this.jdbc = jdbc;
		this.jdbcTemplate = jdbcTemplate;
		this.dataSource = dataSource;
		this.clock = clock;
	}

	/**
	 * Records the event at once on a connection of its own, outside any transaction of
	 * the caller's, so that a denied or failed action that rolls back is still on the
	 * record. One statement in auto-commit: a single round trip to the database.
	 */
	public void record(AuditEvent event) {
		RequestInfo request = RequestInfo.current();
		try (Connection connection = this.dataSource.getConnection()) {
			if (!connection.getAutoCommit()) {
				connection.setAutoCommit(true);
			}
			try (PreparedStatement insert = connection.prepareStatement(INSERT)) {
				insert.setTimestamp(1, Timestamp.from(Instant.now(this.clock)));
				insert.setString(2, event.actor());
				insert.setString(3, event.action());
				insert.setString(4, event.objectType());
				insert.setString(5, event.objectId());
				insert.setString(6, event.outcome().name());
				insert.setString(7, request.clientIp());
				insert.setString(8, request.requestId());
				insert.setString(9, detail(event));
				insert.executeUpdate();
			}
		}
		catch (SQLException ex) {
			throw new DataAccessResourceFailureException("Could not record " + event.action() + " in the audit trail",
					ex);
		}
	}

	/**
	 * Records many events at once, such as the members a batch job looked up, in one
	 * transaction of its own and one round trip per hundred events.
	 */
	@Transactional(propagation = Propagation.REQUIRES_NEW)
	public void recordAll(List<AuditEvent> events) {
		if (events.isEmpty()) {
			return;
		}
		RequestInfo request = RequestInfo.current();
		Timestamp now = Timestamp.from(Instant.now(this.clock));
		List<Object[]> rows = events.stream()
			.map((event) -> new Object[] { now, event.actor(), event.action(), event.objectType(), event.objectId(),
					event.outcome().name(), request.clientIp(), request.requestId(), detail(event) })
			.toList();
		for (int from = 0; from < rows.size(); from += BATCH) {
			this.jdbcTemplate.batchUpdate(INSERT, rows.subList(from, Math.min(rows.size(), from + BATCH)));
		}
	}

	private static String detail(AuditEvent event) {
		String detail = event.detail();
		return (detail != null && detail.length() > DETAIL_LENGTH) ? detail.substring(0, DETAIL_LENGTH) : detail;
	}

	/** The actor's most recent entries, newest first. */
	@Transactional(readOnly = true)
	public List<AuditRecord> recentByActor(String actor, int limit) {
		return this.jdbc.sql("""
				SELECT * FROM audit.audit_event WHERE actor = ?
				ORDER BY occurred_at DESC, id DESC FETCH FIRST ? ROWS ONLY
				""").params(actor, limit).query(this::auditRecord).list();
	}

	/**
	 * Searches the trail, newest first, at most 500 entries. Every field may be blank;
	 * the search itself is put on the record.
	 */
	@Transactional
	public List<AuditRecord> search(String searchedBy, AuditQuery query) {
		StringBuilder sql = new StringBuilder(
				"SELECT * FROM audit.audit_event WHERE occurred_at >= ? AND occurred_at < ?");
		List<Object> params = new java.util.ArrayList<>(
				List.of(Timestamp.from(query.from()), Timestamp.from(query.to())));
		if (query.actor() != null && !query.actor().isBlank()) {
			sql.append(" AND actor = ?");
			params.add(query.actor().strip().toLowerCase(java.util.Locale.ROOT));
		}
		if (query.action() != null && !query.action().isBlank()) {
			sql.append(" AND action = ?");
			params.add(query.action().strip());
		}
		if (query.objectId() != null && !query.objectId().isBlank()) {
			sql.append(" AND object_id = ?");
			params.add(query.objectId().strip());
		}
		sql.append(" ORDER BY occurred_at DESC, id DESC FETCH FIRST 500 ROWS ONLY");
		record(new AuditEvent(searchedBy, "audit.search", null, null, AuditOutcome.SUCCESS, query.toString()));
		return this.jdbc.sql(sql.toString()).params(params).query(this::auditRecord).list();
	}

	private AuditRecord auditRecord(ResultSet rs, int row) throws SQLException {
		return new AuditRecord(rs.getLong("id"), rs.getTimestamp("occurred_at").toInstant(), rs.getString("actor"),
				rs.getString("action"), rs.getString("object_type"), rs.getString("object_id"),
				AuditOutcome.valueOf(rs.getString("outcome")), rs.getString("client_ip"), rs.getString("request_id"),
				rs.getString("detail"));
	}

}
