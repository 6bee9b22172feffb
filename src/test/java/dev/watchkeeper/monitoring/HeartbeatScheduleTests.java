package dev.watchkeeper.monitoring;

import java.time.Instant;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class HeartbeatScheduleTests {

	private static Check heartbeat(CheckSettings.Heartbeat settings, Instant lastPing, Instant lastStart) {
		var state = new CheckState("up", 0, 1, null, lastPing, true, null, null, null, lastPing, lastStart, null);
		return new Check(UUID.randomUUID(), "nightly", CheckKind.HEARTBEAT, UUID.randomUUID(), "production", 60, 1000,
				1, 1, "high", null, true, UUID.randomUUID(), null, null, null, settings, state, lastPing, lastPing);
	}

	@Test
	void aCronHeartbeatIsExpectedAtTheNextRunInItsTimeZonePlusGrace() {
		var settings = new CheckSettings.Heartbeat(null, 3600, "0 2 * * *", "Europe/Berlin", 0);
		// 01:05 UTC on 24 Nov is 02:05 in Berlin: the next 02:00 Berlin is 25 Nov 01:00
		// UTC
		var check = heartbeat(settings, Instant.parse("2026-11-24T01:05:00Z"), null);
		assertThat(Heartbeats.deadline(check)).contains(Instant.parse("2026-11-25T02:00:00Z"));
	}

	@Test
	void aPeriodHeartbeatIsExpectedAPeriodAfterItsLastPingAndARunningOneWithinGraceOfItsStart() {
		var settings = new CheckSettings.Heartbeat(86_400, 600, null, "UTC", 0);
		Instant ping = Instant.parse("2026-11-24T03:00:00Z");
		assertThat(Heartbeats.deadline(heartbeat(settings, ping, null)))
			.contains(Instant.parse("2026-11-25T03:10:00Z"));
		Instant start = Instant.parse("2026-11-25T03:00:00Z");
		assertThat(Heartbeats.deadline(heartbeat(settings, ping, start)))
			.contains(Instant.parse("2026-11-25T03:10:00Z"));
		assertThat(Heartbeats.deadline(heartbeat(settings, null, null))).isEmpty();
	}

	@Test
	void checksWithTheSameIntervalAreSpreadOverItAndKeepTheirSlot() {
		var base = heartbeat(new CheckSettings.Heartbeat(60, 60, null, "UTC", 0), null, null);
		Instant now = Instant.parse("2026-11-24T10:00:00.123Z");
		java.util.Set<Long> slots = new java.util.HashSet<>();
		for (int i = 0; i < 100; i++) {
			var check = new Check(UUID.randomUUID(), "c" + i, CheckKind.HTTP, base.serviceId(), "production", 30, 1000,
					1, 1, "high", null, true, null, null, null, null, null, base.state(), now, now);
			Instant first = Checks.firstRun(check, now);
			assertThat(first).isBetween(now, now.plusSeconds(30));
			assertThat(Checks.firstRun(check, now.plusSeconds(7))).isIn(first, first.plusSeconds(30));
			slots.add(first.toEpochMilli() / 3000);
		}
		assertThat(slots).as("100 checks fall in most of the ten 3-second slices of 30 s").hasSizeGreaterThan(7);
	}

}
