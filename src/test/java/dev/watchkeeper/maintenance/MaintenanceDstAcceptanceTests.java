package dev.watchkeeper.maintenance;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import dev.watchkeeper.alerting.AlertEvent;
import dev.watchkeeper.alerting.Alerts;
import dev.watchkeeper.alerting.PostableAlert;
import dev.watchkeeper.catalog.Service;
import dev.watchkeeper.monitoring.CheckHistory;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The acceptance test of issue 6: with the test clock, a recurring window defined in
 * Europe/Berlin starts and ends on time on both sides of a DST change, suppresses only
 * its service's alerts (and releases them when it ends), and uptime leaves it out.
 */
class MaintenanceDstAcceptanceTests extends MaintenanceIntegrationTest {

	static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");

	@Autowired
	Alerts alerts;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	CheckHistory history;

	@Test
	void aRecurringBerlinWindowStartsAndEndsOnTimeAcrossADstChangeSuppressesOnlyItsServiceAndIsLeftOutOfUptime()
			throws Exception {
		Service db = service("db");
		Service web = service("web");
		// the next change of Berlin's clocks at least ten days ahead: always on a Sunday
		var change = BERLIN.getRules().nextTransition(clock.instant().plus(Duration.ofDays(10)));
		LocalDate changeDay = change.getDateTimeBefore().toLocalDate();
		LocalDate weekBefore = changeDay.minusWeeks(1);
		Instant firstStart = ZonedDateTime.of(weekBefore, LocalTime.of(3, 0), BERLIN).toInstant();
		Instant secondStart = ZonedDateTime.of(changeDay, LocalTime.of(3, 0), BERLIN).toInstant();
		Instant firstEnd = firstStart.plus(Duration.ofHours(2));
		Instant secondEnd = secondStart.plus(Duration.ofHours(2));
		assertThat(Duration.between(firstStart, secondStart)).as("03:00 in Berlin moves in UTC across the change")
			.isNotEqualTo(Duration.ofDays(7));

		var created = send("POST", "/api/v1/maintenance/windows", responder, """
				{"title":"Sunday database work","rollbackPlan":"Fail back to the old primary","services":["%s"],
				 "timeIntervals":[{"weekdays":["sunday"],"times":[{"start_time":"03:00","end_time":"05:00"}],
				                   "location":"Europe/Berlin"}],
				 "from":"%s","until":"%s"}""".formatted(db.slug(), weekBefore.atStartOfDay(ZoneOffset.UTC).toInstant(),
				changeDay.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant()));
		assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
		UUID id = UUID.fromString(json.readTree(created.body()).get("window").get("id").asString());
		JsonNode occurrences = json.readTree(
				send("GET",
						"/api/v1/maintenance/windows/" + id + "/occurrences?from="
								+ firstStart.minus(Duration.ofDays(1)) + "&to=" + secondEnd.plus(Duration.ofDays(1)),
						viewer, null)
					.body());
		List<String> starts = new ArrayList<>();
		occurrences.forEach(o -> starts.add(o.get("startsAt").asString()));
		assertThat(starts).containsExactly(firstStart.toString(), secondStart.toString());

		// before the first start: the reminder, nothing more
		stepTo(firstStart.minus(Duration.ofMinutes(1)));
		eventually("reminder of the first occurrence", () -> events.of(id).contains("WindowReminder@" + firstStart));
		assertThat(events.of(id)).doesNotContain("WindowStarted@" + firstStart);

		stepTo(firstStart.plusSeconds(1));
		eventually("first occurrence started", () -> events.of(id).contains("WindowStarted@" + firstStart));

		// alerts of both services fire during the window: only the window's service is
		// suppressed
		String dbAlert = fire(db);
		String webAlert = fire(web);
		assertThat(alertView(dbAlert).get("suppressedBy").asString()).contains("Sunday database work");
		assertThat(alertView(webAlert).hasNonNull("suppressedBy")).isFalse();
		stepTo(clock.instant().plus(Duration.ofMinutes(2)));
		eventually("the other service's alert is notified", () -> kinds(webAlert).contains("notified"));
		eventually("the window's alert is kept as suppressed", () -> kinds(dbAlert).contains("suppressed"));
		assertThat(kinds(dbAlert)).doesNotContain("notified");

		// shortly before the end the groups flush once more (still suppressed), so
		// without
		// a release the next notice would come a group interval later
		stepTo(firstEnd.minusSeconds(30));
		eventually("the groups flushed near the end",
				() -> nextFlush(db).isAfter(firstEnd) && nextFlush(web).isAfter(firstEnd));
		Instant webFlush = nextFlush(web);
		assertThat(kinds(dbAlert)).doesNotContain("notified");

		stepTo(firstEnd.plusSeconds(1));
		eventually("first occurrence ended", () -> events.of(id).contains("WindowEnded@" + firstStart));
		eventually("the released alert is notified at the end", () -> kinds(dbAlert).contains("notified"));
		assertThat(nextFlush(web)).as("another service's group is not touched").isEqualTo(webFlush);
		assertThat(alertView(dbAlert).hasNonNull("suppressedBy")).isFalse();

		// checks of both services fail inside the second occurrence, and only there
		String dbCheck = check(db);
		String webCheck = check(web);
		results(dbCheck, secondStart, secondEnd);
		results(webCheck, secondStart, secondEnd);

		stepTo(secondStart.minus(Duration.ofMinutes(1)));
		eventually("reminder of the second occurrence", () -> events.of(id).contains("WindowReminder@" + secondStart));
		stepTo(secondStart.plusSeconds(1));
		eventually("second occurrence started", () -> events.of(id).contains("WindowStarted@" + secondStart));
		assertThat(alertView(dbAlert).get("suppressedBy").asString()).contains("Sunday database work");
		stepTo(secondEnd.plusSeconds(1));
		eventually("second occurrence ended", () -> events.of(id).contains("WindowEnded@" + secondStart));

		assertThat(events.of(id)).containsExactly("WindowScheduled@" + firstStart, "WindowReminder@" + firstStart,
				"WindowStarted@" + firstStart, "WindowEnded@" + firstStart, "WindowReminder@" + secondStart,
				"WindowStarted@" + secondStart, "WindowEnded@" + secondStart);

		stepTo(secondEnd.plus(Duration.ofHours(2)));
		assertThat(uptimeDay(dbCheck)).as("failures inside the window do not count").isEqualTo(1.0);
		assertThat(uptimeDay(webCheck)).as("another service's failures count").isEqualTo(0.5);

		// the same once the runs are rolled up into hours, and in the hourly roll-ups
		history.rollUp();
		assertThat(uptimeDay(dbCheck)).isEqualTo(1.0);
		assertThat(uptimeDay(webCheck)).isEqualTo(0.5);
		assertThat(hourlyUpRatios(dbCheck, secondStart, secondEnd)).as("the window's hours are left out")
			.containsExactly(1.0, 1.0);
		assertThat(hourlyUpRatios(webCheck, secondStart, secondEnd)).containsExactly(1.0, 0.0, 0.0, 1.0);
	}

