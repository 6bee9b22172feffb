package dev.watchkeeper.oncall;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import dev.watchkeeper.identity.UserId;
import dev.watchkeeper.platform.DomainException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The March and October/November changes of 2026 and 2027, pinned down by example: shifts
 * that span a change are an hour shorter or longer, hand-offs stay on the wall clock, a
 * hand-off in the gap is refused, one in the overlap happens at its first occurrence.
 */
class DaylightSavingHandoffTests {

	private static final UserId ADA = new UserId(new UUID(0, 1));

	private static final UserId BOB = new UserId(new UUID(0, 2));

	private static Roster roster(String zone, ShiftKind kind, Duration length, DayOfWeek day, String time, String start,
			List<Restriction> restrictions) {
		var rotation = new Rotation(List.of(ADA, BOB), kind, length, day, LocalTime.parse(time),
				LocalDate.parse(start));
		return new Roster(UUID.randomUUID(), ZoneId.of(zone), List.of(new Layer("Primary", rotation, restrictions)),
				List.of());
	}

	/** The shift of the layer that contains {@code at}. */
	private static Shift shiftAt(Roster roster, String at) {
		Instant instant = Instant.parse(at);
		return roster.layerShifts(1, instant.minus(Duration.ofDays(8)), instant.plus(Duration.ofDays(8)))
			.stream()
			.filter(s -> s.contains(instant))
			.findFirst()
			.orElseThrow();
	}

	@ParameterizedTest(name = "{0}: the weekly shift from {1} lasts {3} hours")
	@CsvSource({ "Europe/Berlin, 2026-03-23T08:00:00Z, 2026-03-30T07:00:00Z, 167",
			"Europe/Berlin, 2026-10-19T07:00:00Z, 2026-10-26T08:00:00Z, 169",
			"Europe/Berlin, 2027-03-22T08:00:00Z, 2027-03-29T07:00:00Z, 167",
			"Europe/Berlin, 2027-10-25T07:00:00Z, 2027-11-01T08:00:00Z, 169",
			"Europe/London, 2026-03-23T09:00:00Z, 2026-03-30T08:00:00Z, 167",
			"Europe/London, 2027-10-25T08:00:00Z, 2027-11-01T09:00:00Z, 169",
			"America/New_York, 2026-03-02T14:00:00Z, 2026-03-09T13:00:00Z, 167",
			"America/New_York, 2026-10-26T13:00:00Z, 2026-11-02T14:00:00Z, 169",
			"America/Los_Angeles, 2027-03-08T17:00:00Z, 2027-03-15T16:00:00Z, 167",
			"America/Los_Angeles, 2027-11-01T16:00:00Z, 2027-11-08T17:00:00Z, 169" })
	void theHandbooksMondayNineOClockHandoffStaysAtNineAcrossTheChange(String zone, String start, String end,
			long hours) {
		var roster = roster(zone, ShiftKind.WEEKLY, null, DayOfWeek.MONDAY, "09:00", "2026-01-05", List.of());
		Shift shift = shiftAt(roster, start);
		assertThat(shift.start()).isEqualTo(Instant.parse(start));
		assertThat(shift.end()).isEqualTo(Instant.parse(end));
		assertThat(Duration.between(shift.start(), shift.end()).toHours()).isEqualTo(hours);
	}

	@ParameterizedTest(name = "{0}: the daily shift from {1} lasts {3} hours")
	@CsvSource({ "Europe/Berlin, 2027-03-27T08:00:00Z, 2027-03-28T07:00:00Z, 23",
			"Europe/Berlin, 2027-10-30T07:00:00Z, 2027-10-31T08:00:00Z, 25",
			"Europe/London, 2026-03-28T09:00:00Z, 2026-03-29T08:00:00Z, 23",
			"Europe/London, 2026-10-24T08:00:00Z, 2026-10-25T09:00:00Z, 25",
			"America/New_York, 2027-03-13T14:00:00Z, 2027-03-14T13:00:00Z, 23",
			"America/New_York, 2027-11-06T13:00:00Z, 2027-11-07T14:00:00Z, 25",
			"America/Los_Angeles, 2026-03-07T17:00:00Z, 2026-03-08T16:00:00Z, 23",
			"America/Los_Angeles, 2027-11-06T16:00:00Z, 2027-11-07T17:00:00Z, 25" })
	void aDailyShiftAcrossTheChangeLastsTwentyThreeOrTwentyFiveHours(String zone, String start, String end,
			long hours) {
		var roster = roster(zone, ShiftKind.DAILY, null, null, "09:00", "2026-01-01", List.of());
		Shift shift = shiftAt(roster, start);
		assertThat(shift.start()).isEqualTo(Instant.parse(start));
		assertThat(shift.end()).isEqualTo(Instant.parse(end));
		assertThat(Duration.between(shift.start(), shift.end()).toHours()).isEqualTo(hours);
	}

