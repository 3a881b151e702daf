package org.portico.platform;

import java.sql.Connection;
import java.sql.SQLException;

import javax.sql.DataSource;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.dao.DataAccessResourceFailureException;

/**
 * Which database the application runs on: PostgreSQL in production, or the embedded H2
 * that makes a first run work with nothing installed.
 */
public final class DatabaseProduct {

	private final String name;

	private DatabaseProduct(String name) {
		this.name = name;
	}

	/** A database product by its JDBC product name, such as "PostgreSQL" or "H2". */
	static DatabaseProduct named(String name) {
		return new DatabaseProduct(name);
	}

	static DatabaseProduct of(DataSource dataSource) {
		try (Connection connection = dataSource.getConnection()) {
			return new DatabaseProduct(connection.getMetaData().getDatabaseProductName());
		}
		catch (SQLException ex) {
			throw new DataAccessResourceFailureException("Cannot reach the database", ex);
		}
	}

	public static boolean isPostgres(Connection connection) throws SQLException {
		return "PostgreSQL".equals(connection.getMetaData().getDatabaseProductName());
	}

	public boolean isPostgres() {
		return "PostgreSQL".equals(this.name);
	}

	/** The embedded H2 database, meant for a first run and demos only. */
	public boolean isEmbedded() {
		return "H2".equals(this.name);
	}

	@Configuration(proxyBeanMethods = false)
	static class DatabaseProductConfiguration {

		@Bean
		DatabaseProduct databaseProduct(DataSource dataSource) {
			return DatabaseProduct.of(dataSource);
		}

	}

}
