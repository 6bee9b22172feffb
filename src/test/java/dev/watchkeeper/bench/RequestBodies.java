package dev.watchkeeper.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;

/**
 * Request bodies for POST load, one per line of a file, taken in turn. In each body
 * {@code @SEQ@} becomes the request's sequence number (so a body can carry alerts that
 * are new on every request), {@code @STARTS@} ten minutes before now and {@code @ENDS@}
 * four minutes after now, as Prometheus sets {@code endsAt} ahead of its next evaluation.
 */
final class RequestBodies {

	static final int MAX_BODIES = 100_000;

	private final List<String> bodies;

	private final Clock clock;

	RequestBodies(List<String> bodies, Clock clock) {
		if (bodies.isEmpty()) {
			throw new IllegalArgumentException("--body-file has no bodies");
		}
		if (bodies.size() > MAX_BODIES) {
			throw new IllegalArgumentException("--body-file has more than " + MAX_BODIES + " bodies");
		}
		this.bodies = List.copyOf(bodies);
		this.clock = clock;
	}

	static RequestBodies read(Path file) throws IOException {
		return new RequestBodies(
				Files.readAllLines(file, StandardCharsets.UTF_8).stream().filter(line -> !line.isBlank()).toList(),
				Clock.systemUTC());
	}

	int size() {
		return bodies.size();
	}

	/** The body of request number {@code sequence}. */
	byte[] body(long sequence) {
		String template = bodies.get((int) (sequence % bodies.size()));
		Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
		return template.replace("@SEQ@", Long.toString(sequence))
			.replace("@STARTS@", now.minus(Duration.ofMinutes(10)).toString())
			.replace("@ENDS@", now.plus(Duration.ofMinutes(4)).toString())
			.getBytes(StandardCharsets.UTF_8);
	}

}
