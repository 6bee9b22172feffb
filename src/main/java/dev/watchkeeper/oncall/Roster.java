package dev.watchkeeper.oncall;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import dev.watchkeeper.identity.UserId;

/**
 * Who is on call, computed from a schedule's layers and overrides: pure arithmetic on
 * instants and local wall times, no database and no clock, so it can be checked property
 * by property. A layer's person at an instant is the rotation's participant of the shift
 * containing it, if the instant lies in one of the layer's restriction windows (or the
 * layer has none); then each override covering the instant, oldest first, replaces that
 * person (all of them, or only its covered user).
 */
final class Roster {

	private final UUID scheduleId;

	private final ZoneId zone;

	private final List<Layer> layers;

	private final List<LayerClock> clocks;

	private final List<ScheduleOverride> overrides;

	Roster(UUID scheduleId, ZoneId zone, List<Layer> layers, List<ScheduleOverride> overrides) {
		this.scheduleId = scheduleId;
		this.zone = zone;
		this.layers = List.copyOf(layers);
		this.clocks = layers.stream().map(layer -> new LayerClock(layer.rotation(), zone)).toList();
		this.overrides = overrides.stream()
			.sorted(Comparator.comparing(ScheduleOverride::createdAt).thenComparing(ScheduleOverride::id))
			.toList();
	}

	static Roster of(Schedule schedule, List<ScheduleOverride> overrides) {
		return new Roster(schedule.id(), schedule.zone(), schedule.layers(), overrides);
	}

	/** Everyone on call at {@code at}, primary layer first, each person once. */
	List<UserId> onCall(Instant at) {
		var people = new LinkedHashSet<UserId>();
		for (int position = 1; position <= layers.size(); position++) {
			onCall(position, at).ifPresent(people::add);
		}
		return List.copyOf(people);
	}

	/** Who is on call in the layer at {@code position} (1-based) at {@code at}. */
	Optional<UserId> onCall(int position, Instant at) {
		UserId person = scheduled(position, at);
		for (ScheduleOverride override : overrides) {
			if (override.layer() == position && override.covers(at)
					&& (override.coveredUserId() == null || override.coveredUserId().equals(person))) {
				person = override.userId();
			}
		}
		return Optional.ofNullable(person);
	}

	private UserId scheduled(int position, Instant at) {
		Layer layer = layers.get(position - 1);
		LayerClock clock = clocks.get(position - 1);
		long k = clock.index(at);
		if (k < 0) {
			return null;
		}
		if (!layer.restrictions().isEmpty() && windows(layer, at, at.plusNanos(1)).isEmpty()) {
			return null;
		}
		return clock.participant(k);
	}

	/**
	 * Every shift of every layer that overlaps [from, to), clipped to it, by layer then
	 * start.
	 */
	List<Shift> shifts(Instant from, Instant to) {
		List<Shift> all = new ArrayList<>();
		for (int position = 1; position <= layers.size(); position++) {
			all.addAll(layerShifts(position, from, to));
		}
		return all;
	}

	List<Shift> layerShifts(int position, Instant from, Instant to) {
		if (!from.isBefore(to)) {
			return List.of();
		}
		Layer layer = layers.get(position - 1);
		List<Shift> shifts = rotationShifts(position, from, to);
		if (!layer.restrictions().isEmpty()) {
			shifts = Intervals.intersect(shifts, windows(layer, from, to));
		}
		for (ScheduleOverride override : overrides) {
			if (override.layer() == position && override.start().isBefore(to) && override.end().isAfter(from)) {
				shifts = Intervals.apply(shifts, override, from, to, layer.name());
			}
		}
		return shifts;
	}

	private List<Shift> rotationShifts(int position, Instant from, Instant to) {
		LayerClock clock = clocks.get(position - 1);
		String name = layers.get(position - 1).name();
		List<Shift> shifts = new ArrayList<>();
		long k = Math.max(0, clock.index(from));
		for (Instant start = clock.boundary(k); start.isBefore(to); start = clock.boundary(k)) {
			Instant end = clock.boundary(k + 1);
			Instant clippedStart = start.isBefore(from) ? from : start;
			Instant clippedEnd = end.isAfter(to) ? to : end;
			if (clippedStart.isBefore(clippedEnd)) {
				shifts.add(new Shift(scheduleId, position, name, clock.participant(k), clippedStart, clippedEnd, null));
			}
			k++;
		}
		return shifts;
	}

	/**
	 * The layer's restriction windows that overlap [from, to), clipped and merged. Each
	 * window runs from the instant of its start wall time to that of its end wall time.
	 */
	List<Instant[]> windows(Layer layer, Instant from, Instant to) {
		List<Instant[]> windows = new ArrayList<>();
		LocalDate last = WallClock.local(to, zone).toLocalDate();
		for (LocalDate day = WallClock.local(from, zone).toLocalDate().minusDays(1); !day.isAfter(last); day = day
			.plusDays(1)) {
			for (Restriction restriction : layer.restrictions()) {
				if (!restriction.days().contains(day.getDayOfWeek())) {
					continue;
				}
				Instant start = WallClock.instant(day.atTime(restriction.start()), zone);
				Instant end = WallClock
					.instant((restriction.overnight() ? day.plusDays(1) : day).atTime(restriction.end()), zone);
				Instant clippedStart = start.isBefore(from) ? from : start;
				Instant clippedEnd = end.isAfter(to) ? to : end;
				if (clippedStart.isBefore(clippedEnd)) {
					windows.add(new Instant[] { clippedStart, clippedEnd });
				}
			}
		}
		return Intervals.merge(windows);
	}

	/**
	 * Gaps, people on two layers at once, and overlapping overrides within [from, to).
	 */
	List<CalendarWarning> warnings(Instant from, Instant to, java.util.function.Function<UserId, String> names) {
		return CalendarChecks.warnings(layers, shifts(from, to), overrides, from, to, names);
	}

}
