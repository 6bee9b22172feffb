package dev.watchkeeper.oncall.web;

import java.time.DayOfWeek;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import dev.watchkeeper.identity.UserId;
import dev.watchkeeper.oncall.Durations;
import dev.watchkeeper.oncall.Layer;
import dev.watchkeeper.oncall.Restriction;
import dev.watchkeeper.oncall.Rotation;
import dev.watchkeeper.oncall.Schedule;
import dev.watchkeeper.oncall.ShiftKind;
import io.swagger.v3.oas.annotations.media.Schema;

/**
 * A schedule as the API shows it.
 *
 * @param id id
 * @param name name
 * @param description description
 * @param team owning team
 * @param timeZone IANA zone
 * @param layers layers, primary first
 * @param createdAt when created
 * @param updatedAt when changed
 */
@Schema(example = """
		{"id":"3f1a…","name":"Core platform","team":{"id":"a1c2…","slug":"core-platform","name":"Core Platform"},
		 "timeZone":"Europe/Berlin","layers":[{"position":1,"name":"Primary",
		 "participants":[{"id":"0c1d…","name":"Ada","email":"ada@example.com"}],"shift":"weekly","handoffDay":"monday",
		 "handoffTime":"09:00","startDate":"2026-11-30","restrictions":[]}],
		 "createdAt":"2026-11-25T09:00:00Z","updatedAt":"2026-11-25T09:00:00Z"}""")
record ScheduleView(String id, String name, String description, People.TeamView team, String timeZone,
		List<LayerView> layers, Instant createdAt, Instant updatedAt) {

	/**
	 * One layer.
	 *
	 * @param position 1 = primary
	 * @param name name
	 * @param participants in turn order
	 * @param shift daily, weekly or custom
	 * @param length custom length, e.g. 12h
	 * @param handoffDay weekly hand-off day
	 * @param handoffTime local hand-off time
	 * @param startDate first day
	 * @param restrictions windows it is limited to
	 */
	record LayerView(int position, String name, List<People.Person> participants, String shift, String length,
			String handoffDay, String handoffTime, String startDate, List<RestrictionView> restrictions) {
	}

	/**
	 * A window.
	 *
	 * @param days days it starts on
	 * @param start local start
	 * @param end local end (next day when not after start)
	 */
	record RestrictionView(List<String> days, String start, String end) {
	}

	static ScheduleView of(Schedule schedule, People.Directory names) {
		List<LayerView> layers = new ArrayList<>();
		for (int i = 0; i < schedule.layers().size(); i++) {
			Layer layer = schedule.layers().get(i);
			Rotation rotation = layer.rotation();
			layers.add(new LayerView(i + 1, layer.name(), rotation.participants().stream().map(names::person).toList(),
					rotation.shift().value(),
					rotation.shift() == ShiftKind.CUSTOM ? Durations.format(rotation.length()) : null,
					rotation.shift() == ShiftKind.WEEKLY ? day(rotation.handoffDay()) : null,
					rotation.handoffTime().toString(), rotation.startDate().toString(),
					layer.restrictions().stream().map(ScheduleView::restriction).toList()));
		}
		return new ScheduleView(schedule.id().toString(), schedule.name(), schedule.description(),
				names.team(schedule.teamId()), schedule.timeZone(), layers, schedule.createdAt(), schedule.updatedAt());
	}

	static List<UserId> people(Schedule schedule) {
		return schedule.layers().stream().flatMap(l -> l.rotation().participants().stream()).toList();
	}

	private static RestrictionView restriction(Restriction restriction) {
		return new RestrictionView(restriction.days().stream().sorted().map(ScheduleView::day).toList(),
				restriction.start().toString(), restriction.end().toString());
	}

	static String day(DayOfWeek day) {
		return day.name().toLowerCase(Locale.ROOT);
	}

}
