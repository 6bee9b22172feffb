package dev.watchkeeper.monitoring;

import java.util.List;
import java.util.Optional;

import dev.watchkeeper.catalog.ServiceId;
import dev.watchkeeper.catalog.ServiceReferences;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * A service with checks is not deleted from under them: its checks would go on probing
 * and alerting for a service that no longer exists.
 */
@Component
class ServicesWithChecks implements ServiceReferences {

	private static final int NAMED = 3;

	private final JdbcClient jdbc;

	ServicesWithChecks(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	@Override
	public Optional<String> blockingDeletionOf(ServiceId service) {
		List<String> names = jdbc.sql("SELECT name FROM monitoring_checks WHERE service_id = :service ORDER BY name")
			.param("service", service.value())
			.query(String.class)
			.list();
		if (names.isEmpty()) {
			return Optional.empty();
		}
		String named = String.join(", ", names.subList(0, Math.min(NAMED, names.size())))
				+ (names.size() > NAMED ? ", …" : "");
		return Optional.of("has " + names.size() + (names.size() == 1 ? " check" : " checks") + " (" + named
				+ "); delete them or move them to another service first");
	}

}
