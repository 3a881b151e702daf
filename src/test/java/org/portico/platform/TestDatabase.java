package org.portico.platform;

import java.util.concurrent.atomic.AtomicBoolean;

import org.springframework.boot.flyway.autoconfigure.FlywayMigrationStrategy;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Profile;

/**
 * Tests start from an empty, freshly migrated database once per run, whichever database
 * they run on; later application contexts of the same run reuse it.
 */
@Configuration(proxyBeanMethods = false)
@Profile("test")
class TestDatabase {

	private static final AtomicBoolean cleaned = new AtomicBoolean();

	@Bean
	FlywayMigrationStrategy cleanOnceThenMigrate() {
		return (flyway) -> {
			if (cleaned.compareAndSet(false, true)) {
				flyway.clean();
			}
			flyway.migrate();
		};
	}

}
