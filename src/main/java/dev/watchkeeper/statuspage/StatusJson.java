package dev.watchkeeper.statuspage;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import dev.watchkeeper.incident.Publication;

/**
 * The Statuspage API v2 documents, with Statuspage's field names and values, built from a
 * snapshot. Groups are components with {@code group: true} and their members' ids, as
 * Statuspage lists them.
 */
final class StatusJson {

	private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSXXX");

	private final StatusSnapshot snapshot;

	private final StatuspageSettings settings;

	private final ZoneId zone;

	StatusJson(StatusSnapshot snapshot, StatuspageSettings settings) {
		this.snapshot = snapshot;
		this.settings = settings;
		this.zone = settings.zone();
	}

	static String pageId(StatuspageSettings settings) {
		return UUID.nameUUIDFromBytes(settings.url().getBytes(StandardCharsets.UTF_8)).toString().substring(0, 12);
	}

	Map<String, Object> summary() {
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("page", page());
		body.put("components", components());
		body.put("incidents", snapshot.unresolved().stream().map(this::incident).toList());
		List<PlannedWork> scheduled = new ArrayList<>(snapshot.activeMaintenance());
		scheduled.addAll(snapshot.upcomingMaintenance());
		body.put("scheduled_maintenances", scheduled.stream().map(this::maintenance).toList());
		body.put("status", status());
		return body;
	}

	Map<String, Object> statusDocument() {
		return Map.of("page", page(), "status", status());
	}

	Map<String, Object> componentsDocument() {
		return Map.of("page", page(), "components", components());
	}

	Map<String, Object> incidentsDocument(boolean unresolvedOnly) {
		List<Publication> list = unresolvedOnly ? snapshot.unresolved() : snapshot.incidents();
		return Map.of("page", page(), "incidents", list.stream().limit(50).map(this::incident).toList());
	}

	/**
	 * @param which all, upcoming or active
	 */
	Map<String, Object> maintenanceDocument(String which) {
		List<PlannedWork> list = switch (which) {
			case "upcoming" -> snapshot.upcomingMaintenance();
			case "active" -> snapshot.activeMaintenance();
			default -> snapshot.maintenance();
		};
		return Map.of("page", page(), "scheduled_maintenances", list.stream().map(this::maintenance).toList());
	}

	Map<String, Object> page() {
		Map<String, Object> page = new LinkedHashMap<>();
		page.put("id", pageId(settings));
		page.put("name", settings.name());
		page.put("url", settings.url());
		page.put("time_zone", zone.getId());
		page.put("updated_at", time(snapshot.at()));
		return page;
	}

	Map<String, Object> status() {
		Map<String, Object> status = new LinkedHashMap<>();
		status.put("indicator", snapshot.indicator());
		status.put("description", snapshot.description());
		return status;
	}

	List<Map<String, Object>> components() {
		List<Map<String, Object>> list = new ArrayList<>();
		for (StatusSnapshot.GroupState group : snapshot.groups()) {
			Map<String, Object> c = new LinkedHashMap<>();
			c.put("id", group.group().id().toString());
			c.put("name", group.group().name());
			c.put("status", group.status().value());
			c.put("created_at", time(group.group().createdAt()));
			c.put("updated_at", time(group.group().updatedAt()));
			c.put("position", group.group().position());
			c.put("description", group.group().description());
			c.put("showcase", false);
			c.put("start_date", null);
			c.put("group_id", null);
			c.put("page_id", pageId(settings));
			c.put("group", true);
			c.put("only_show_if_degraded", false);
			c.put("components", group.components().stream().map(s -> s.component().id().toString()).toList());
			list.add(c);
		}
		for (StatusSnapshot.ComponentState state : snapshot.components()) {
			list.add(component(state));
		}
		return list;
	}

	private Map<String, Object> component(StatusSnapshot.ComponentState state) {
		Map<String, Object> c = new LinkedHashMap<>();
		c.put("id", state.component().id().toString());
		c.put("name", state.component().name());
		c.put("status", state.status().value());
		c.put("created_at", time(state.component().createdAt()));
		c.put("updated_at", time(state.component().updatedAt()));
		c.put("position", state.component().position());
		c.put("description", state.component().description());
		c.put("showcase", true);
		c.put("start_date", state.component().createdAt().atZone(zone).toLocalDate().toString());
		c.put("group_id", state.component().groupId() == null ? null : state.component().groupId().toString());
		c.put("page_id", pageId(settings));
		c.put("group", false);
		c.put("only_show_if_degraded", false);
		return c;
	}

