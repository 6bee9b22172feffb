package dev.watchkeeper.identity;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.stereotype.Component;

/**
 * Counts failed logins per client address in memory over the lockout window, so one
 * address guessing across many accounts is slowed down without locking those accounts.
 */
@Component
class AddressThrottle {

	private static final int MAX_TRACKED_ADDRESSES = 100_000;

	private final Map<String, Deque<Instant>> failures = new ConcurrentHashMap<>();

	private final IdentitySettings settings;

	private final Clock clock;

	AddressThrottle(IdentitySettings settings, Clock clock) {
		this.settings = settings;
		this.clock = clock;
	}

	/** How long the address must wait, if it is throttled now. */
	Optional<Duration> waitFor(String address) {
		Deque<Instant> times = failures.get(key(address));
		if (times == null) {
			return Optional.empty();
		}
		synchronized (times) {
			Instant now = clock.instant();
			prune(times, now);
			if (times.size() < settings.loginFailuresPerAddress()) {
				return Optional.empty();
			}
			return Optional.of(Duration.between(now, times.peekFirst().plus(settings.lockoutWindow())));
		}
	}

	/** Records a failure; true when this one crossed the limit. */
	boolean fail(String address) {
		if (failures.size() > MAX_TRACKED_ADDRESSES) {
			failures.clear();
		}
		Deque<Instant> times = failures.computeIfAbsent(key(address), k -> new ArrayDeque<>());
		synchronized (times) {
			Instant now = clock.instant();
			prune(times, now);
			times.addLast(now);
			return times.size() == settings.loginFailuresPerAddress();
		}
	}

	private void prune(Deque<Instant> times, Instant now) {
		Instant start = now.minus(settings.lockoutWindow());
		while (!times.isEmpty() && times.peekFirst().isBefore(start)) {
			times.removeFirst();
		}
	}

	private static String key(String address) {
		return address == null ? "unknown" : address;
	}

}
