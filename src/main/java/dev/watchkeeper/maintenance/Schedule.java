package dev.watchkeeper.maintenance;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import dev.watchkeeper.alerting.TimeInterval;
import net.fortuna.ical4j.model.Recur;

/**
 * When a window is in force: once, on the ranges of an Alertmanager time interval, or on
 * the dates of an iCalendar RRULE; a recurring schedule only within
 * {@code [from, until)}. Local times are read in the schedule's zone, so a window at
 * 03:00 Europe/Berlin starts at 03:00 there in winter and in summer.
 */
sealed interface Schedule {

	/** One occurrence, {@code [start, end)}. */
	record Slot(Instant start, Instant end) {

		boolean contains(Instant at) {
			return !at.isBefore(start) && at.isBefore(end);
		}

		boolean overlaps(Instant from, Instant to) {
			return start.isBefore(to) && end.isAfter(from);
		}

		Duration length() {
			return Duration.between(start, end);
		}

	}

	/** The occurrences that overlap {@code [from, to)}, by start. */
	List<Slot> slots(Instant from, Instant to);

	/** Once, from {@code start} to {@code end}. */
	record Once(Instant start, Instant end) implements Schedule {

		@Override
		public List<Slot> slots(Instant from, Instant to) {
			Slot slot = new Slot(start, end);
			return slot.overlaps(from, to) ? List.of(slot) : List.of();
		}

	}

	/**
	 * On an Alertmanager time interval: each range gives, on each date its day fields
	 * hold, one slot per time span (the whole day without times); touching slots join, so
	 * 22:00–24:00 and 00:00–02:00 the next day make one.
	 */
	record Intervals(TimeInterval interval, Instant from, Instant until) implements Schedule {

		@Override
		public List<Slot> slots(Instant rangeFrom, Instant rangeTo) {
			Instant lower = later(rangeFrom, from);
			Instant upper = until == null || rangeTo.isBefore(until) ? rangeTo : until;
			if (!lower.isBefore(upper)) {
				return List.of();
			}
			List<Slot> raw = new ArrayList<>();
			for (TimeInterval.Range range : interval.ranges()) {
				ZoneId zone = range.location();
				LocalDate first = lower.atZone(zone).toLocalDate().minusDays(1);
				LocalDate last = upper.atZone(zone).toLocalDate().plusDays(1);
				for (LocalDate date = first; !date.isAfter(last); date = date.plusDays(1)) {
					if (!range.containsDate(date)) {
						continue;
					}
					List<TimeInterval.Span> times = range.times().isEmpty() ? List.of(new TimeInterval.Span(0, 1440))
							: range.times();
					for (TimeInterval.Span span : times) {
						raw.add(new Slot(at(date, span.start(), zone), at(date, span.end(), zone)));
					}
				}
			}
			return within(join(raw), from, until, rangeFrom, rangeTo);
		}

		private static Instant at(LocalDate date, int minute, ZoneId zone) {
			if (minute >= 1440) {
				return date.plusDays(1).atStartOfDay(zone).toInstant();
			}
			return ZonedDateTime.of(date, LocalTime.of(minute / 60, minute % 60), zone).toInstant();
		}

	}

	/**
	 * On the dates of an RRULE from a local start in a zone, each lasting
	 * {@code duration}.
	 */
	record Rule(String rrule, LocalDateTime start, ZoneId zone, Duration duration, Instant from,
			Instant until) implements Schedule {

		/**
		 * Enough for any sensible rule; a rule that yields more in one query is cut off.
		 */
		static final int MAX_DATES = 5000;

		@Override
		public List<Slot> slots(Instant rangeFrom, Instant rangeTo) {
			Instant lower = later(rangeFrom, from);
			Instant upper = until == null || rangeTo.isBefore(until) ? rangeTo : until;
			if (!lower.isBefore(upper)) {
				return List.of();
			}
			Recur<ZonedDateTime> recur = new Recur<>(rrule);
			ZonedDateTime seed = ZonedDateTime.of(start, zone);
			List<ZonedDateTime> dates = recur.getDates(seed, lower.minus(duration).atZone(zone), upper.atZone(zone),
					MAX_DATES);
			List<Slot> slots = new ArrayList<>();
			for (ZonedDateTime date : dates) {
				Instant begin = date.toInstant();
				slots.add(new Slot(begin, begin.plus(duration)));
			}
			return within(join(slots), from, until, rangeFrom, rangeTo);
		}

	}

	private static Instant later(Instant a, Instant b) {
		return b == null || a.isAfter(b) ? a : b;
	}

	/** Slots sorted, with touching or overlapping ones joined. */
	static List<Slot> join(List<Slot> slots) {
		List<Slot> sorted = new ArrayList<>(slots);
		sorted.sort(Comparator.comparing(Slot::start));
		List<Slot> joined = new ArrayList<>();
		for (Slot slot : sorted) {
			if (!joined.isEmpty() && !joined.get(joined.size() - 1).end().isBefore(slot.start())) {
				Slot last = joined.remove(joined.size() - 1);
				joined.add(new Slot(last.start(), slot.end().isAfter(last.end()) ? slot.end() : last.end()));
			}
			else {
				joined.add(slot);
			}
		}
		return joined;
	}

	/**
	 * The slots that start within the series' bounds {@code [from, until)} (either may be
	 * null: open) and overlap {@code [rangeFrom, rangeTo)}: a series never starts or ends
	 * mid-occurrence.
	 */
	private static List<Slot> within(List<Slot> slots, Instant from, Instant until, Instant rangeFrom,
			Instant rangeTo) {
		return slots.stream()
			.filter(s -> from == null || !s.start().isBefore(from))
			.filter(s -> until == null || s.start().isBefore(until))
			.filter(s -> s.overlaps(rangeFrom, rangeTo))
			.toList();
	}

}
