package dev.watchkeeper.incident;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.UUID;

import dev.watchkeeper.catalog.ServiceId;
import dev.watchkeeper.catalog.Services;
import dev.watchkeeper.platform.Actor;
import dev.watchkeeper.platform.DomainException;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.annotation.Transactional;

/**
 * Per-service incident settings ({@code incident_service_settings}): whether incidents of
 * a service resolve by themselves when every attached alert has resolved. A service
 * without a row has the defaults.
 */
@org.springframework.stereotype.Service
public class ServiceIncidentSettings {

	private final JdbcClient jdbc;

	private final Services services;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	ServiceIncidentSettings(JdbcClient jdbc, Services services, ApplicationEventPublisher events, Clock clock) {
		this.jdbc = jdbc;
		this.services = services;
		this.events = events;
		this.clock = clock;
	}

	/** The settings of a catalog service; 404 when the catalog has no such service. */
	@Transactional(readOnly = true)
	public ServiceSettings get(UUID serviceId) {
		requireService(serviceId);
		return find(serviceId);
	}

	/**
	 * Changes a service's settings, audited; 404 when the catalog has no such service.
	 */
	@Transactional
	public ServiceSettings update(UUID serviceId, boolean autoResolve, Actor actor) {
		String name = requireService(serviceId);
		ServiceSettings before = find(serviceId);
		Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
		jdbc.sql("""
				INSERT INTO incident_service_settings (service_id, auto_resolve, updated_at, updated_by)
				VALUES (:id, :autoResolve, :now, :by)
				ON CONFLICT (service_id) DO UPDATE SET auto_resolve = EXCLUDED.auto_resolve,
				  updated_at = EXCLUDED.updated_at, updated_by = EXCLUDED.updated_by""")
			.param("id", serviceId)
			.param("autoResolve", autoResolve)
			.param("now", Timestamp.from(now))
			.param("by", actor.name())
			.update();
		events.publishEvent(new IncidentAudit("incident.service_settings_changed", "service", serviceId.toString(),
				"Incident settings of " + name + ": auto-resolve " + (autoResolve ? "on" : "off"),
				Map.of("autoResolve", before.autoResolve()), Map.of("autoResolve", autoResolve), actor));
		return find(serviceId);
	}

	/** Whether the service's incidents resolve once all their alerts have resolved. */
	boolean autoResolves(UUID serviceId) {
		return serviceId != null && find(serviceId).autoResolve();
	}

	private ServiceSettings find(UUID serviceId) {
		return jdbc.sql("SELECT * FROM incident_service_settings WHERE service_id = :id")
			.param("id", serviceId)
			.query((rs, n) -> new ServiceSettings(serviceId, rs.getBoolean("auto_resolve"),
					rs.getTimestamp("updated_at").toInstant(), rs.getString("updated_by")))
			.optional()
			.orElse(new ServiceSettings(serviceId, false, null, null));
	}

	private String requireService(UUID serviceId) {
		return services.find(new ServiceId(serviceId))
			.map(dev.watchkeeper.catalog.Service::name)
			.orElseThrow(() -> DomainException.notFound("Service", serviceId));
	}

}
