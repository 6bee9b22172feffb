package dev.watchkeeper.monitoring.metrics.scrape;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicReference;

import com.sun.net.httpserver.HttpServer;
import dev.watchkeeper.monitoring.metrics.MetricsIntegrationTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

class ScrapeTargetApiIntegrationTests extends MetricsIntegrationTest {

	private final AtomicReference<String> exposition = new AtomicReference<>("");

	private HttpServer target;

	@BeforeEach
	void startTarget() throws IOException {
		target = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
		target.createContext("/metrics", (exchange) -> {
			byte[] body = exposition.get().getBytes(StandardCharsets.UTF_8);
			exchange.sendResponseHeaders(200, body.length);
			try (OutputStream out = exchange.getResponseBody()) {
				out.write(body);
			}
		});
		target.start();
	}

	@AfterEach
	void stopTarget() {
		target.stop(0);
	}

	@Test
	void aTargetAddedThroughTheApiIsScrapedWithUpAndItsSeriesAndGoesStaleWhenRemoved() throws Exception {
		exposition.set("# TYPE api_queue_depth gauge\napi_queue_depth{queue=\"mail\"} 7\n");
		String url = "http://127.0.0.1:" + target.getAddress().getPort() + "/metrics";
		var created = send("POST", "/api/v1/monitoring/scrape-targets", manager, """
				{"url":"%s","job":"api-test","service":"checkout","environment":"production","interval":"1s",
				 "labels":{"team":"payments"}}""".formatted(url));
		assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
		JsonNode body = json.readTree(created.body());
		String id = body.get("id").asString();
		assertThat(body.get("timeout").asString()).isEqualTo("800ms");
		assertThat(body.get("instance").asString()).isEqualTo("127.0.0.1:" + target.getAddress().getPort());

		JsonNode series = await("the target's series", Duration.ofSeconds(15), () -> {
			JsonNode r = instant("api_queue_depth{job=\"api-test\"}");
			return r.isEmpty() ? null : r;
		});
		JsonNode metric = series.get(0).get("metric");
		assertThat(metric.get("service").asString()).isEqualTo("checkout");
		assertThat(metric.get("environment").asString()).isEqualTo("production");
		assertThat(metric.get("team").asString()).isEqualTo("payments");
		assertThat(metric.get("queue").asString()).isEqualTo("mail");
		assertThat(instant("up{job=\"api-test\"}").get(0).get("value").get(1).asString()).isEqualTo("1");

		JsonNode listed = await("the last scrape in the list", Duration.ofSeconds(5), () -> {
			for (JsonNode t : json.readTree(send("GET", "/api/v1/monitoring/scrape-targets", viewer, null).body())) {
				if (t.get("id").asString().equals(id) && t.hasNonNull("lastScrape")) {
					return t;
				}
			}
			return null;
		});
		assertThat(listed.get("lastScrape").get("up").asBoolean()).isTrue();
		assertThat(listed.get("lastScrape").get("samples").asInt()).isEqualTo(1);

		assertThat(send("DELETE", "/api/v1/monitoring/scrape-targets/" + id, viewer, null).statusCode()).isEqualTo(403);
		assertThat(send("DELETE", "/api/v1/monitoring/scrape-targets/" + id, manager, null).statusCode())
			.isEqualTo(204);
		assertThat(send("GET", "/api/v1/monitoring/scrape-targets/" + id, viewer, null).statusCode()).isEqualTo(404);
		await("the series marked stale", Duration.ofSeconds(10),
				() -> instant("api_queue_depth{job=\"api-test\"}").isEmpty() ? true : null);
		assertThat(instant("up{job=\"api-test\"}")).isEmpty();
	}

