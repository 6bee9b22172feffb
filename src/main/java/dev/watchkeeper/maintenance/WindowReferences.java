package dev.watchkeeper.maintenance;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.List;
import java.util.Optional;

import dev.watchkeeper.catalog.ServiceId;
import dev.watchkeeper.catalog.ServiceReferences;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * A service named by a window that is still to come or in force is not deleted: the
 * window would go on suppressing, and announcing, work on a service that no longer
 * exists.
 */
@Component
class WindowReferences implements ServiceReferences {

	private static final int NAMED = 3;

	private final JdbcClient jdbc;

	private final Clock clock;

	WindowReferences(JdbcClient jdbc, Clock clock) {
		this.jdbc = jdbc;
		this.clock = clock;
	}

	@Override
	public Optional<String> blockingDeletionOf(ServiceId service) {
		List<String> titles = jdbc.sql("""
				SELECT title FROM maintenance_windows
				WHERE :service = ANY (service_ids) AND cancelled_at IS NULL AND approval <> 'rejected'
				  AND (CASE WHEN kind = 'one_off' THEN ends_at > :now
				            ELSE series_until IS NULL OR series_until > :now END)
				ORDER BY title""")
			.param("service", service.value())
			.param("now", Timestamp.from(clock.instant()))
			.query(String.class)
			.list();
		if (titles.isEmpty()) {
			return Optional.empty();
		}
		String named = String.join(", ", titles.subList(0, Math.min(NAMED, titles.size())))
				+ (titles.size() > NAMED ? ", …" : "");
		return Optional
			.of("is in " + titles.size() + (titles.size() == 1 ? " maintenance window" : " maintenance windows")
					+ " to come or in force (" + named + "); cancel them or take the service out of them first");
	}

}