	@ParameterizedTest(name = "{0} {1} {2} from {3} is refused: {4}")
	@CsvSource({ "Europe/Berlin, daily, 02:30, 2026-01-01, 2026-03-29",
			"Europe/Berlin, daily, 02:00, 2027-01-01, 2027-03-28",
			"Europe/London, weekly-sunday, 01:30, 2026-01-01, 2026-03-29",
			"America/New_York, daily, 02:15, 2026-01-01, 2026-03-08",
			"America/Los_Angeles, daily, 02:45, 2027-01-01, 2027-03-14" })
	void aHandoffInTheSpringGapIsRefusedWhenSaved(String zone, String kind, String time, String start, String gapDay) {
		var layer = new ScheduleDraft.LayerDraft("Primary", List.of(ADA.toString()), kind.split("-")[0], null,
				kind.contains("-") ? kind.split("-")[1] : null, time, start, List.of());
		var draft = new ScheduleDraft("Core", null, null, zone, List.of(layer));
		assertThatThrownBy(() -> ScheduleRules.parse(draft, LocalDate.parse(start), u -> true, t -> true))
			.isInstanceOfSatisfying(DomainException.class, ex -> {
				assertThat(ex.fieldErrors()).singleElement().satisfies(error -> {
					assertThat(error.field()).isEqualTo("layers[0].handoffTime");
					assertThat(error.message()).contains(gapDay).contains(zone).contains("daylight saving");
				});
			});
	}

	@Test
	void aCustomTwelveHourRotationThatWouldHandOffAtTwoInTheGapIsRefused() {
		var layer = new ScheduleDraft.LayerDraft(null, List.of(ADA.toString()), "custom", "12h", null, "14:00",
				"2026-03-01", List.of());
		var draft = new ScheduleDraft("Follow the sun", null, null, "America/Los_Angeles", List.of(layer));
		assertThatThrownBy(() -> ScheduleRules.parse(draft, LocalDate.parse("2026-03-01"), u -> true, t -> true))
			.isInstanceOfSatisfying(DomainException.class,
					ex -> assertThat(ex.fieldErrors().get(0).message()).contains("02:00 on 2026-03-08"));
	}

	@Test
	void aMondayHandoffAtHalfPastTwoNeverMeetsTheSundayGapAndIsAccepted() {
		var layer = new ScheduleDraft.LayerDraft(null, List.of(ADA.toString()), "weekly", null, "monday", "02:30",
				"2026-01-05", List.of());
		var parsed = ScheduleRules.parse(new ScheduleDraft("Night", null, null, "Europe/Berlin", List.of(layer)),
				LocalDate.parse("2026-01-05"), u -> true, t -> true);
		assertThat(parsed.layers()).singleElement()
			.satisfies(l -> assertThat(l.rotation().handoffTime()).isEqualTo(LocalTime.of(2, 30)));
	}

	@Test
	void aHandoffInTheAutumnOverlapHappensAtItsFirstOccurrence() {
		// New York repeats 01:00–02:00 on 2026-11-01; 01:30 happens first at 05:30Z (EDT)
		var roster = roster("America/New_York", ShiftKind.DAILY, null, null, "01:30", "2026-10-01", List.of());
		Shift before = shiftAt(roster, "2026-10-31T05:30:00Z");
		assertThat(before.end()).isEqualTo(Instant.parse("2026-11-01T05:30:00Z"));
		Shift overlap = shiftAt(roster, "2026-11-01T05:30:00Z");
		assertThat(overlap.start()).isEqualTo(Instant.parse("2026-11-01T05:30:00Z"));
		assertThat(overlap.end()).as("01:30 EST the next day").isEqualTo(Instant.parse("2026-11-02T06:30:00Z"));
		assertThat(Duration.between(overlap.start(), overlap.end()).toHours()).isEqualTo(25);
		assertThat(roster.onCall(1, Instant.parse("2026-11-01T06:29:59Z")))
			.as("the second 01:29 is still the same shift")
			.isEqualTo(roster.onCall(1, Instant.parse("2026-11-01T05:30:00Z")));
	}

