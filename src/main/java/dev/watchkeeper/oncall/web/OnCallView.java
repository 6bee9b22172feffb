package dev.watchkeeper.oncall.web;

import java.time.Instant;
import java.util.List;

import dev.watchkeeper.oncall.OnCall;
import io.swagger.v3.oas.annotations.media.Schema;

/**
 * Who is on call at an instant, per team and schedule.
 *
 * @param at the instant
 * @param teams teams with schedules
 */
@Schema(example = """
		{"at":"2026-12-01T10:00:00Z","teams":[{"team":{"id":"a1c2…","slug":"core-platform","name":"Core Platform"},
		 "people":[{"id":"0c1d…","name":"Ada","email":"ada@example.com"}],
		 "schedules":[{"id":"3f1a…","name":"Core platform","timeZone":"Europe/Berlin",
		   "layers":[{"layer":1,"name":"Primary","user":{"id":"0c1d…","name":"Ada","email":"ada@example.com"}},
		             {"layer":2,"name":"Secondary","user":null}]}]}]}""")
record OnCallView(Instant at, List<TeamNow> teams) {

	/**
	 * One team.
	 *
	 * @param team the team
	 * @param people everyone on call in its schedules, primary layers first
	 * @param schedules its schedules
	 */
	record TeamNow(People.TeamView team, List<People.Person> people, List<ScheduleNow> schedules) {
	}

	/**
	 * One schedule.
	 *
	 * @param id schedule id
	 * @param name name
	 * @param timeZone zone
	 * @param layers each layer's person
	 */
	record ScheduleNow(String id, String name, String timeZone, List<LayerNow> layers) {

		static ScheduleNow of(OnCall.ScheduleOnCall now, People.Directory names) {
			return new ScheduleNow(now.schedule().id().toString(), now.schedule().name(), now.schedule().timeZone(),
					now.layers()
						.stream()
						.map(l -> new LayerNow(l.layer(), l.name(), names.person(l.userId()),
								l.overrideId() == null ? null : l.overrideId().toString()))
						.toList());
		}

	}

	/**
	 * One layer.
	 *
	 * @param layer position
	 * @param name name
	 * @param user who, or null for nobody
	 * @param overrideId the override that put them there, if any
	 */
	record LayerNow(int layer, String name, People.Person user, String overrideId) {
	}

}
