package dev.watchkeeper.statuspage;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import dev.watchkeeper.catalog.Component;
import dev.watchkeeper.catalog.ComponentStatus;
import dev.watchkeeper.incident.Publication;
import dev.watchkeeper.monitoring.Check;
import dev.watchkeeper.monitoring.CheckKind;
import dev.watchkeeper.monitoring.CheckState;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * How a component's status is decided from checks, public incidents, maintenance and the
 * override.
 */
class ComponentStatusesTests {

	private static final Instant NOW = Instant.parse("2026-11-29T03:00:00Z");

	private static final UUID SERVICE = UUID.randomUUID();

	private static Check check(String status, int failures) {
		return new Check(UUID.randomUUID(), "probe", CheckKind.HTTP, SERVICE, "production", 60, 5000, 2, 1, "critical",
				null, true, null, null, null, null, null, new CheckState(status, failures, 0, NOW, NOW,
						!"down".equals(status), 12.0, null, NOW, null, null, null),
				NOW, NOW);
	}

	private static Component component(ComponentStatus override, Check... checks) {
		return new Component(UUID.randomUUID(), "Checkout", null, null, SERVICE,
				List.of(checks).stream().map(Check::id).toList(), override, 0, NOW, NOW);
	}

	private static Map<UUID, Check> byId(Check... checks) {
		return java.util.Arrays.stream(checks).collect(java.util.stream.Collectors.toMap(Check::id, c -> c));
	}

	private static Publication incident(Component component, String impact) {
		return new Publication(UUID.randomUUID(), 1, true, "Checkout fails", impact, List.of(component.id()),
				"investigating", NOW, NOW, null, List.of());
	}

	private static PlannedWork maintenance(Instant from, Instant to) {
		return new PlannedWork(UUID.randomUUID(), "Database upgrade", from, to, List.of(SERVICE), "scheduled", NOW,
				NOW);
	}

	@Test
	void checksDecideWhenNothingElseSaysOtherwise() {
		Check up = check("up", 0);
		Check down = check("down", 3);
		Check flaky = check("up", 1);
		assertThat(ComponentStatuses.derive(component(null, up), byId(up), List.of(), List.of(), NOW))
			.isEqualTo(ComponentStatus.OPERATIONAL);
		assertThat(ComponentStatuses.derive(component(null, up, flaky), byId(up, flaky), List.of(), List.of(), NOW))
			.isEqualTo(ComponentStatus.DEGRADED_PERFORMANCE);
		assertThat(ComponentStatuses.derive(component(null, up, down), byId(up, down), List.of(), List.of(), NOW))
			.isEqualTo(ComponentStatus.PARTIAL_OUTAGE);
		assertThat(ComponentStatuses.derive(component(null, down), byId(down), List.of(), List.of(), NOW))
			.isEqualTo(ComponentStatus.MAJOR_OUTAGE);
	}

	@Test
	void activeMaintenanceOfTheServiceShowsUnderMaintenanceEvenWhenItsChecksFail() {
		Check down = check("down", 3);
		Component component = component(null, down);
		assertThat(ComponentStatuses.derive(component, byId(down), List.of(),
				List.of(maintenance(NOW.minusSeconds(60), NOW.plusSeconds(3600))), NOW))
			.isEqualTo(ComponentStatus.UNDER_MAINTENANCE);
		assertThat(ComponentStatuses.derive(component, byId(down), List.of(),
				List.of(maintenance(NOW.plusSeconds(60), NOW.plusSeconds(3600))), NOW))
			.as("maintenance that has not started changes nothing")
			.isEqualTo(ComponentStatus.MAJOR_OUTAGE);
	}

	@Test
	void aPublicIncidentWinsOverMaintenanceAndTheOverrideWinsOverAll() {
		Check up = check("up", 0);
		Component component = component(null, up);
		var work = List.of(maintenance(NOW.minusSeconds(60), NOW.plusSeconds(3600)));
		assertThat(ComponentStatuses.derive(component, byId(up), List.of(incident(component, "critical")), work, NOW))
			.isEqualTo(ComponentStatus.MAJOR_OUTAGE);
		assertThat(ComponentStatuses.derive(component, byId(up), List.of(incident(component, "minor")), List.of(), NOW))
			.isEqualTo(ComponentStatus.DEGRADED_PERFORMANCE);
		Component overridden = component(ComponentStatus.OPERATIONAL, up);
		assertThat(ComponentStatuses.derive(overridden, byId(up), List.of(incident(overridden, "critical")), work, NOW))
			.isEqualTo(ComponentStatus.OPERATIONAL);
	}

	@Test
	void theIndicatorIsTheWorstOfIncidentImpactAndComponentStatuses() {
		Component component = component(null);
		var degraded = new StatusSnapshot.ComponentState(component, ComponentStatus.DEGRADED_PERFORMANCE, List.of(),
				null);
		var maintained = new StatusSnapshot.ComponentState(component, ComponentStatus.UNDER_MAINTENANCE, List.of(),
				null);
		assertThat(ComponentStatuses.indicator(List.of(maintained), List.of())).isEqualTo("none");
		assertThat(ComponentStatuses.description("none", true)).isEqualTo("Service Under Maintenance");
		assertThat(ComponentStatuses.indicator(List.of(degraded), List.of())).isEqualTo("minor");
		assertThat(ComponentStatuses.indicator(List.of(degraded), List.of(incident(component, "critical"))))
			.isEqualTo("critical");
		assertThat(ComponentStatuses.description("major", false)).isEqualTo("Partial System Outage");
	}

}