	@Test
	void scrapesStartAnIntervalApartWhateverTheyTake() throws Exception {
		List<Long> starts = new CopyOnWriteArrayList<>();
		target.createContext("/slow-metrics", (exchange) -> {
			starts.add(System.nanoTime());
			try {
				Thread.sleep(400);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
			byte[] body = "slow_gauge 1\n".getBytes(StandardCharsets.UTF_8);
			exchange.sendResponseHeaders(200, body.length);
			try (OutputStream out = exchange.getResponseBody()) {
				out.write(body);
			}
		});
		var created = send("POST", "/api/v1/monitoring/scrape-targets", manager, """
				{"url":"http://127.0.0.1:%d/slow-metrics","job":"api-slow","interval":"1s"}"""
			.formatted(target.getAddress().getPort()));
		assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
		await("seven scrapes", Duration.ofSeconds(20), () -> starts.size() >= 7 ? true : null);
		send("DELETE", "/api/v1/monitoring/scrape-targets/" + json.readTree(created.body()).get("id").asString(),
				manager, null);
		List<Long> s = List.copyOf(starts).subList(0, 7);
		for (int i = 1; i < s.size(); i++) {
			long gapMillis = (s.get(i) - s.get(i - 1)) / 1_000_000;
			// a scrape of 400 ms does not push the next start back (that would be 1.4 s)
			assertThat(gapMillis).as("start %d to %d", i - 1, i).isBetween(700L, 1300L);
		}
		long totalMillis = (s.get(6) - s.get(0)) / 1_000_000;
		assertThat(totalMillis).as("six intervals without drift").isBetween(5800L, 6200L);
	}

	@org.springframework.beans.factory.annotation.Autowired
	ScrapeScheduler scheduler;

	@Test
	void aSchedulerStoppedAndStartedAgainStillScrapes() throws Exception {
		// a paused application context stops and restarts its lifecycle beans
		scheduler.stop();
		scheduler.start();
		String url = "http://127.0.0.1:" + target.getAddress().getPort() + "/missing";
		var created = send("POST", "/api/v1/monitoring/scrape-targets", manager, """
				{"url":"%s","job":"api-restarted","interval":"1s"}""".formatted(url));
		String id = json.readTree(created.body()).get("id").asString();
		JsonNode last = await("a scrape after the restart", Duration.ofSeconds(15), () -> {
			JsonNode t = json.readTree(send("GET", "/api/v1/monitoring/scrape-targets/" + id, viewer, null).body());
			return t.hasNonNull("lastScrape") ? t.get("lastScrape") : null;
		});
		assertThat(last.get("error").asString()).isEqualTo("server returned HTTP status 404");
		assertThat(send("DELETE", "/api/v1/monitoring/scrape-targets/" + id, manager, null).statusCode())
			.isEqualTo(204);
	}

	@Test
	void aFailingTargetIsDownWithItsError() throws Exception {
		String url = "http://127.0.0.1:" + target.getAddress().getPort() + "/missing";
		var created = send("POST", "/api/v1/monitoring/scrape-targets", manager, """
				{"url":"%s","job":"api-missing","interval":"1s"}""".formatted(url));
		assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
		String id = json.readTree(created.body()).get("id").asString();
		JsonNode last = await("a failed scrape", Duration.ofSeconds(15), () -> {
			JsonNode t = json.readTree(send("GET", "/api/v1/monitoring/scrape-targets/" + id, viewer, null).body());
			return t.hasNonNull("lastScrape") ? t.get("lastScrape") : null;
		});
		assertThat(last.get("up").asBoolean()).isFalse();
		assertThat(last.get("error").asString()).isEqualTo("server returned HTTP status 404");
		assertThat(instant("up{job=\"api-missing\"}").get(0).get("value").get(1).asString()).isEqualTo("0");
		assertThat(send("DELETE", "/api/v1/monitoring/scrape-targets/" + id, manager, null).statusCode())
			.isEqualTo(204);
	}

	@Test
	void badTargetsAreRefusedNamingEachField() throws Exception {
		var response = send("POST", "/api/v1/monitoring/scrape-targets", manager, """
				{"url":"ftp://x/metrics","job":"","interval":"2s","timeout":"5s","labels":{"__bad":"x","job":"y"}}""");
		assertThat(response.statusCode()).as(response.body()).isEqualTo(422);
		assertThat(response.headers().firstValue("Content-Type"))
			.hasValueSatisfying((type) -> assertThat(type).startsWith("application/problem+json"));
		assertThat(response.body()).contains("\"url\"", "\"job\"", "\"timeout\"", "labels.__bad", "labels.job");

		String url = "http://127.0.0.1:" + target.getAddress().getPort() + "/metrics";
		var first = send("POST", "/api/v1/monitoring/scrape-targets", manager, """
				{"url":"%s","job":"api-dup","enabled":false}""".formatted(url));
		assertThat(first.statusCode()).isEqualTo(201);
		var again = send("POST", "/api/v1/monitoring/scrape-targets", manager, """
				{"url":"%s","job":"api-dup"}""".formatted(url));
		assertThat(again.statusCode()).isEqualTo(409);
		String id = json.readTree(first.body()).get("id").asString();
		var replaced = send("PUT", "/api/v1/monitoring/scrape-targets/" + id, manager, """
				{"url":"%s","job":"api-dup","interval":"30s","enabled":false}""".formatted(url));
		assertThat(replaced.statusCode()).as(replaced.body()).isEqualTo(200);
		assertThat(json.readTree(replaced.body()).get("timeout").asString()).isEqualTo("10s");
		assertThat(send("DELETE", "/api/v1/monitoring/scrape-targets/" + id, manager, null).statusCode())
			.isEqualTo(204);
	}

}
