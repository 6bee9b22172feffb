package dev.watchkeeper.oncall;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** Half-open intervals [start, end) of instants: merging, intersecting, overriding. */
final class Intervals {

	private Intervals() {
	}

	/** Sorted, with touching or overlapping intervals joined. */
	static List<Instant[]> merge(List<Instant[]> intervals) {
		List<Instant[]> sorted = new ArrayList<>(intervals);
		sorted.sort(Comparator.comparing((Instant[] interval) -> interval[0]));
		List<Instant[]> merged = new ArrayList<>();
		for (Instant[] interval : sorted) {
			Instant[] last = merged.isEmpty() ? null : merged.get(merged.size() - 1);
			if (last != null && !interval[0].isAfter(last[1])) {
				if (interval[1].isAfter(last[1])) {
					last[1] = interval[1];
				}
			}
			else {
				merged.add(new Instant[] { interval[0], interval[1] });
			}
		}
		return merged;
	}

	/** The parts of each shift that lie inside one of the (merged) windows. */
	static List<Shift> intersect(List<Shift> shifts, List<Instant[]> windows) {
		List<Shift> parts = new ArrayList<>();
		for (Shift shift : shifts) {
			for (Instant[] window : windows) {
				Instant start = later(shift.start(), window[0]);
				Instant end = earlier(shift.end(), window[1]);
				if (start.isBefore(end)) {
					parts.add(with(shift, start, end));
				}
			}
		}
		return parts;
	}

	/**
	 * The layer's shifts with the override applied within [from, to): without a covered
	 * user the override's period becomes one shift of its user; with one, only that
	 * user's parts pass to the override's user.
	 */
	static List<Shift> apply(List<Shift> shifts, ScheduleOverride override, Instant from, Instant to,
			String layerName) {
		Instant start = later(override.start(), from);
		Instant end = earlier(override.end(), to);
		List<Shift> result = new ArrayList<>();
		for (Shift shift : shifts) {
			boolean affected = shift.start().isBefore(end) && shift.end().isAfter(start)
					&& (override.coveredUserId() == null || override.coveredUserId().equals(shift.userId()));
			if (!affected) {
				result.add(shift);
				continue;
			}
			if (shift.start().isBefore(start)) {
				result.add(with(shift, shift.start(), start));
			}
			if (override.coveredUserId() != null) {
				result.add(new Shift(shift.scheduleId(), shift.layer(), shift.layerName(), override.userId(),
						later(shift.start(), start), earlier(shift.end(), end), override.id()));
			}
			if (shift.end().isAfter(end)) {
				result.add(with(shift, end, shift.end()));
			}
		}
		if (override.coveredUserId() == null) {
			result.add(new Shift(override.scheduleId(), override.layer(), layerName, override.userId(), start, end,
					override.id()));
		}
		result.sort(Comparator.comparing(Shift::start));
		return result;
	}

	private static Shift with(Shift shift, Instant start, Instant end) {
		return new Shift(shift.scheduleId(), shift.layer(), shift.layerName(), shift.userId(), start, end,
				shift.overrideId());
	}

	static Instant later(Instant a, Instant b) {
		return a.isAfter(b) ? a : b;
	}

	static Instant earlier(Instant a, Instant b) {
		return a.isBefore(b) ? a : b;
	}

}
