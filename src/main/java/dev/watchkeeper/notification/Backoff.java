package dev.watchkeeper.notification;

import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.concurrent.ThreadLocalRandom;

/** When to try again: exponential back-off with jitter, and the peer's Retry-After. */
final class Backoff {

	private Backoff() {
	}

	/**
	 * The wait after the {@code attempts}-th failure: base × 2^(attempts-1), capped at
	 * {@code max}, of which a random half is taken off so that many deliveries failing
	 * together do not retry together.
	 */
	static Duration after(int attempts, Duration base, Duration max) {
		int exponent = Math.min(Math.max(attempts - 1, 0), 30);
		long millis = Math.min(max.toMillis(), base.toMillis() * (1L << exponent));
		long half = millis / 2;
		return Duration.ofMillis(half + ThreadLocalRandom.current().nextLong(half + 1));
	}

	/**
	 * A {@code Retry-After} header as a wait from {@code now}: seconds or an HTTP date.
	 */
	static Duration retryAfter(String header, Instant now) {
		if (header == null || header.isBlank()) {
			return null;
		}
		String value = header.trim();
		try {
			long seconds = Long.parseLong(value);
			return seconds < 0 ? null : Duration.ofSeconds(seconds);
		}
		catch (NumberFormatException ex) {
			try {
				Instant at = ZonedDateTime.parse(value, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
				return at.isAfter(now) ? Duration.between(now, at) : Duration.ZERO;
			}
			catch (DateTimeParseException unparsable) {
				return null;
			}
		}
	}

}