	@Test
	void businessHoursKeepTheirWallClockWindowsInTheWeekTheClocksChange() {
		var weekdays = Set.of(DayOfWeek.MONDAY, DayOfWeek.TUESDAY, DayOfWeek.WEDNESDAY, DayOfWeek.THURSDAY,
				DayOfWeek.FRIDAY);
		var roster = roster("Europe/Berlin", ShiftKind.WEEKLY, null, DayOfWeek.MONDAY, "09:00", "2026-03-02",
				List.of(new Restriction(weekdays, LocalTime.of(9, 0), LocalTime.of(17, 0))));
		List<Shift> shifts = roster.layerShifts(1, Instant.parse("2026-03-26T00:00:00Z"),
				Instant.parse("2026-04-01T00:00:00Z"));
		assertThat(shifts).extracting(s -> s.start().toString() + "/" + s.end())
			.containsExactly("2026-03-26T08:00:00Z/2026-03-26T16:00:00Z", "2026-03-27T08:00:00Z/2026-03-27T16:00:00Z",
					"2026-03-30T07:00:00Z/2026-03-30T15:00:00Z", "2026-03-31T07:00:00Z/2026-03-31T15:00:00Z");
		assertThat(roster.onCall(1, Instant.parse("2026-03-28T10:00:00Z"))).as("Saturday").isEmpty();
		assertThat(shifts.get(1).userId()).as("the hand-off is on Monday").isNotEqualTo(shifts.get(2).userId());
	}

	@Test
	void anOverrideCoversExactlyItsPeriodAndHandsBackAtItsEnd() {
		var roster = roster("Europe/Berlin", ShiftKind.WEEKLY, null, DayOfWeek.MONDAY, "09:00", "2026-10-05",
				List.of());
		UserId cover = new UserId(new UUID(0, 3));
		var override = new ScheduleOverride(UUID.randomUUID(), null, 1, cover, ADA,
				Instant.parse("2026-10-24T22:00:00Z"), Instant.parse("2026-10-25T10:00:00Z"), "wedding", "test",
				Instant.EPOCH);
		var covered = new Roster(
				UUID.randomUUID(), ZoneId.of("Europe/Berlin"), List.of(
						new Layer("Primary",
								new Rotation(List.of(ADA, BOB), ShiftKind.WEEKLY, null, DayOfWeek.MONDAY,
										LocalTime.of(9, 0), LocalDate.parse("2026-10-05")),
								List.of())),
				List.of(override));
		assertThat(roster.onCall(1, Instant.parse("2026-10-25T00:00:00Z"))).contains(ADA);
		assertThat(covered.onCall(1, Instant.parse("2026-10-24T21:59:59Z"))).contains(ADA);
		assertThat(covered.onCall(1, Instant.parse("2026-10-24T22:00:00Z"))).contains(cover);
		assertThat(covered.onCall(1, Instant.parse("2026-10-25T09:59:59Z"))).contains(cover);
		assertThat(covered.onCall(1, Instant.parse("2026-10-25T10:00:00Z"))).contains(ADA);
		assertThat(covered.warnings(Instant.parse("2026-10-19T00:00:00Z"), Instant.parse("2026-11-02T00:00:00Z"),
				UserId::toString))
			.extracting(CalendarWarning::kind)
			.as("a gap before the rotation starts? no: it started on 2026-10-05")
			.isEmpty();
	}

	@Test
	void theCalendarWarnsAboutGapsAndAboutOnePersonOnTwoLayers() {
		var primary = new Layer("Primary",
				new Rotation(List.of(ADA), ShiftKind.WEEKLY, null, DayOfWeek.MONDAY, LocalTime.of(9, 0),
						LocalDate.parse("2026-11-02")),
				List.of(new Restriction(Set.of(DayOfWeek.MONDAY), LocalTime.of(9, 0), LocalTime.of(17, 0))));
		var secondary = new Layer("Secondary",
				new Rotation(List.of(ADA), ShiftKind.DAILY, null, null, LocalTime.of(9, 0),
						LocalDate.parse("2026-11-02")),
				List.of(new Restriction(Set.of(DayOfWeek.MONDAY), LocalTime.of(12, 0), LocalTime.of(18, 0))));
		var roster = new Roster(UUID.randomUUID(), ZoneId.of("UTC"), List.of(primary, secondary), List.of());
		var warnings = roster.warnings(Instant.parse("2026-11-02T00:00:00Z"), Instant.parse("2026-11-03T00:00:00Z"),
				id -> Map.of(ADA, "Ada").get(id));
		assertThat(warnings).extracting(w -> w.kind() + " " + w.start() + "–" + w.end())
			.containsExactly("gap 2026-11-02T00:00:00Z–2026-11-02T09:00:00Z",
					"double_booked 2026-11-02T12:00:00Z–2026-11-02T17:00:00Z",
					"gap 2026-11-02T18:00:00Z–2026-11-03T00:00:00Z");
		assertThat(warnings.get(1).message()).isEqualTo("Ada is on call in both Primary and Secondary, with no backup");
	}

}
