package org.portico.platform.bulk;

import java.sql.Connection;
import java.sql.SQLException;

import javax.sql.DataSource;

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

	public BulkLoad open() {
		try {
			Connection connection = this.dataSource.getConnection();
			connection.setAutoCommit(false);
			if ("PostgreSQL".equals(connection.getMetaData().getDatabaseProductName())) {
				return new PostgresCopyLoad(connection);
			}
			return new JdbcBatchLoad(connection);
		}
		catch (SQLException ex) {
			throw new DataAccessResourceFailureException("Cannot open a connection for a bulk load", ex);
		}
	}

}
