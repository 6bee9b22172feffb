package dev.watchkeeper.platform.config;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import dev.watchkeeper.platform.database.DatabaseUrl;

import org.springframework.core.env.ConfigurableEnvironment;

/**
 * Checks the settings every start needs, all at once, so that one failed start tells the
 * operator everything to fix (handbook 004 §2.5).
 */
final class ConfigurationValidator {

	static final int MINIMUM_SECRET_KEY_LENGTH = 32;

	private static final Set<String> ENVIRONMENTS = Set.of("development", "staging", "production");

	private ConfigurationValidator() {
	}

	static void validate(ConfigurableEnvironment env) {
		List<String> problems = new ArrayList<>();
		String environment = env.getProperty("watchkeeper.environment", "development");
		if (!ENVIRONMENTS.contains(environment)) {
			problems.add("ENVIRONMENT is '" + environment + "': use development, staging or production");
		}
		boolean strict = "production".equals(environment) || "staging".equals(environment);
		String secretKey = env.getProperty("watchkeeper.secret-key", "");
		if (strict && secretKey.length() < MINIMUM_SECRET_KEY_LENGTH) {
			problems.add("SECRET_KEY must be at least " + MINIMUM_SECRET_KEY_LENGTH + " characters in " + environment
					+ (secretKey.isEmpty() ? " (it is not set)" : " (it has " + secretKey.length() + ")"));
		}
		else if (!secretKey.isEmpty() && secretKey.length() < MINIMUM_SECRET_KEY_LENGTH) {
			problems.add("SECRET_KEY must be at least " + MINIMUM_SECRET_KEY_LENGTH + " characters (it has "
					+ secretKey.length() + "); leave it unset in development to use a generated key");
		}
		String url = env.getProperty("watchkeeper.database.url", "");
		if (!url.isBlank()) {
			try {
				DatabaseUrl.parse(url);
			}
			catch (IllegalArgumentException ex) {
				problems.add("DATABASE_URL is invalid: " + ex.getMessage());
			}
		}
		else if ("production".equals(environment)
				&& !Boolean.parseBoolean(env.getProperty("watchkeeper.embedded-db", "false"))) {
			problems.add("DATABASE_URL is not set: production refuses the embedded database; set DATABASE_URL "
					+ "(postgresql://user:pass@host:5432/db), or WATCHKEEPER_EMBEDDED_DB=true to run on it anyway");
		}
		String level = env.getProperty("watchkeeper.log-level", "INFO").trim().toUpperCase(Locale.ROOT);
		if (LogLevels.toLogback(level).isEmpty()) {
			problems.add("LOG_LEVEL is '" + level + "': use DEBUG, INFO, WARNING, ERROR or CRITICAL");
		}
		String port = env.getProperty("server.port", "8000");
		if (!port.matches("\\d{1,5}") || Integer.parseInt(port) > 65535) {
			problems.add("PORT is '" + port + "': use a TCP port number (0-65535)");
		}
		if (!problems.isEmpty()) {
			throw new InvalidConfigurationException(problems);
		}
	}

}
