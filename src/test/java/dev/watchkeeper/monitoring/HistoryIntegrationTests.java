package dev.watchkeeper.monitoring;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/** Results rolled up per minute, and uptime from them. */
class HistoryIntegrationTests extends MonitoringIntegrationTest {

	@Autowired
	CheckHistory history;

	private void ping(String path) throws Exception {
		var response = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).build(),
				HttpResponse.BodyHandlers.ofString());
		assertThat(response.statusCode()).isEqualTo(200);
	}

	@Test
	void aCompletedMinuteIsRolledUpWithItsUpRatioAndUptimeCountsEveryRun() throws Exception {
		String service = service();
		JsonNode check = create("""
				{"name":"hourly-job","kind":"heartbeat","service":"%s","environment":"production",
				 "heartbeat":{"periodSeconds":604800}}""".formatted(service));
		String id = check.get("id").asString();
		String pingUrl = check.get("pingUrl").asString();
		Instant first = clock.instant();
		ping(pingUrl);
		ping(pingUrl + "/fail");
		ping(pingUrl);
		ping(pingUrl + "/0");

		// a minute is rolled up once it has ended and a minute has passed for late
		// results
		clock.advance(Duration.ofMinutes(3));
		history.rollUp();

		JsonNode minutes = get("/api/v1/checks/" + id + "/rollups?resolution=m&from="
				+ first.truncatedTo(ChronoUnit.MINUTES) + "&to=" + first.plus(Duration.ofMinutes(2)));
		int total = 0;
		int up = 0;
		for (JsonNode minute : minutes) {
			total += minute.get("total").asInt();
			up += minute.get("up").asInt();
			assertThat(minute.get("upRatio").asDouble()).isBetween(0.0, 1.0);
		}
		assertThat(total).isEqualTo(4);
		assertThat(up).isEqualTo(3);

		JsonNode uptime = get("/api/v1/checks/" + id + "/uptime");
		assertThat(uptime.get("day").asDouble()).isEqualTo(0.75);
		assertThat(uptime.get("quarter").asDouble()).isEqualTo(0.75);

		var invalid = send("GET", "/api/v1/checks/" + id + "/rollups?resolution=w", viewer, null);
		assertThat(invalid.statusCode()).isEqualTo(422);
		assertThat(invalid.body()).contains("resolution");
	}

}
