package dev.watchkeeper.identity;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class AddressThrottleTests {

	private final MutableClock clock = new MutableClock(Instant.parse("2026-01-15T10:00:00Z"));

	private final AddressThrottle throttle = new AddressThrottle(
			new IdentitySettings(null, null, null, 5, Duration.ofMinutes(15), Duration.ofMinutes(15), 3), clock);

	@Test
	void throttlesAnAddressAfterTooManyFailuresWithinTheWindow() {
		assertThat(throttle.fail("10.0.0.1")).isFalse();
		assertThat(throttle.fail("10.0.0.1")).isFalse();
		assertThat(throttle.waitFor("10.0.0.1")).isEmpty();
		assertThat(throttle.fail("10.0.0.1")).as("the third failure reaches the limit").isTrue();
		assertThat(throttle.waitFor("10.0.0.1")).hasValue(Duration.ofMinutes(15));
		assertThat(throttle.waitFor("10.0.0.2")).as("other addresses are not affected").isEmpty();
	}

	@Test
	void forgetsFailuresOlderThanTheWindow() {
		throttle.fail("10.0.0.1");
		throttle.fail("10.0.0.1");
		throttle.fail("10.0.0.1");
		clock.advance(Duration.ofMinutes(10));
		assertThat(throttle.waitFor("10.0.0.1")).hasValue(Duration.ofMinutes(5));
		clock.advance(Duration.ofMinutes(5).plusSeconds(1));
		assertThat(throttle.waitFor("10.0.0.1")).isEmpty();
	}

	static final class MutableClock extends Clock {

		private Instant now;

		MutableClock(Instant now) {
			this.now = now;
		}

		void advance(Duration duration) {
			now = now.plus(duration);
		}

		@Override
		public ZoneOffset getZone() {
			return ZoneOffset.UTC;
		}

		@Override
		public Clock withZone(java.time.ZoneId zone) {
			return this;
		}

		@Override
		public Instant instant() {
			return now;
		}

	}

}
