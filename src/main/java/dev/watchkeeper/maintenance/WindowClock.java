package dev.watchkeeper.maintenance;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import dev.watchkeeper.alerting.Alerts;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * What a window's timer does when it fires: publishes each reminder, start and end that
 * fell due since it last fired, releases the alert groups of the window's services at an
 * end (so alerts still firing are notified at once), and answers when to fire next. It
 * works under the window's row lock and records how far it got, so a timer that fires
 * twice, late, or after a restart publishes each event once; after a long outage it
 * catches up on at most {@link #CATCH_UP} and leaves out what no longer matters (a
 * reminder for a start that passed, the start and end of an occurrence that is over).
 */
@Component
class WindowClock {

	static final Duration CATCH_UP = Duration.ofDays(7);

	/**
	 * How far ahead the next event is looked for; a schedule with none is left without a
	 * timer.
	 */
	static final Duration AHEAD = Duration.ofDays(400);

	private final WindowStore store;

	private final PolicyStore policies;

	private final LiveWindows live;

	private final Alerts alerts;

	private final MaintenanceSettings settings;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	WindowClock(WindowStore store, PolicyStore policies, LiveWindows live, Alerts alerts, MaintenanceSettings settings,
			ApplicationEventPublisher events, Clock clock) {
		this.store = store;
		this.policies = policies;
		this.live = live;
		this.alerts = alerts;
		this.settings = settings;
		this.events = events;
		this.clock = clock;
	}

	enum Kind {

		REMINDER, START, END

	}

	record Due(Instant at, Kind kind, Schedule.Slot slot) {
	}

	@Transactional
	Optional<Instant> fire(UUID windowId) {
		var locked = store.lock(windowId);
		if (locked.isEmpty() || !locked.get().window().inForce()) {
			return Optional.empty();
		}
		MaintenanceWindow window = locked.get().window();
		Instant now = clock.instant();
		Instant done = locked.get().doneUntil();
		if (done.isBefore(now.minus(CATCH_UP))) {
			done = now.minus(CATCH_UP);
		}
		Duration lead = policies.policy().reminderBefore();
		Schedule schedule = WindowRules.schedule(window);
		List<Schedule.Slot> slots = schedule.slots(done.minus(Duration.ofDays(2)), now.plus(lead).plus(AHEAD));
		List<Due> due = due(slots, lead);
		Set<Schedule.Slot> started = new HashSet<>();
		boolean ended = false;
		for (Due event : due) {
			if (!event.at().isAfter(done) || event.at().isAfter(now)) {
				continue;
			}
			Schedule.Slot slot = event.slot();
			switch (event.kind()) {
				case REMINDER -> {
					if (slot.start().isAfter(now)) {
						events.publishEvent(new MaintenanceEvents.WindowReminder(window.id(), window.title(),
								slot.start(), slot.end(), window.serviceIds()));
					}
				}
				case START -> {
					if (slot.end().isAfter(now)) {
						started.add(slot);
						events.publishEvent(new MaintenanceEvents.WindowStarted(window.id(), window.title(),
								slot.start(), slot.end(), window.serviceIds()));
					}
				}
				case END -> {
					ended = true;
					if (started.contains(slot) || !slot.start().isAfter(done)) {
						events.publishEvent(new MaintenanceEvents.WindowEnded(window.id(), window.title(), slot.start(),
								slot.end(), window.serviceIds()));
					}
				}
			}
		}
		if (ended) {
			release(window);
		}
		store.doneUntil(window.id(), now);
		return due.stream().map(Due::at).filter(at -> at.isAfter(now)).min(Comparator.naturalOrder());
	}

	/** The events of these occurrences, in order: reminder, start and end of each. */
	static List<Due> due(List<Schedule.Slot> slots, Duration lead) {
		List<Due> due = new ArrayList<>();
		for (Schedule.Slot slot : slots) {
			due.add(new Due(slot.start().minus(lead), Kind.REMINDER, slot));
			due.add(new Due(slot.start(), Kind.START, slot));
			due.add(new Due(slot.end(), Kind.END, slot));
		}
		due.sort(Comparator.comparing(Due::at).thenComparing(Due::kind));
		return due;
	}

	/** Makes the alert groups of the window's services due now. */
	void release(MaintenanceWindow window) {
		live.changed();
		var slugs = live.all()
			.stream()
			.filter(l -> l.window().id().equals(window.id()))
			.flatMap(l -> l.slugs().stream())
			.toList();
		if (!slugs.isEmpty()) {
			alerts.releaseGroups(settings.serviceLabel(), slugs);
		}
	}

}
