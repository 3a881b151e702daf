package org.portico;

import org.junit.jupiter.api.Test;

import org.springframework.modulith.core.ApplicationModules;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The module map of DESIGN.md, proven: each module only uses the modules it declares, and
 * only through their public API.
 */
class ModularityTests {

	private final ApplicationModules modules = ApplicationModules.of(PorticoApplication.class);

	@Test
	void modulesOnlyDependOnWhatTheyDeclare() {
		this.modules.verify();
	}

	@Test
	void everyModuleOfTheDesignExists() {
		assertThat(this.modules.stream().map((m) -> m.getIdentifier().toString())).contains("identity", "access",
				"providers", "members", "claims", "authorizations", "reports", "audit", "notifications", "interop",
				"demo", "platform");
	}

}
