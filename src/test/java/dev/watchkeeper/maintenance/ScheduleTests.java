package dev.watchkeeper.maintenance;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import dev.watchkeeper.alerting.TimeInterval;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** When windows are in force: time intervals, RRULEs, zones and their DST changes. */
class ScheduleTests {

	static TimeInterval interval(Object ranges) {
		Map<String, String> errors = new HashMap<>();
		var interval = TimeInterval.parse("window", ranges, "timeIntervals", errors);
		assertThat(errors).isEmpty();
		return interval.orElseThrow();
	}

	static final List<Map<String, Object>> FIRST_SUNDAY = List.of(Map.of("weekdays", List.of("sunday"), "days_of_month",
			List.of("1:7"), "times", List.of(Map.of("start_time", "02:00", "end_time", "06:00")), "location", "UTC"));

	@Test
	void theHandbooksDefaultWindowIsTheFirstSundayOfEachMonthFromTwoToSixUtc() {
		var schedule = new Schedule.Intervals(interval(FIRST_SUNDAY), null, null);

		var slots = schedule.slots(Instant.parse("2026-11-24T00:00:00Z"), Instant.parse("2027-02-01T00:00:00Z"));

		assertThat(slots).extracting(Schedule.Slot::start)
			.containsExactly(Instant.parse("2026-12-06T02:00:00Z"), Instant.parse("2027-01-03T02:00:00Z"));
		assertThat(slots).allSatisfy(slot -> assertThat(slot.length()).isEqualTo(Duration.ofHours(4)));
	}

	@Test
	void aWindowInBerlinKeepsItsLocalTimeAcrossTheSpringDstChange() {
		var schedule = new Schedule.Intervals(
				interval(List.of(Map.of("weekdays", List.of("sunday"), "times",
						List.of(Map.of("start_time", "03:00", "end_time", "05:00")), "location", "Europe/Berlin"))),
				null, null);

		var slots = schedule.slots(Instant.parse("2027-03-20T00:00:00Z"), Instant.parse("2027-03-29T00:00:00Z"));

		// 28 March 2027: clocks go from 02:00 CET to 03:00 CEST
		assertThat(slots).containsExactly(
				new Schedule.Slot(Instant.parse("2027-03-21T02:00:00Z"), Instant.parse("2027-03-21T04:00:00Z")),
				new Schedule.Slot(Instant.parse("2027-03-28T01:00:00Z"), Instant.parse("2027-03-28T03:00:00Z")));
	}

	@Test
	void rangesThatTouchAtMidnightMakeOneOccurrence() {
		var schedule = new Schedule.Intervals(interval(List.of(
				Map.of("weekdays", List.of("saturday"), "times",
						List.of(Map.of("start_time", "22:00", "end_time", "24:00"))),
				Map.of("weekdays", List.of("sunday"), "times",
						List.of(Map.of("start_time", "00:00", "end_time", "01:00"))))),
				null, null);

		var slots = schedule.slots(Instant.parse("2026-11-28T00:00:00Z"), Instant.parse("2026-11-30T00:00:00Z"));

		assertThat(slots).containsExactly(
				new Schedule.Slot(Instant.parse("2026-11-28T22:00:00Z"), Instant.parse("2026-11-29T01:00:00Z")));
	}

	@Test
	void anRruleRepeatsFromItsLocalStartInItsZone() {
		var schedule = new Schedule.Rule("FREQ=MONTHLY;BYDAY=1SU", LocalDateTime.parse("2026-12-06T03:00"),
				ZoneId.of("Europe/Berlin"), Duration.ofHours(2), null, null);

		var slots = schedule.slots(Instant.parse("2026-11-01T00:00:00Z"), Instant.parse("2027-05-01T00:00:00Z"));

		assertThat(slots).extracting(Schedule.Slot::start)
			.containsExactly(Instant.parse("2026-12-06T02:00:00Z"), Instant.parse("2027-01-03T02:00:00Z"),
					Instant.parse("2027-02-07T02:00:00Z"), Instant.parse("2027-03-07T02:00:00Z"),
					// first Sunday of April is in summer time: 03:00 CEST
					Instant.parse("2027-04-04T01:00:00Z"));
	}

	@Test
	void aSeriesHasNoOccurrenceBeforeItsFromNorAtOrAfterItsUntil() {
		var schedule = new Schedule.Intervals(interval(FIRST_SUNDAY), Instant.parse("2026-12-07T00:00:00Z"),
				Instant.parse("2027-02-07T02:00:00Z"));

		var slots = schedule.slots(Instant.parse("2026-11-24T00:00:00Z"), Instant.parse("2027-04-01T00:00:00Z"));

		assertThat(slots).extracting(Schedule.Slot::start).containsExactly(Instant.parse("2027-01-03T02:00:00Z"));
	}

}
