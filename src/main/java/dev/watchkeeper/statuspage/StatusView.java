package dev.watchkeeper.statuspage;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

import dev.watchkeeper.catalog.ComponentStatus;
import dev.watchkeeper.incident.Publication;

/**
 * The public page's view model: every text already worded, so the template only places
 * (and escapes) it.
 */
record StatusView(String name, String url, String logoUrl, String brandColor, List<StatuspageSettings.Link> links,
		String indicator, String description, String updated, List<Group> groups, List<Incident> active,
		List<Maintenance> maintenanceNow, List<Maintenance> maintenanceLater, List<Incident> history) {

	private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("d MMM yyyy, HH:mm z", Locale.ENGLISH);

	private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("d MMM yyyy", Locale.ENGLISH);

	/**
	 * A group of components; the ungrouped ones come last under a null name.
	 */
	record Group(String name, String status, String label, List<Item> components) {
	}

	/** A component with its status and 90 bars. */
	record Item(String name, String description, String status, String label, String uptime, List<Bar> bars) {
	}

	/**
	 * One day: a css class for its level and, below target, a title saying it in words.
	 */
	record Bar(String level, String title) {
	}

	private static final Bar NO_DATA = new Bar("d0", null);

	private static final Bar UP = new Bar("d1", null);

	/** A public incident with its updates, newest first. */
	record Incident(String title, String impact, String status, String started, String components,
			List<Update> updates) {
	}

	/** A public update. */
	record Update(String status, String body, String at) {
	}

	/** A maintenance occurrence. */
	record Maintenance(String id, String title, String status, String window, String components) {
	}

	static StatusView of(StatusSnapshot snapshot, StatuspageSettings settings) {
		ZoneId zone = settings.zone();
		List<Group> groups = new ArrayList<>();
		for (StatusSnapshot.GroupState group : snapshot.groups()) {
			if (!group.components().isEmpty()) {
				groups.add(new Group(group.group().name(), group.status().value(), label(group.status()),
						group.components().stream().map(c -> item(c)).toList()));
			}
		}
		if (!snapshot.ungrouped().isEmpty()) {
			groups.add(new Group(null, null, null, snapshot.ungrouped().stream().map(c -> item(c)).toList()));
		}
		List<Incident> active = snapshot.unresolved().stream().map(p -> incident(p, snapshot, zone)).toList();
		List<Incident> history = snapshot.incidents()
			.stream()
			.filter(Publication::resolved)
			.map(p -> incident(p, snapshot, zone))
			.toList();
		return new StatusView(settings.name(), settings.url(), settings.logoUrl().isBlank() ? null : settings.logoUrl(),
				settings.brandColor(), settings.links(), snapshot.indicator(), snapshot.description(),
				WHEN.format(snapshot.at().atZone(zone)), groups, active,
				snapshot.activeMaintenance().stream().map(m -> maintenance(m, snapshot, zone)).toList(),
				snapshot.upcomingMaintenance().stream().map(m -> maintenance(m, snapshot, zone)).toList(), history);
	}

	static String label(ComponentStatus status) {
		return switch (status) {
			case OPERATIONAL -> "Operational";
			case DEGRADED_PERFORMANCE -> "Degraded performance";
			case PARTIAL_OUTAGE -> "Partial outage";
			case MAJOR_OUTAGE -> "Major outage";
			case UNDER_MAINTENANCE -> "Under maintenance";
		};
	}

	private static Item item(StatusSnapshot.ComponentState state) {
		List<Bar> bars = state.days().stream().map(d -> {
			// only days below target say so in a title: the page stays small for 100
			// components
			if (d.ratio() == null) {
				return NO_DATA;
			}
			if (d.ratio() >= 0.999) {
				return UP;
			}
			String level = d.ratio() >= 0.99 ? "d2" : d.ratio() >= 0.95 ? "d3" : "d4";
			return new Bar(level, DAY.format(d.date()) + ": " + percent(d.ratio()) + " up");
		}).toList();
		return new Item(state.component().name(), state.component().description(), state.status().value(),
				label(state.status()),
				state.uptime() == null ? "No uptime data" : percent(state.uptime()) + " uptime over 90 days", bars);
	}

	private static Incident incident(Publication p, StatusSnapshot snapshot, ZoneId zone) {
		String components = p.componentIds()
			.stream()
			.map(snapshot::componentName)
			.filter(java.util.Objects::nonNull)
			.collect(Collectors.joining(", "));
		return new Incident(p.title(), p.impact(), p.status(), WHEN.format(p.createdAt().atZone(zone)),
				components.isEmpty() ? null : components,
				p.updates()
					.stream()
					.map(u -> new Update(capitalised(u.status()), u.body(), WHEN.format(u.createdAt().atZone(zone))))
					.toList());
	}

	private static Maintenance maintenance(PlannedWork work, StatusSnapshot snapshot, ZoneId zone) {
		String components = snapshot.components()
			.stream()
			.filter(c -> work.serviceIds().contains(c.component().serviceId()))
			.map(c -> c.component().name())
			.collect(Collectors.joining(", "));
		return new Maintenance(work.publicId(), work.title(), work.status(snapshot.at()).replace('_', ' '),
				WHEN.format(work.startsAt().atZone(zone)) + " – " + WHEN.format(work.endsAt().atZone(zone)),
				components.isEmpty() ? null : components);
	}

	static String percent(double ratio) {
		return String.format(Locale.ROOT, "%.2f %%", ratio * 100);
	}

	private static String capitalised(String value) {
		return value.isEmpty() ? value : Character.toUpperCase(value.charAt(0)) + value.substring(1);
	}

	/** Used by the feed. */
	static String when(Instant instant, ZoneId zone) {
		return WHEN.format(instant.atZone(zone));
	}

}
