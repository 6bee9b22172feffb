package dev.watchkeeper.incident;

import java.time.Instant;
import java.time.ZoneId;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Off-hours are outside 09:00–17:00, Monday to Friday, in the person's own zone. */
class OffHoursTests {

	private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");

	@Test
	void workingHoursAreNineToFiveOnWeekdaysInTheOwnZone() {
		// Wednesday 2026-11-25
		assertThat(OffHours.at(Instant.parse("2026-11-25T08:00:00Z"), BERLIN)).as("09:00 Berlin").isFalse();
		assertThat(OffHours.at(Instant.parse("2026-11-25T07:59:59Z"), BERLIN)).as("08:59:59 Berlin").isTrue();
		assertThat(OffHours.at(Instant.parse("2026-11-25T15:59:59Z"), BERLIN)).as("16:59:59 Berlin").isFalse();
		assertThat(OffHours.at(Instant.parse("2026-11-25T16:00:00Z"), BERLIN)).as("17:00 Berlin").isTrue();
		// the same instant is working hours in Tokyo and night in New York
		Instant instant = Instant.parse("2026-11-25T03:00:00Z");
		assertThat(OffHours.at(instant, ZoneId.of("Asia/Tokyo"))).isFalse();
		assertThat(OffHours.at(instant, ZoneId.of("America/New_York"))).isTrue();
		assertThat(OffHours.at(Instant.parse("2026-11-25T04:00:00Z"), ZoneId.of("Asia/Kolkata"))).as("09:30 IST")
			.isFalse();
	}

	@Test
	void weekendsAreOffHoursAllDayAndDaylightSavingMovesTheWindow() {
		assertThat(OffHours.at(Instant.parse("2026-11-28T11:00:00Z"), BERLIN)).as("Saturday noon").isTrue();
		assertThat(OffHours.at(Instant.parse("2026-11-29T11:00:00Z"), BERLIN)).as("Sunday noon").isTrue();
		// Friday 23:30 UTC is already Saturday in Berlin
		assertThat(OffHours.at(Instant.parse("2026-11-27T23:30:00Z"), BERLIN)).isTrue();
		// 07:30 UTC is 09:30 in Berlin in summer (CEST) but 08:30 in winter (CET)
		assertThat(OffHours.at(Instant.parse("2026-07-01T07:30:00Z"), BERLIN)).isFalse();
		assertThat(OffHours.at(Instant.parse("2026-12-02T07:30:00Z"), BERLIN)).isTrue();
	}

	@Test
	void anUnknownZoneCountsInUtc() {
		assertThat(OffHours.zone("Mars/Olympus_Mons")).isEqualTo(java.time.ZoneOffset.UTC);
		assertThat(OffHours.zone(null)).isEqualTo(java.time.ZoneOffset.UTC);
		assertThat(OffHours.zone("Europe/Berlin")).isEqualTo(BERLIN);
	}

}
