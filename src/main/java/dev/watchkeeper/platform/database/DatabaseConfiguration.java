package dev.watchkeeper.platform.database;

import javax.sql.DataSource;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import dev.watchkeeper.platform.config.WatchkeeperSettings;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * One pooled {@link DataSource}: the external PostgreSQL of {@code DATABASE_URL}, or the
 * embedded server otherwise.
 */
@Configuration(proxyBeanMethods = false)
class DatabaseConfiguration {

	@Bean(destroyMethod = "close")
	EmbeddedDatabaseHolder embeddedDatabase(WatchkeeperSettings settings) {
		return settings.database().external() ? new EmbeddedDatabaseHolder(null)
				: new EmbeddedDatabaseHolder(EmbeddedDatabase.start(settings.dataDir()));
	}

	@Bean
	HikariDataSource dataSource(WatchkeeperSettings settings, EmbeddedDatabaseHolder embedded) {
		HikariConfig config = new HikariConfig();
		config.setPoolName("watchkeeper");
		config.setMaximumPoolSize(settings.database().poolSize());
		config.setMinimumIdle(Math.min(2, settings.database().poolSize()));
		config.setConnectionTimeout(5_000);
		config.setValidationTimeout(2_000);
		if (embedded.database() != null) {
			config.setJdbcUrl(embedded.database().jdbcUrl());
			config.setUsername("postgres");
			config.setPassword("postgres");
		}
		else {
			DatabaseUrl url = DatabaseUrl.parse(settings.database().url());
			config.setJdbcUrl(url.jdbcUrl());
			if (url.username() != null) {
				config.setUsername(url.username());
			}
			if (url.password() != null) {
				config.setPassword(url.password());
			}
		}
		return new HikariDataSource(config);
	}

	/** Keeps the embedded server alive exactly as long as the pool that uses it. */
	record EmbeddedDatabaseHolder(EmbeddedDatabase database) implements AutoCloseable {

		@Override
		public void close() throws Exception {
			if (database != null) {
				database.close();
			}
		}

	}

}
