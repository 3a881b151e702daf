package org.portico.platform.bulk;

/**
 * One transaction that loads many rows into a module's tables. Rows become visible all at
 * once when the load is {@linkplain #commit() committed}; a load closed without commit
 * leaves nothing behind.
 */
public interface BulkLoad extends AutoCloseable {

	/**
	 * @param table schema-qualified table name, written by the module that owns the table
	 * @param columns the columns each row gives values for, in order
	 */
	TableWriter into(String table, String... columns);

	/** Writes what is buffered and commits. */
	void commit();

	/** Rolls back whatever was not committed and releases the connection. */
	@Override
	void close();

	/** Receives the rows of one table. */
	interface TableWriter {

		/**
		 * @param values one per column: String, Number, Boolean, LocalDate, Instant,
		 * String[] (an array column) or null
		 */
		void row(Object... values);

	}

}
