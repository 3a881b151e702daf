package org.portico.platform.bulk;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.dao.DataAccessResourceFailureException;

/**
 * What both kinds of bulk load share: one connection, one transaction, one writer per
 * table.
 */
abstract class ConnectionBulkLoad<W extends BulkLoad.TableWriter> implements BulkLoad {

	protected final Connection connection;

	private final Map<String, W> writers = new LinkedHashMap<>();

	ConnectionBulkLoad(Connection connection) {
		this.connection = connection;
	}

	@Override
	public TableWriter into(String table, String... columns) {
		return this.writers.computeIfAbsent(table + String.join(",", columns), (k) -> newWriter(table, columns));
	}

	protected abstract W newWriter(String table, String[] columns);

	protected abstract void flush(W writer) throws SQLException;

	/**
	 * Writes every table's buffered rows, in the order the tables were first written to,
	 * so a row is never written before the row it references.
	 */
	protected void flushAll() {
		try {
			for (W writer : this.writers.values()) {
				flush(writer);
			}
		}
		catch (SQLException ex) {
			throw new DataAccessResourceFailureException("Bulk load failed", ex);
		}
	}

	@Override
	public void commit() {
		flushAll();
		try {
			this.connection.commit();
		}
		catch (SQLException ex) {
			throw new DataAccessResourceFailureException("Bulk load failed", ex);
		}
	}

	@Override
	public void close() {
		try (Connection c = this.connection) {
			c.rollback();
			c.setAutoCommit(true);
		}
		catch (SQLException ex) {
			throw new DataAccessResourceFailureException("Cannot release the bulk load's connection", ex);
		}
	}

	static DataAccessResourceFailureException failure(String table, SQLException ex) {
		return new DataAccessResourceFailureException("Bulk load into " + table + " failed", ex);
	}

}
