package dev.watchkeeper;

import org.junit.jupiter.api.Test;

import org.springframework.modulith.core.ApplicationModules;

import static org.assertj.core.api.Assertions.assertThat;

class ModularityTests {

	private final ApplicationModules modules = ApplicationModules.of(WatchkeeperApplication.class);

	@Test
	void modulesRespectTheirBoundariesAndHaveNoCycles() {
		modules.verify();
	}

	@Test
	void theFoundationModulesExist() {
		assertThat(modules.stream().map(module -> module.getIdentifier().toString())).contains("platform", "identity",
				"audit", "catalog");
	}

}
