package dev.watchkeeper.statuspage;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import dev.watchkeeper.catalog.CheckReferences;
import dev.watchkeeper.catalog.Services;
import dev.watchkeeper.monitoring.Check;
import dev.watchkeeper.monitoring.Checks;
import dev.watchkeeper.platform.PageQuery;

import org.springframework.stereotype.Component;

/** Lets the catalog check that a component's checks exist and watch its service. */
@Component
class StatuspageCheckReferences implements CheckReferences {

	private final Checks checks;

	private final Services services;

	StatuspageCheckReferences(Checks checks, Services services) {
		this.checks = checks;
		this.services = services;
	}

	@Override
	public Optional<UUID> serviceOf(UUID checkId) {
		return checks.find(checkId).map(Check::serviceId);
	}

	@Override
	public Map<UUID, String> checksOf(UUID serviceId) {
		Map<UUID, String> byId = new LinkedHashMap<>();
		services.find(new dev.watchkeeper.catalog.ServiceId(serviceId))
			.ifPresent(service -> checks.list(service.id().toString(), null, null, PageQuery.of(1, PageQuery.MAX_SIZE))
				.items()
				.forEach(c -> byId.put(c.id(), c.name() + " (" + c.kind().name().toLowerCase(java.util.Locale.ROOT)
						+ ", " + c.environment() + ")")));
		return byId;
	}

}
