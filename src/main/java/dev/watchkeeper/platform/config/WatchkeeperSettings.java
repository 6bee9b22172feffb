package dev.watchkeeper.platform.config;

import java.nio.file.Path;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The platform's own settings, bound from {@code watchkeeper.*}. Handbook variables
 * ({@code DATABASE_URL}, {@code SECRET_KEY}, {@code LOG_LEVEL}, {@code ENVIRONMENT}) are
 * mapped onto these keys by {@link HandbookEnvironmentVariables}.
 *
 * @param environment development, staging or production
 * @param secretKey key for signatures and encryption at rest
 * @param logLevel DEBUG, INFO, WARNING, ERROR or CRITICAL
 * @param dataDir where the embedded database and other local state live
 * @param embeddedDb whether the embedded database may be used in production
 * @param database connection to an external PostgreSQL
 * @param maxRequestBodySize largest accepted request body in bytes
 */
@ConfigurationProperties("watchkeeper")
public record WatchkeeperSettings(@DefaultValue("development") String environment, String secretKey,
		@DefaultValue("INFO") String logLevel, @DefaultValue("./data") Path dataDir, Boolean embeddedDb,
		@DefaultValue Database database, @DefaultValue("1048576") long maxRequestBodySize) {

	public boolean production() {
		return "production".equals(environment);
	}

	/**
	 * @param url {@code postgresql://user:pass@host:5432/db} or a JDBC URL; blank means
	 * the embedded database
	 * @param poolSize maximum connections in the pool
	 */
	public record Database(String url, @DefaultValue("20") int poolSize) {

		public boolean external() {
			return url != null && !url.isBlank();
		}

	}

}
