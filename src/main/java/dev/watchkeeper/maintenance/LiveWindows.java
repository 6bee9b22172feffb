package dev.watchkeeper.maintenance;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;

import dev.watchkeeper.catalog.ServiceId;
import dev.watchkeeper.catalog.Services;

import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * The windows in force (approved or needing no approval) that ended at most 92 days ago
 * or have not ended, with their compiled schedules and their services' slugs, kept in
 * memory: alert suppression asks about every alert of every flush, uptime about every
 * check. A change on this node refreshes the list after it commits; other nodes' changes
 * show within {@code refresh-every}.
 */
@Component
class LiveWindows {

	/** Uptime looks back 90 days; a little more covers the edges. */
	static final Duration LOOK_BACK = Duration.ofDays(92);

	private final WindowStore store;

	private final Services services;

	private final Clock clock;

	private final MaintenanceSettings settings;

	private final AtomicLong generation = new AtomicLong();

	private volatile Snapshot snapshot;

	LiveWindows(WindowStore store, Services services, Clock clock, MaintenanceSettings settings) {
		this.store = store;
		this.services = services;
		this.clock = clock;
		this.settings = settings;
	}

	/**
	 * A window in force with its schedule; occurrences end at the window's cancellation.
	 */
	record Live(MaintenanceWindow window, Schedule schedule, Set<String> slugs) {

		List<Schedule.Slot> slots(Instant from, Instant to) {
			List<Schedule.Slot> slots = schedule.slots(from, to);
			Instant cancelled = window.cancelledAt();
			if (cancelled == null) {
				return slots;
			}
			return slots.stream()
				.filter(s -> s.start().isBefore(cancelled))
				.map(s -> s.end().isAfter(cancelled) ? new Schedule.Slot(s.start(), cancelled) : s)
				.filter(s -> s.overlaps(from, to))
				.toList();
		}

		Maintenance.MaintenanceOccurrence occurrence(Schedule.Slot slot) {
			return new Maintenance.MaintenanceOccurrence(window.id(), window.title(), window.description(),
					slot.start(), slot.end(), window.serviceIds(), window.emergency());
		}

	}

	private record Snapshot(List<Live> windows, long generation, long loadedAt) {
	}

	List<Live> all() {
		Snapshot current = snapshot;
		long now = System.nanoTime();
		if (current == null || current.generation() != generation.get()
				|| now - current.loadedAt() > settings.refreshEvery().toNanos()) {
			long seen = generation.get();
			current = new Snapshot(load(), seen, now);
			snapshot = current;
		}
		return current.windows();
	}

	/** Windows affecting a service whose slug is given. */
	List<Live> bySlug(String slug) {
		return all().stream().filter(live -> live.slugs().contains(slug)).toList();
	}

	/** Windows affecting a service. */
	List<Live> byService(UUID serviceId) {
		return all().stream().filter(live -> live.window().serviceIds().contains(serviceId)).toList();
	}

	/** Occurrences of every window in force overlapping {@code [from, to)}, by start. */
	List<Maintenance.MaintenanceOccurrence> occurrences(Instant from, Instant to) {
		List<Maintenance.MaintenanceOccurrence> all = new ArrayList<>();
		for (Live live : all()) {
			live.slots(from, to).forEach(slot -> all.add(live.occurrence(slot)));
		}
		all.sort(Comparator.comparing(Maintenance.MaintenanceOccurrence::startsAt)
			.thenComparing(Maintenance.MaintenanceOccurrence::windowId));
		return all;
	}

	/**
	 * Makes the next read load the windows again, after the current transaction commits.
	 */
	void changed() {
		if (TransactionSynchronizationManager.isSynchronizationActive()) {
			TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
				@Override
				public void afterCommit() {
					generation.incrementAndGet();
				}
			});
		}
		generation.incrementAndGet();
	}

	private List<Live> load() {
		Map<UUID, String> slugs = new HashMap<>();
		List<Live> live = new ArrayList<>();
		for (MaintenanceWindow window : store.live(clock.instant().minus(LOOK_BACK))) {
			Set<String> names = window.serviceIds()
				.stream()
				.map(id -> slugs.computeIfAbsent(id,
						key -> services.find(new ServiceId(key)).map(s -> s.slug()).orElse("")))
				.filter(slug -> !slug.isEmpty())
				.collect(Collectors.toUnmodifiableSet());
			live.add(new Live(window, WindowRules.schedule(window), names));
		}
		return List.copyOf(live);
	}

}