	List<Double> hourlyUpRatios(String checkId, Instant windowStart, Instant windowEnd) throws Exception {
		JsonNode rollups = json.readTree(send(
				"GET", "/api/v1/checks/" + checkId + "/rollups?resolution=h&from="
						+ windowStart.minus(Duration.ofHours(1)) + "&to=" + windowEnd.plus(Duration.ofHours(1)),
				viewer, null)
			.body());
		List<Double> ratios = new ArrayList<>();
		rollups.forEach(r -> ratios.add(r.get("upRatio").asDouble()));
		return ratios;
	}

	void stepTo(Instant at) {
		Duration step = Duration.between(clock.instant(), at);
		if (!step.isNegative()) {
			clock.advance(step);
		}
	}

	String fire(Service service) {
		Instant now = clock.instant();
		var receipt = alerts.receive(List.of(new PostableAlert(
				Map.of("alertname", "DiskAlmostFull", "service", service.slug(), "severity", "medium"),
				Map.of("summary", "Disk 90% full"), now, now.plus(Duration.ofDays(60)), null)), "api");
		return receipt.fingerprints().get(0);
	}

	JsonNode alertView(String fingerprint) throws Exception {
		return json.readTree(send("GET", "/api/v1/alerts/" + fingerprint, viewer, null).body());
	}

	List<String> kinds(String fingerprint) {
		return alerts.history(fingerprint).stream().map(AlertEvent::kind).toList();
	}

	Instant nextFlush(Service service) {
		return jdbc.sql("SELECT next_flush_at FROM alerting_groups WHERE group_labels ->> 'service' = :slug")
			.param("slug", service.slug())
			.query((rs, n) -> rs.getTimestamp(1).toInstant())
			.single();
	}

	String check(Service service) throws Exception {
		var created = send("POST", "/api/v1/checks", manager, """
				{"name":"port","kind":"tcp","service":"%s","environment":"production","intervalSeconds":60,
				 "enabled":false,"tcp":{"host":"127.0.0.1","port":9}}""".formatted(service.slug()));
		assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
		return json.readTree(created.body()).get("id").asString();
	}

	/** A run a minute from an hour before the window to an hour after; down inside it. */
	void results(String checkId, Instant windowStart, Instant windowEnd) {
		List<Object[]> rows = new ArrayList<>();
		for (Instant at = windowStart.minus(Duration.ofHours(1)); at
			.isBefore(windowEnd.plus(Duration.ofHours(1))); at = at.plus(Duration.ofMinutes(1))) {
			boolean down = !at.isBefore(windowStart) && at.isBefore(windowEnd);
			rows.add(new Object[] { UUID.fromString(checkId), Timestamp.from(at), !down });
		}
		for (Object[] row : rows) {
			jdbc.sql(
					"INSERT INTO monitoring_results (check_id, at, ok, latency_ms, message) VALUES (?, ?, ?, 12.0, '')")
				.params(row)
				.update();
		}
	}

	double uptimeDay(String checkId) throws Exception {
		return json.readTree(send("GET", "/api/v1/checks/" + checkId + "/uptime", viewer, null).body())
			.get("day")
			.asDouble();
	}

}
