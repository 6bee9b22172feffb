package dev.watchkeeper.statuspage;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import dev.watchkeeper.catalog.Component;
import dev.watchkeeper.catalog.ComponentGroup;
import dev.watchkeeper.catalog.ComponentStatus;
import dev.watchkeeper.incident.Publication;

/**
 * Everything the public page and the Statuspage API show, computed at one instant.
 *
 * @param at when it was computed
 * @param indicator none, minor, major or critical
 * @param description the overall status in words
 * @param components every component with its status and uptime, by position
 * @param groups the groups, by position, each with its components
 * @param ungrouped components outside any group
 * @param unresolved public incidents not resolved yet, newest first
 * @param incidents public incidents within the history, newest first
 * @param maintenance occurrences active, upcoming and recently finished, by start
 */
record StatusSnapshot(Instant at, String indicator, String description, List<ComponentState> components,
		List<GroupState> groups, List<ComponentState> ungrouped, List<Publication> unresolved,
		List<Publication> incidents, List<PlannedWork> maintenance) {

	/**
	 * A component as shown.
	 *
	 * @param component the component
	 * @param status where it stands now
	 * @param days one bar per day, oldest first
	 * @param uptime up ratio over the days with data, null without data
	 */
	record ComponentState(Component component, ComponentStatus status, List<Day> days, Double uptime) {
	}

	/**
	 * A group as shown, its status the worst of its components'.
	 *
	 * @param group the group
	 * @param status the worst status of its components
	 * @param components its components
	 */
	record GroupState(ComponentGroup group, ComponentStatus status, List<ComponentState> components) {
	}

	/**
	 * One day of a component's uptime.
	 *
	 * @param date the day in the page's time zone
	 * @param ratio the up ratio of its checks that day, null without data
	 */
	record Day(LocalDate date, Double ratio) {
	}

	List<PlannedWork> activeMaintenance() {
		return maintenance.stream().filter(m -> m.activeAt(at)).toList();
	}

	List<PlannedWork> upcomingMaintenance() {
		return maintenance.stream().filter(m -> m.upcomingAt(at)).toList();
	}

	String componentName(UUID id) {
		return components.stream()
			.filter(c -> c.component().id().equals(id))
			.map(c -> c.component().name())
			.findFirst()
			.orElse(null);
	}

}
