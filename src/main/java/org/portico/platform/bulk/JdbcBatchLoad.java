package org.portico.platform.bulk;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Collections;

/**
 * Loads rows with batched prepared statements, for databases without COPY (H2).
 */
final class JdbcBatchLoad extends ConnectionBulkLoad<JdbcBatchLoad.BatchWriter> {

	private static final int BATCH = 1000;

	JdbcBatchLoad(Connection connection) {
		super(connection);
	}

	@Override
	protected BatchWriter newWriter(String table, String[] columns) {
		String sql = "INSERT INTO " + table + " (" + String.join(", ", columns) + ") VALUES ("
				+ String.join(", ", Collections.nCopies(columns.length, "?")) + ")";
		try {
			return new BatchWriter(this.connection.prepareStatement(sql), table);
		}
		catch (SQLException ex) {
			throw failure(table, ex);
		}
	}

	@Override
	protected void flush(BatchWriter writer) throws SQLException {
		if (writer.pending > 0) {
			writer.statement.executeBatch();
			writer.pending = 0;
		}
	}

	final class BatchWriter implements TableWriter {

		private final PreparedStatement statement;

		private final String table;

		private int pending;

		BatchWriter(PreparedStatement statement, String table) {
			this.statement = statement;
			this.table = table;
		}

		@Override
		public void row(Object... values) {
			try {
				for (int i = 0; i < values.length; i++) {
					Object value = values[i];
					if (value instanceof String[] array) {
						value = JdbcBatchLoad.this.connection.createArrayOf("VARCHAR", array);
					}
					else if (value instanceof Instant instant) {
						value = Timestamp.from(instant);
					}
					this.statement.setObject(i + 1, value);
				}
				this.statement.addBatch();
				if (++this.pending >= BATCH) {
					flushAll();
				}
			}
			catch (SQLException ex) {
				throw failure(this.table, ex);
			}
		}

	}

}
