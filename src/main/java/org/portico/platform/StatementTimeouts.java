package org.portico.platform;

import java.time.Duration;

import com.zaxxer.hikari.HikariDataSource;
import org.flywaydb.core.api.callback.Callback;
import org.flywaydb.core.api.callback.Context;
import org.flywaydb.core.api.callback.Event;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.flyway.autoconfigure.FlywayConfigurationCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * How long one SQL statement may run before PostgreSQL cancels it: set once per
 * connection, on the server. A time limit set by the client on every statement instead
 * costs the driver a timer task each time, which showed as a tenth of the portal's work
 * under load. Migrations may run longer (an index on ten million claims), so Flyway lifts
 * the limit on its connection and puts it back when done. The embedded H2 database has no
 * limit.
 */
@Configuration(proxyBeanMethods = false)
class StatementTimeouts {

	private static boolean isPostgres(String jdbcUrl) {
		return jdbcUrl != null && jdbcUrl.startsWith("jdbc:postgresql:");
	}

	@Bean
	static BeanPostProcessor postgresStatementTimeout(
			@Value("${portico.database.statement-timeout:30s}") Duration timeout) {
		return new BeanPostProcessor() {
			@Override
			public Object postProcessBeforeInitialization(Object bean, String beanName) {
				if (bean instanceof HikariDataSource hikari && isPostgres(hikari.getJdbcUrl())
						&& !hikari.getDataSourceProperties().containsKey("options")) {
					hikari.addDataSourceProperty("options", "-c statement_timeout=" + timeout.toMillis());
				}
				return bean;
			}
		};
	}

	@Bean
	FlywayConfigurationCustomizer migrationsWithoutStatementTimeout() {
		return (configuration) -> {
			if (configuration.getDataSource() instanceof HikariDataSource hikari && isPostgres(hikari.getJdbcUrl())) {
				configuration.initSql("SET statement_timeout = 0");
				configuration.callbacks(new RestoreStatementTimeout());
			}
		};
	}

	/** Puts the connection's own limit back before Flyway returns it to the pool. */
	private static final class RestoreStatementTimeout implements Callback {

		@Override
		public boolean supports(Event event, Context context) {
			return event == Event.AFTER_MIGRATE || event == Event.AFTER_MIGRATE_ERROR || event == Event.AFTER_VALIDATE
					|| event == Event.AFTER_VALIDATE_ERROR;
		}

		@Override
		public boolean canHandleInTransaction(Event event, Context context) {
			return true;
		}

		@Override
		public void handle(Event event, Context context) {
			try (var statement = context.getConnection().createStatement()) {
				statement.execute("RESET statement_timeout");
			}
			catch (java.sql.SQLException ex) {
				throw new IllegalStateException("Could not restore the statement time limit", ex);
			}
		}

		@Override
		public String getCallbackName() {
			return "restore statement timeout";
		}

	}

}
