package dev.watchkeeper.platform.config;

import org.junit.jupiter.api.Test;

import org.springframework.mock.env.MockEnvironment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatNoException;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

class ConfigurationValidatorTests {

	private static InvalidConfigurationException problems(MockEnvironment environment) {
		return catchThrowableOfType(InvalidConfigurationException.class,
				() -> ConfigurationValidator.validate(environment));
	}

	@Test
	void developmentStartsWithNothingSet() {
		assertThatNoException().isThrownBy(() -> ConfigurationValidator.validate(new MockEnvironment()));
	}

	@Test
	void productionWithAShortSecretKeyAndNoDatabaseListsBothProblems() {
		var environment = new MockEnvironment().withProperty("watchkeeper.environment", "production")
			.withProperty("watchkeeper.secret-key", "short");
		var failure = problems(environment);
		assertThat(failure.problems()).hasSize(2);
		assertThat(failure.getMessage()).contains("SECRET_KEY must be at least 32 characters in production (it has 5)")
			.contains("DATABASE_URL is not set: production refuses the embedded database");
	}

	@Test
	void productionAcceptsTheEmbeddedDatabaseOnlyWhenToldExplicitly() {
		var environment = new MockEnvironment().withProperty("watchkeeper.environment", "production")
			.withProperty("watchkeeper.secret-key", "x".repeat(32))
			.withProperty("watchkeeper.embedded-db", "true");
		assertThatNoException().isThrownBy(() -> ConfigurationValidator.validate(environment));
	}

	@Test
	void stagingRequiresASecretKeyToo() {
		var environment = new MockEnvironment().withProperty("watchkeeper.environment", "staging");
		assertThat(problems(environment).problems()).singleElement()
			.asString()
			.contains("SECRET_KEY must be at least 32 characters in staging (it is not set)");
	}

	@Test
	void namesEveryInvalidSettingAtOnce() {
		var environment = new MockEnvironment().withProperty("watchkeeper.environment", "prod")
			.withProperty("watchkeeper.database.url", "mysql://db/x")
			.withProperty("watchkeeper.log-level", "LOUD")
			.withProperty("server.port", "99999");
		assertThat(problems(environment).problems()).hasSize(4)
			.anySatisfy(p -> assertThat(p).startsWith("ENVIRONMENT is 'prod'"))
			.anySatisfy(p -> assertThat(p).startsWith("DATABASE_URL is invalid"))
			.anySatisfy(p -> assertThat(p).startsWith("LOG_LEVEL is 'LOUD'"))
			.anySatisfy(p -> assertThat(p).startsWith("PORT is '99999'"));
	}

	@Test
	void acceptsTheHandbooksLogLevelNames() {
		for (String level : new String[] { "DEBUG", "INFO", "WARNING", "ERROR", "CRITICAL", "info" }) {
			var environment = new MockEnvironment().withProperty("watchkeeper.log-level", level);
			assertThatNoException().as(level).isThrownBy(() -> ConfigurationValidator.validate(environment));
		}
	}

}
