package dev.watchkeeper.statuspage;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

import dev.watchkeeper.catalog.Component;
import dev.watchkeeper.catalog.ComponentStatus;
import dev.watchkeeper.incident.Publication;
import dev.watchkeeper.monitoring.Check;

/**
 * How a component's status and the page's overall status are decided. A manual override
 * wins; else a public incident affecting the component (by its impact); else maintenance
 * of its service (failing checks during planned work are expected); else its checks.
 */
final class ComponentStatuses {

	private ComponentStatuses() {
	}

	static ComponentStatus derive(Component component, Map<UUID, Check> checks, List<Publication> unresolved,
			List<PlannedWork> maintenance, Instant now) {
		if (component.statusOverride() != null) {
			return component.statusOverride();
		}
		ComponentStatus fromIncidents = null;
		for (Publication publication : unresolved) {
			if (publication.componentIds().contains(component.id())) {
				ComponentStatus status = ofImpact(publication.impact());
				fromIncidents = fromIncidents == null ? status : fromIncidents.worse(status);
			}
		}
		if (fromIncidents != null && fromIncidents != ComponentStatus.OPERATIONAL) {
			return fromIncidents;
		}
		boolean maintained = maintenance.stream()
			.anyMatch(m -> m.activeAt(now) && m.serviceIds().contains(component.serviceId()));
		if (maintained) {
			return ComponentStatus.UNDER_MAINTENANCE;
		}
		return fromChecks(component.checkIds().stream().map(checks::get).filter(Objects::nonNull).toList());
	}

	/**
	 * All checks down: major outage; some down: partial; up but failing lately: degraded.
	 */
	static ComponentStatus fromChecks(List<Check> checks) {
		List<Check> running = checks.stream()
			.filter(Check::enabled)
			.filter(c -> c.state() != null && !"pending".equals(c.state().status()))
			.toList();
		long down = running.stream().filter(c -> "down".equals(c.state().status())).count();
		if (running.isEmpty() || down == 0) {
			boolean failing = running.stream().anyMatch(c -> c.state().consecutiveFailures() > 0);
			return failing ? ComponentStatus.DEGRADED_PERFORMANCE : ComponentStatus.OPERATIONAL;
		}
		return down == running.size() ? ComponentStatus.MAJOR_OUTAGE : ComponentStatus.PARTIAL_OUTAGE;
	}

	static ComponentStatus ofImpact(String impact) {
		return switch (impact) {
			case "minor" -> ComponentStatus.DEGRADED_PERFORMANCE;
			case "major" -> ComponentStatus.PARTIAL_OUTAGE;
			case "critical" -> ComponentStatus.MAJOR_OUTAGE;
			default -> ComponentStatus.OPERATIONAL;
		};
	}

	/**
	 * Statuspage's indicator: the worst of the unresolved incidents' impact and the
	 * components.
	 */
	static String indicator(List<StatusSnapshot.ComponentState> components, List<Publication> unresolved) {
		int level = 0;
		for (Publication publication : unresolved) {
			level = Math.max(level, Publication.IMPACTS.indexOf(publication.impact()));
		}
		for (StatusSnapshot.ComponentState state : components) {
			level = Math.max(level, switch (state.status()) {
				case DEGRADED_PERFORMANCE -> 1;
				case PARTIAL_OUTAGE -> 2;
				case MAJOR_OUTAGE -> 3;
				default -> 0;
			});
		}
		return Publication.IMPACTS.get(level);
	}

	static String description(String indicator, boolean maintenanceActive) {
		return switch (indicator) {
			case "minor" -> "Minor Service Outage";
			case "major" -> "Partial System Outage";
			case "critical" -> "Major System Outage";
			default -> maintenanceActive ? "Service Under Maintenance" : "All Systems Operational";
		};
	}

}
