package dev.watchkeeper.statuspage;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import dev.watchkeeper.catalog.Component;
import dev.watchkeeper.catalog.ComponentGroup;
import dev.watchkeeper.catalog.ComponentStatus;
import dev.watchkeeper.catalog.Components;
import dev.watchkeeper.incident.IncidentPublications;
import dev.watchkeeper.incident.Publication;
import dev.watchkeeper.monitoring.Check;
import dev.watchkeeper.monitoring.CheckHistory;
import dev.watchkeeper.monitoring.Checks;
import dev.watchkeeper.monitoring.Rollup;
import dev.watchkeeper.platform.PageQuery;

/**
 * Computes the status page's {@link StatusSnapshot} from the catalog's components, the
 * checks' states and daily roll-ups, public incidents and maintenance.
 */
@org.springframework.stereotype.Component
class StatusBoard {

	static final int DAYS = 90;

	private static final int MAX_CHECK_PAGES = 20;

	private final Components components;

	private final Checks checks;

	private final CheckHistory history;

	private final IncidentPublications publications;

	private final MaintenanceStore maintenance;

	private final StatuspageSettings settings;

	private final Clock clock;

	StatusBoard(Components components, Checks checks, CheckHistory history, IncidentPublications publications,
			MaintenanceStore maintenance, StatuspageSettings settings, Clock clock) {
		this.components = components;
		this.checks = checks;
		this.history = history;
		this.publications = publications;
		this.maintenance = maintenance;
		this.settings = settings;
		this.clock = clock;
	}

	StatusSnapshot build() {
		Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
		ZoneId zone = settings.zone();
		List<Publication> incidents = publications.visible(now.minus(Duration.ofDays(settings.historyDays())), 500);
		List<Publication> unresolved = incidents.stream().filter(p -> !p.resolved()).toList();
		List<PlannedWork> work = maintenance
			.between(now.minus(Duration.ofDays(7)), now.plus(Duration.ofDays(settings.upcomingDays())))
			.stream()
			.filter(m -> !"cancelled".equals(m.recorded()))
			.toList();
		Map<UUID, Check> checkById = allChecks();
		LocalDate today = LocalDate.ofInstant(now, zone);
		LocalDate first = today.minusDays(DAYS - 1);
		List<StatusSnapshot.ComponentState> states = new ArrayList<>();
		for (Component component : components.list()) {
			ComponentStatus status = ComponentStatuses.derive(component, checkById, unresolved, work, now);
			List<StatusSnapshot.Day> days = days(component, first, today, zone);
			states.add(new StatusSnapshot.ComponentState(component, status, days, uptime(component)));
		}
		List<StatusSnapshot.GroupState> groups = new ArrayList<>();
		for (ComponentGroup group : components.groups()) {
			List<StatusSnapshot.ComponentState> members = states.stream()
				.filter(s -> group.id().equals(s.component().groupId()))
				.toList();
			ComponentStatus worst = members.stream()
				.map(StatusSnapshot.ComponentState::status)
				.reduce(ComponentStatus.OPERATIONAL, ComponentStatus::worse);
			groups.add(new StatusSnapshot.GroupState(group, worst, members));
		}
		List<StatusSnapshot.ComponentState> ungrouped = states.stream()
			.filter(s -> s.component().groupId() == null)
			.toList();
		String indicator = ComponentStatuses.indicator(states, unresolved);
		String description = ComponentStatuses.description(indicator, work.stream().anyMatch(m -> m.activeAt(now)));
		return new StatusSnapshot(now, indicator, description, states, groups, ungrouped, unresolved, incidents, work);
	}

	private Map<UUID, Check> allChecks() {
		Map<UUID, Check> byId = new HashMap<>();
		for (int page = 1; page <= MAX_CHECK_PAGES; page++) {
			var result = checks.list(null, null, null, PageQuery.of(page, PageQuery.MAX_SIZE));
			result.items().forEach(c -> byId.put(c.id(), c));
			if ((long) page * PageQuery.MAX_SIZE >= result.total()) {
				break;
			}
		}
		return byId;
	}

	/** One bar per day: the up ratio of all the component's checks together. */
	private List<StatusSnapshot.Day> days(Component component, LocalDate first, LocalDate today, ZoneId zone) {
		Map<LocalDate, long[]> counts = new HashMap<>();
		Instant from = first.atStartOfDay(zone).toInstant();
		Instant to = today.plusDays(1).atStartOfDay(zone).toInstant();
		for (UUID checkId : component.checkIds()) {
			for (Rollup rollup : history.rollups(checkId, "d", from, to)) {
				long[] c = counts.computeIfAbsent(LocalDate.ofInstant(rollup.bucket(), zone), d -> new long[2]);
				c[0] += rollup.up();
				c[1] += rollup.total();
			}
		}
		List<StatusSnapshot.Day> days = new ArrayList<>(DAYS);
		for (LocalDate day = first; !day.isAfter(today); day = day.plusDays(1)) {
			long[] c = counts.get(day);
			days.add(new StatusSnapshot.Day(day, c == null || c[1] == 0 ? null : (double) c[0] / c[1]));
		}
		return days;
	}

	/** Up ratio over the 90 days, from the checks' own uptime figures, averaged. */
	private Double uptime(Component component) {
		if (component.checkIds().isEmpty()) {
			return null;
		}
		var uptimes = history.uptime(component.checkIds());
		double sum = 0;
		int n = 0;
		for (var uptime : uptimes.values()) {
			if (uptime.quarter() != null) {
				sum += uptime.quarter();
				n++;
			}
		}
		return n == 0 ? null : sum / n;
	}

}
