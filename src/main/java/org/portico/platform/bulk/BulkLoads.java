package org.portico.platform.bulk;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

import javax.sql.DataSource;

import org.portico.platform.DatabaseProduct;

import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.stereotype.Component;

/**
 * Opens bulk loads on the application's database, choosing the fastest way it supports.
 */
@Component
public class BulkLoads {

	private final DataSource dataSource;

	BulkLoads(DataSource dataSource) {
		this.dataSource = dataSource;
	}

	/**
	 * After a large load, brings the query planner's statistics up to date so the first
	 * queries use the indexes, and marks the loaded pages all-visible so that searches
	 * answered from an index alone need not read the table (PostgreSQL; H2 keeps its
	 * own).
	 */
	public void refreshStatistics() {
		try (Connection connection = this.dataSource.getConnection();
				Statement statement = connection.createStatement()) {
			if (DatabaseProduct.isPostgres(connection)) {
				// A whole database may take longer than one statement is allowed.
				statement.execute("SET statement_timeout = 0");
				statement.execute("VACUUM (ANALYZE)");
				statement.execute("RESET statement_timeout");
			}
		}
		catch (SQLException ex) {
			throw new DataAccessResourceFailureException("Cannot refresh the planner's statistics", ex);
		}
	}

	public BulkLoad open() {
		Connection connection = null;
		try {
			connection = this.dataSource.getConnection();
			connection.setAutoCommit(false);
			if (DatabaseProduct.isPostgres(connection)) {
				try (Statement statement = connection.createStatement()) {
					statement.execute("SET LOCAL statement_timeout = 0");
				}
				return new PostgresCopyLoad(connection);
			}
			return new JdbcBatchLoad(connection);
		}
		catch (SQLException ex) {
			closeQuietly(connection, ex);
			throw new DataAccessResourceFailureException("Cannot open a connection for a bulk load", ex);
		}
	}

	private static void closeQuietly(Connection connection, SQLException cause) {
		if (connection != null) {
			try {
				connection.close();
			}
			catch (SQLException ex) {
				cause.addSuppressed(ex);
			}
		}
	}

}
