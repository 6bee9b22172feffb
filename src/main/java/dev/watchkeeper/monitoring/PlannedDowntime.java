package dev.watchkeeper.monitoring;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * Time a service was down on purpose (planned maintenance). Uptime leaves it out: a
 * check's runs inside these intervals count neither as up nor as down. Provided by other
 * modules; with none, nothing is left out.
 */
public interface PlannedDowntime {

	/**
	 * The intervals of planned downtime of a service that overlap {@code [from, to)},
	 * clipped to it, by start.
	 */
	List<Interval> windows(UUID serviceId, Instant from, Instant to);

	/**
	 * A half-open interval {@code [start, end)}.
	 */
	record Interval(Instant start, Instant end) {

		public Interval {
			if (!end.isAfter(start)) {
				throw new IllegalArgumentException("an interval ends after it starts: " + start + " .. " + end);
			}
		}

		public boolean contains(Instant at) {
			return !at.isBefore(start) && at.isBefore(end);
		}

	}

}
