package dev.watchkeeper.oncall.web;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import dev.watchkeeper.identity.UserId;
import dev.watchkeeper.oncall.CalendarWarning;
import dev.watchkeeper.oncall.ScheduleCalendar;
import dev.watchkeeper.oncall.ScheduleOverride;
import dev.watchkeeper.oncall.Shift;
import io.swagger.v3.oas.annotations.media.Schema;

/**
 * A schedule's shifts over a period, as the API shows them.
 *
 * @param scheduleId the schedule
 * @param timeZone its zone
 * @param from first instant
 * @param to first instant after
 * @param shifts shifts by layer, then start
 * @param overrides overrides overlapping the period
 * @param warnings gaps, double bookings, overlapping overrides
 */
@Schema(example = """
		{"scheduleId":"3f1a…","timeZone":"Europe/Berlin","from":"2026-11-30T08:00:00Z","to":"2026-12-28T08:00:00Z",
		 "shifts":[{"layer":1,"layerName":"Primary","user":{"id":"0c1d…","name":"Ada","email":"ada@example.com"},
		            "start":"2026-11-30T08:00:00Z","end":"2026-12-07T08:00:00Z"}],
		 "overrides":[],"warnings":[{"kind":"gap","start":"2026-12-05T16:00:00Z","end":"2026-12-07T08:00:00Z",
		 "message":"Nobody is on call"}]}""")
record CalendarView(String scheduleId, String timeZone, Instant from, Instant to, List<ShiftView> shifts,
		List<OverrideView> overrides, List<CalendarWarning> warnings) {

	/**
	 * One shift.
	 *
	 * @param scheduleId the schedule
	 * @param layer layer position
	 * @param layerName layer name
	 * @param user who
	 * @param start first instant
	 * @param end first instant after
	 * @param overrideId the override behind it, if any
	 */
	record ShiftView(String scheduleId, int layer, String layerName, People.Person user, Instant start, Instant end,
			String overrideId) {

		static ShiftView of(Shift shift, People.Directory names) {
			return new ShiftView(shift.scheduleId() == null ? null : shift.scheduleId().toString(), shift.layer(),
					shift.layerName(), names.person(shift.userId()), shift.start(), shift.end(),
					shift.overrideId() == null ? null : shift.overrideId().toString());
		}

	}

	/**
	 * An override.
	 *
	 * @param id id
	 * @param layer layer position
	 * @param user who covers
	 * @param coveredUser whose shifts, or null for whoever is on call
	 * @param start first instant
	 * @param end first instant after
	 * @param note why
	 * @param createdBy who made it
	 * @param createdAt when
	 */
	record OverrideView(String id, int layer, People.Person user, People.Person coveredUser, Instant start, Instant end,
			String note, String createdBy, Instant createdAt) {

		static OverrideView of(ScheduleOverride override, People.Directory names) {
			return new OverrideView(override.id().toString(), override.layer(), names.person(override.userId()),
					names.person(override.coveredUserId()), override.start(), override.end(), override.note(),
					override.createdBy(), override.createdAt());
		}

		static List<UserId> people(ScheduleOverride override) {
			List<UserId> ids = new ArrayList<>(List.of(override.userId()));
			if (override.coveredUserId() != null) {
				ids.add(override.coveredUserId());
			}
			return ids;
		}

	}

	static CalendarView of(ScheduleCalendar calendar, People.Directory names) {
		return new CalendarView(calendar.schedule().id().toString(), calendar.schedule().timeZone(), calendar.from(),
				calendar.to(), calendar.shifts().stream().map(s -> ShiftView.of(s, names)).toList(),
				calendar.overrides().stream().map(o -> OverrideView.of(o, names)).toList(), calendar.warnings());
	}

	static List<UserId> people(ScheduleCalendar calendar) {
		List<UserId> ids = new ArrayList<>(ScheduleView.people(calendar.schedule()));
		calendar.shifts().forEach(s -> ids.add(s.userId()));
		calendar.overrides().forEach(o -> ids.addAll(OverrideView.people(o)));
		return ids;
	}

}
