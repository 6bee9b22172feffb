package dev.watchkeeper.oncall;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.Function;

import dev.watchkeeper.identity.UserId;

/**
 * What a calendar warns about: allowed, but worth a look. Gaps where no layer has anyone,
 * one person on two layers at once (no backup), and overrides of one layer that overlap.
 */
final class CalendarChecks {

	private CalendarChecks() {
	}

	static List<CalendarWarning> warnings(List<Layer> layers, List<Shift> shifts, List<ScheduleOverride> overrides,
			Instant from, Instant to, Function<UserId, String> names) {
		List<CalendarWarning> warnings = new ArrayList<>();
		warnings.addAll(gaps(shifts, from, to));
		warnings.addAll(doubleBooked(layers, shifts, names));
		warnings.addAll(overlappingOverrides(layers, overrides, from, to));
		warnings.sort(Comparator.comparing(CalendarWarning::start).thenComparing(CalendarWarning::kind));
		return warnings;
	}

	static List<CalendarWarning> gaps(List<Shift> shifts, Instant from, Instant to) {
		List<Instant[]> covered = Intervals
			.merge(shifts.stream().map(shift -> new Instant[] { shift.start(), shift.end() }).toList());
		List<CalendarWarning> gaps = new ArrayList<>();
		Instant cursor = from;
		for (Instant[] interval : covered) {
			if (interval[0].isAfter(cursor)) {
				gaps.add(gap(cursor, interval[0]));
			}
			cursor = Intervals.later(cursor, interval[1]);
		}
		if (cursor.isBefore(to)) {
			gaps.add(gap(cursor, to));
		}
		return gaps;
	}

	private static CalendarWarning gap(Instant start, Instant end) {
		return new CalendarWarning("gap", start, end, "Nobody is on call");
	}

	private static List<CalendarWarning> doubleBooked(List<Layer> layers, List<Shift> unsorted,
			Function<UserId, String> names) {
		List<Shift> shifts = new ArrayList<>(unsorted);
		shifts.sort(Comparator.comparing(Shift::start));
		List<CalendarWarning> warnings = new ArrayList<>();
		for (int i = 0; i < shifts.size(); i++) {
			Shift a = shifts.get(i);
			// sorted by start: only the shifts starting before a ends can overlap it
			for (int j = i + 1; j < shifts.size() && shifts.get(j).start().isBefore(a.end()); j++) {
				Shift b = shifts.get(j);
				if (a.layer() == b.layer() || !a.userId().equals(b.userId())) {
					continue;
				}
				Instant start = Intervals.later(a.start(), b.start());
				Instant end = Intervals.earlier(a.end(), b.end());
				if (start.isBefore(end)) {
					Shift first = a.layer() < b.layer() ? a : b;
					Shift second = first == a ? b : a;
					warnings.add(new CalendarWarning("double_booked", start, end,
							names.apply(a.userId()) + " is on call in both " + layers.get(first.layer() - 1).name()
									+ " and " + layers.get(second.layer() - 1).name() + ", with no backup"));
				}
			}
		}
		return warnings;
	}

	private static List<CalendarWarning> overlappingOverrides(List<Layer> layers, List<ScheduleOverride> overrides,
			Instant from, Instant to) {
		List<CalendarWarning> warnings = new ArrayList<>();
		for (int i = 0; i < overrides.size(); i++) {
			ScheduleOverride a = overrides.get(i);
			for (int j = i + 1; j < overrides.size(); j++) {
				ScheduleOverride b = overrides.get(j);
				Instant start = Intervals.later(Intervals.later(a.start(), b.start()), from);
				Instant end = Intervals.earlier(Intervals.earlier(a.end(), b.end()), to);
				if (a.layer() == b.layer() && start.isBefore(end) && a.layer() <= layers.size()) {
					warnings.add(new CalendarWarning("override_overlap", start, end, "Two overrides of "
							+ layers.get(a.layer() - 1).name() + " overlap; the one made later takes precedence"));
				}
			}
		}
		return warnings;
	}

}
