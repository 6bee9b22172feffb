package dev.watchkeeper.statuspage;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import dev.watchkeeper.maintenance.MaintenanceEvents.WindowCancelled;
import dev.watchkeeper.maintenance.MaintenanceEvents.WindowEnded;
import dev.watchkeeper.maintenance.MaintenanceEvents.WindowReminder;
import dev.watchkeeper.maintenance.MaintenanceEvents.WindowScheduled;
import dev.watchkeeper.maintenance.MaintenanceEvents.WindowStarted;

import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * Learns maintenance windows from their events: records each occurrence for the page and
 * the API, and notifies the subscribers of the affected components when it is scheduled,
 * shortly before it starts, at start, at end and when it is cancelled. Subscribers of
 * other components hear nothing.
 */
@Component
class MaintenanceNotices {

	private final MaintenanceStore store;

	private final StatusCache cache;

	private final SubscriberNotices notices;

	private final StatuspageSettings settings;

	private final Clock clock;

	MaintenanceNotices(MaintenanceStore store, StatusCache cache, SubscriberNotices notices,
			StatuspageSettings settings, Clock clock) {
		this.store = store;
		this.cache = cache;
		this.notices = notices;
		this.settings = settings;
		this.clock = clock;
	}

	@ApplicationModuleListener
	void on(WindowScheduled event) {
		handle(event.windowId(), event.title(), event.startsAt(), event.endsAt(), event.serviceIds(), "scheduled",
				"scheduled", "Scheduled maintenance");
	}

	@ApplicationModuleListener
	void on(WindowReminder event) {
		handle(event.windowId(), event.title(), event.startsAt(), event.endsAt(), event.serviceIds(), "scheduled",
				"reminder", "Maintenance starts soon");
	}

	@ApplicationModuleListener
	void on(WindowStarted event) {
		handle(event.windowId(), event.title(), event.startsAt(), event.endsAt(), event.serviceIds(), "in_progress",
				"started", "Maintenance in progress");
	}

	@ApplicationModuleListener
	void on(WindowEnded event) {
		handle(event.windowId(), event.title(), event.startsAt(), event.endsAt(), event.serviceIds(), "completed",
				"ended", "Maintenance completed");
	}

	@ApplicationModuleListener
	void on(WindowCancelled event) {
		handle(event.windowId(), event.title(), event.startsAt(), event.endsAt(), event.serviceIds(), "cancelled",
				"cancelled", "Maintenance cancelled");
	}

	private void handle(UUID windowId, String title, Instant startsAt, Instant endsAt, List<UUID> serviceIds,
			String status, String step, String headline) {
		Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
		store.record(windowId, title, startsAt, endsAt, serviceIds, status, now);
		cache.invalidateAfterCommit();
		StatusRenderer.Documents documents = cache.current();
		StatusSnapshot snapshot = documents.snapshot();
		List<UUID> components = snapshot.components()
			.stream()
			.filter(c -> serviceIds.contains(c.component().serviceId()))
			.map(c -> c.component().id())
			.toList();
		if (components.isEmpty()) {
			// no public component is affected: nothing to tell subscribers
			return;
		}
		StatusJson json = new StatusJson(snapshot, settings);
		PlannedWork work = new PlannedWork(windowId, title, startsAt, endsAt, serviceIds, status, now, now);
		String subject = "[" + settings.name() + "] " + headline + ": " + title;
		String text = headline + ": " + title + "\nFrom " + json.time(startsAt) + " to " + json.time(endsAt)
				+ "\nAffected: " + SubscriberNotices.names(snapshot, components);
		Map<String, Object> payload = new LinkedHashMap<>();
		payload.put("incident", json.maintenance(work));
		notices.send(snapshot, json, components, subject, text, payload,
				"statuspage:maintenance:" + windowId + ":" + startsAt.getEpochSecond() + ":" + step);
	}

}
