package dev.watchkeeper.statuspage;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import dev.watchkeeper.platform.DomainException;

import org.springframework.stereotype.Component;

/**
 * Counts subscription requests per client address in fixed one-hour windows; the table is
 * bounded and forgets every address when it fills.
 */
@Component
class AddressLimiter {

	static final int MAX_ADDRESSES = 100_000;

	private static final Duration WINDOW = Duration.ofHours(1);

	private final Map<String, Window> windows = new ConcurrentHashMap<>();

	private final StatuspageSettings settings;

	private final Clock clock;

	AddressLimiter(StatuspageSettings settings, Clock clock) {
		this.settings = settings;
		this.clock = clock;
	}

	private record Window(Instant start, int count) {
	}

	/** Counts one request from the address, refusing it with 429 when over the limit. */
	void acquire(String address) {
		Instant now = clock.instant();
		if (windows.size() >= MAX_ADDRESSES) {
			windows.clear();
		}
		Window window = windows.compute(address == null ? "unknown" : address,
				(key, w) -> w == null || !now.isBefore(w.start().plus(WINDOW)) ? new Window(now, 1)
						: new Window(w.start(), w.count() + 1));
		if (window.count() > settings.subscribePerHour()) {
			Duration retry = Duration.between(now, window.start().plus(WINDOW));
			throw new DomainException(DomainException.Kind.RATE_LIMITED, "too-many-subscriptions",
					"Too many subscription requests from your address; try again in " + (retry.toMinutes() + 1)
							+ " minutes",
					java.util.List.of(), retry);
		}
	}

}