	Map<String, Object> incident(Publication publication) {
		String id = publication.incidentId().toString();
		Map<String, Object> i = new LinkedHashMap<>();
		i.put("id", id);
		i.put("name", publication.title());
		i.put("status", publication.status());
		i.put("created_at", time(publication.createdAt()));
		i.put("updated_at", time(publication.updatedAt()));
		i.put("monitoring_at",
				publication.updates()
					.stream()
					.filter(u -> "monitoring".equals(u.status()))
					.map(u -> time(u.createdAt()))
					.reduce((newest, older) -> newest)
					.orElse(null));
		i.put("resolved_at", time(publication.resolvedAt()));
		i.put("impact", publication.impact());
		i.put("shortlink", settings.url() + "/incidents/" + id);
		i.put("started_at", time(publication.createdAt()));
		i.put("page_id", pageId(settings));
		List<Map<String, Object>> affected = publication.componentIds()
			.stream()
			.map(cid -> snapshot.components()
				.stream()
				.filter(s -> s.component().id().equals(cid))
				.findFirst()
				.map(this::component)
				.orElse(null))
			.filter(java.util.Objects::nonNull)
			.toList();
		i.put("incident_updates", publication.updates().stream().map(u -> {
			Map<String, Object> update = new LinkedHashMap<>();
			update.put("id", u.id().toString());
			update.put("status", u.status());
			update.put("body", u.body());
			update.put("incident_id", id);
			update.put("created_at", time(u.createdAt()));
			update.put("updated_at", time(u.createdAt()));
			update.put("display_at", time(u.createdAt()));
			update.put("affected_components", affected.stream().map(c -> {
				Map<String, Object> a = new LinkedHashMap<>();
				a.put("code", c.get("id"));
				a.put("name", c.get("name"));
				a.put("old_status", "operational");
				a.put("new_status", c.get("status"));
				return a;
			}).toList());
			update.put("deliver_notifications", publication.visible());
			return update;
		}).toList());
		i.put("components", affected);
		return i;
	}

	Map<String, Object> maintenance(PlannedWork work) {
		String id = work.publicId();
		String status = work.status(snapshot.at());
		List<Map<String, Object>> affected = snapshot.components()
			.stream()
			.filter(s -> work.serviceIds().contains(s.component().serviceId()))
			.map(this::component)
			.toList();
		Map<String, Object> m = new LinkedHashMap<>();
		m.put("id", id);
		m.put("name", work.title());
		m.put("status", status);
		m.put("created_at", time(work.createdAt()));
		m.put("updated_at", time(work.updatedAt()));
		m.put("monitoring_at", null);
		m.put("resolved_at", "completed".equals(status) ? time(work.endsAt()) : null);
		m.put("impact", "maintenance");
		m.put("shortlink", settings.url() + "#maintenance-" + id);
		m.put("started_at", time(work.startsAt()));
		m.put("page_id", pageId(settings));
		Map<String, Object> update = new LinkedHashMap<>();
		update.put("id", id + "-" + status);
		update.put("status", status);
		update.put("body", switch (status) {
			case "in_progress" -> "Scheduled maintenance is in progress.";
			case "completed" -> "The scheduled maintenance has been completed.";
			default -> "Maintenance is scheduled from " + time(work.startsAt()) + " to " + time(work.endsAt()) + ".";
		});
		update.put("incident_id", id);
		update.put("created_at", time(work.updatedAt()));
		update.put("updated_at", time(work.updatedAt()));
		update.put("display_at", time(work.updatedAt()));
		update.put("affected_components", affected.stream().map(c -> {
			Map<String, Object> a = new LinkedHashMap<>();
			a.put("code", c.get("id"));
			a.put("name", c.get("name"));
			a.put("old_status", "operational");
			a.put("new_status", "under_maintenance");
			return a;
		}).toList());
		update.put("deliver_notifications", true);
		m.put("incident_updates", List.of(update));
		m.put("components", affected);
		m.put("scheduled_for", time(work.startsAt()));
		m.put("scheduled_until", time(work.endsAt()));
		return m;
	}

	String time(Instant instant) {
		return instant == null ? null : TIME.format(OffsetDateTime.ofInstant(instant, zone));
	}

}
