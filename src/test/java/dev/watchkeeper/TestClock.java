package dev.watchkeeper;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;

/**
 * A clock that tests step forward: the system clock plus an offset that only grows, so
 * time keeps running for everything that polls while a test jumps over a deadline.
 * Register it with {@code @Import(TestClock.Setup.class)}: it becomes the application's
 * {@link Clock}, and the persistent timers' clock with it.
 */
public class TestClock extends Clock {

	private volatile Duration offset = Duration.ZERO;

	@Override
	public Instant instant() {
		return Instant.now().plus(offset);
	}

	/** Moves time forward. */
	public synchronized void advance(Duration step) {
		if (step.isNegative()) {
			throw new IllegalArgumentException("time only moves forward: " + step);
		}
		offset = offset.plus(step);
	}

	@Override
	public ZoneId getZone() {
		return ZoneOffset.UTC;
	}

	@Override
	public Clock withZone(ZoneId zone) {
		throw new UnsupportedOperationException("the test clock is UTC");
	}

	/** Makes a {@link TestClock} the application's primary {@link Clock}. */
	@TestConfiguration(proxyBeanMethods = false)
	public static class Setup {

		@Bean
		@Primary
		TestClock testClock() {
			return new TestClock();
		}

	}

}
