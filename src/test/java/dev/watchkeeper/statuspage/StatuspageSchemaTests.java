package dev.watchkeeper.statuspage;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The schema the API is checked against refuses what Statuspage clients would not
 * understand.
 */
class StatuspageSchemaTests {

	private static final String PAGE = """
			{"id":"0c5e1d2f9a3b","name":"Example","url":"https://status.example.com","time_zone":"UTC",
			 "updated_at":"2026-11-27T10:00:00.000Z"}""";

	@Test
	void acceptsStatuspagesOwnExampleAndRefusesAnUnknownIndicator() {
		assertThat(StatuspageSchema.problems("status.json", """
				{"page":%s,"status":{"indicator":"none","description":"All Systems Operational"}}""".formatted(PAGE)))
			.isEmpty();
		assertThat(StatuspageSchema.problems("status.json", """
				{"page":%s,"status":{"indicator":"green","description":"All good"}}""".formatted(PAGE))).isNotEmpty();
	}

	@Test
	void refusesMaintenanceWithoutItsScheduleAndComponentsWithAnUnknownStatus() {
		String maintenance = """
				{"id":"m1","name":"Upgrade","status":"scheduled","created_at":"2026-11-27T10:00:00Z",
				 "updated_at":"2026-11-27T10:00:00Z","monitoring_at":null,"resolved_at":null,"impact":"maintenance",
				 "shortlink":"https://status.example.com/m1","started_at":"2026-11-28T02:00:00Z","page_id":"p",
				 "incident_updates":[],"components":[]%s}""";
		assertThat(StatuspageSchema.problems("scheduled-maintenances.json",
				"{\"page\":" + PAGE + ",\"scheduled_maintenances\":[" + maintenance.formatted(
						",\"scheduled_for\":\"2026-11-28T02:00:00Z\",\"scheduled_until\":\"2026-11-28T04:00:00Z\"")
						+ "]}"))
			.isEmpty();
		assertThat(StatuspageSchema.problems("scheduled-maintenances.json",
				"{\"page\":" + PAGE + ",\"scheduled_maintenances\":[" + maintenance.formatted("") + "]}"))
			.isNotEmpty();
		assertThat(StatuspageSchema.problems("components.json", """
				{"page":%s,"components":[{"id":"c","name":"API","status":"sad","created_at":"2026-11-27T10:00:00Z",
				 "updated_at":"2026-11-27T10:00:00Z","position":1,"description":null,"showcase":true,
				 "start_date":null,"group_id":null,"page_id":"p","group":false,"only_show_if_degraded":false}]}"""
			.formatted(PAGE))).isNotEmpty();
	}

}
