package org.portico.platform.bulk;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;

import org.postgresql.PGConnection;
import org.postgresql.copy.CopyManager;

/**
 * Streams rows with PostgreSQL's COPY in text format, several megabytes per round trip.
 */
final class PostgresCopyLoad extends ConnectionBulkLoad<PostgresCopyLoad.CopyWriter> {

	private static final int FLUSH_AT = 8 * 1024 * 1024;

	private final CopyManager copy;

	PostgresCopyLoad(Connection connection) throws SQLException {
		super(connection);
		this.copy = connection.unwrap(PGConnection.class).getCopyAPI();
	}

	@Override
	protected CopyWriter newWriter(String table, String[] columns) {
		return new CopyWriter("COPY " + table + " (" + String.join(", ", columns) + ") FROM STDIN", table);
	}

	@Override
	protected void flush(CopyWriter writer) throws SQLException {
		if (writer.buffer.isEmpty()) {
			return;
		}
		byte[] bytes = writer.buffer.toString().getBytes(StandardCharsets.UTF_8);
		writer.buffer.setLength(0);
		try {
			this.copy.copyIn(writer.sql, new ByteArrayInputStream(bytes));
		}
		catch (IOException ex) {
			throw new SQLException("COPY into " + writer.table + " failed", ex);
		}
	}

	final class CopyWriter implements TableWriter {

		private final String sql;

		private final String table;

		private final StringBuilder buffer = new StringBuilder();

		CopyWriter(String sql, String table) {
			this.sql = sql;
			this.table = table;
		}

		@Override
		public void row(Object... values) {
			for (int i = 0; i < values.length; i++) {
				if (i > 0) {
					this.buffer.append('\t');
				}
				append(values[i]);
			}
			this.buffer.append('\n');
			if (this.buffer.length() >= FLUSH_AT) {
				flushAll();
			}
		}

		private void append(Object value) {
			if (value == null) {
				this.buffer.append("\\N");
			}
			else if (value instanceof String s) {
				escape(s);
			}
			else if (value instanceof BigDecimal d) {
				this.buffer.append(d.toPlainString());
			}
			else if (value instanceof Boolean b) {
				this.buffer.append(b ? 't' : 'f');
			}
			else if (value instanceof String[] array) {
				this.buffer.append('{');
				for (int i = 0; i < array.length; i++) {
					if (i > 0) {
						this.buffer.append(',');
					}
					this.buffer.append('"');
					escape(array[i].replace("\\", "\\\\").replace("\"", "\\\""));
					this.buffer.append('"');
				}
				this.buffer.append('}');
			}
			else {
				escape(value.toString());
			}
		}

		private void escape(String s) {
			for (int i = 0; i < s.length(); i++) {
				char c = s.charAt(i);
				switch (c) {
					case '\\' -> this.buffer.append("\\\\");
					case '\t' -> this.buffer.append("\\t");
					case '\n' -> this.buffer.append("\\n");
					case '\r' -> this.buffer.append("\\r");
					default -> this.buffer.append(c);
				}
			}
		}

	}

}
