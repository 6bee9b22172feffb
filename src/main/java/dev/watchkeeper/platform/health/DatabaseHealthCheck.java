package dev.watchkeeper.platform.health;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLTimeoutException;
import java.sql.Statement;

import javax.sql.DataSource;

import org.springframework.stereotype.Component;

/** PostgreSQL answers a trivial query within two seconds. */
@Component
class DatabaseHealthCheck implements HealthCheck {

	private final DataSource dataSource;

	DatabaseHealthCheck(DataSource dataSource) {
		this.dataSource = dataSource;
	}

	@Override
	public String name() {
		return "database";
	}

	@Override
	public String check() {
		try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
			statement.setQueryTimeout(2);
			statement.execute("SELECT 1");
			return HealthStatus.HEALTHY;
		}
		catch (SQLTimeoutException ex) {
			return HealthStatus.TIMEOUT;
		}
		catch (SQLException | RuntimeException ex) {
			return HealthStatus.UNHEALTHY;
		}
	}

}
