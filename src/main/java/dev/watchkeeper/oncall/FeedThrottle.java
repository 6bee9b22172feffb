package dev.watchkeeper.oncall;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.stereotype.Component;

/**
 * Counts requests for unknown feed links per client address in memory, so nobody can walk
 * the token space: after {@code feedFailuresPerAddress} misses within the window an
 * address gets 429 for every link until the window has passed, so a hit cannot be told
 * from a miss.
 */
@Component
class FeedThrottle {

	private static final int MAX_TRACKED_ADDRESSES = 100_000;

	private final Map<String, Deque<Instant>> misses = new ConcurrentHashMap<>();

	private final OncallSettings settings;

	private final Clock clock;

	FeedThrottle(OncallSettings settings, Clock clock) {
		this.settings = settings;
		this.clock = clock;
	}

	boolean throttled(String address) {
		Deque<Instant> times = misses.get(key(address));
		if (times == null) {
			return false;
		}
		synchronized (times) {
			prune(times, clock.instant());
			return times.size() >= settings.feedFailuresPerAddress();
		}
	}

	void miss(String address) {
		if (misses.size() > MAX_TRACKED_ADDRESSES) {
			misses.clear();
		}
		Deque<Instant> times = misses.computeIfAbsent(key(address), k -> new ArrayDeque<>());
		synchronized (times) {
			Instant now = clock.instant();
			prune(times, now);
			times.addLast(now);
		}
	}

	private void prune(Deque<Instant> times, Instant now) {
		Instant start = now.minus(settings.feedFailureWindow());
		while (!times.isEmpty() && times.peekFirst().isBefore(start)) {
			times.removeFirst();
		}
	}

	private static String key(String address) {
		return address == null ? "unknown" : address;
	}

}
