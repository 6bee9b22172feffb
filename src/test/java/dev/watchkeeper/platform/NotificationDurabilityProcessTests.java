package dev.watchkeeper.platform;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import dev.watchkeeper.IntegrationTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The outbox survives {@code kill -9}: 100 deliveries pending against a failing peer, the
 * process killed, the peer healed, the process restarted on the same data directory.
 * <p>
 * What this guarantees: every one of the 100 deliveries is accepted by the peer (answered
 * 2xx) exactly once. The peer refused every attempt before the kill, so no
 * {@code webhook-id} is accepted twice across the crash, and after the restart no
 * {@code webhook-id} arrives more than once. In general delivery is at-least-once: a
 * crash after the peer accepted a request but before the outcome was recorded repeats it
 * with the same {@code webhook-id}, which the receiver uses to drop the duplicate.
 */
class NotificationDurabilityProcessTests {

	private static final String ADMIN_TOKEN = "wk_notification-process-test-token-0123456789";

	private static final int DELIVERIES = 100;

	private final HttpClient http = HttpClient.newHttpClient();

	private final JsonMapper json = JsonMapper.builder().build();

	private final WireMockServer peer = new WireMockServer(options().bindAddress("127.0.0.1").dynamicPort());

	@AfterEach
	void stopPeer() {
		peer.stop();
	}

	@Test
	void pendingDeliveriesAllArriveOnceAfterKill9AndRestart() throws Exception {
		peer.start();
		peer.stubFor(post("/durable").willReturn(aResponse().withStatus(503)));
		Path dataDir = IntegrationTest.newDataDirectory();
		Map<String, String> env = Map.of("WATCHKEEPER_ADMIN_EMAIL", "admin@example.com", "WATCHKEEPER_ADMIN_PASSWORD",
				"a long enough admin password", "WATCHKEEPER_ADMIN_TOKEN", ADMIN_TOKEN,
				"WATCHKEEPER_NOTIFICATION_BACKOFF_BASE", "200ms", "WATCHKEEPER_NOTIFICATION_BACKOFF_MAX", "1s",
				"WATCHKEEPER_NOTIFICATION_POLL_INTERVAL", "200ms", "WATCHKEEPER_NOTIFICATION_LEASE", "5s",
				"WATCHKEEPER_NOTIFICATION_REQUEST_TIMEOUT", "2s");
		Set<String> ids = new HashSet<>();
		try (var first = WatchkeeperProcess.start(dataDir, env)) {
			first.awaitHealthy(Duration.ofSeconds(120));
			var channel = send(first, "POST", "/api/v1/channels", """
					{"name":"durable","kind":"webhook","url":"http://127.0.0.1:%d/durable"}""".formatted(peer.port()));
			assertThat(channel.statusCode()).as(channel.body()).isEqualTo(201);
			String channelId = json.readTree(channel.body()).get("id").asString();
			for (int i = 0; i < DELIVERIES; i++) {
				var test = send(first, "POST", "/api/v1/channels/" + channelId + "/test", null);
				assertThat(test.statusCode()).as(test.body()).isEqualTo(202);
				ids.add(json.readTree(test.body()).get("deliveryId").asString());
			}
			var pending = json.readTree(send(first, "GET", "/api/v1/deliveries?status=pending&size=1", null).body());
			assertThat(pending.get("total").asInt()).as("all pending against the failing peer").isEqualTo(DELIVERIES);
			first.kill9();
		}
		List<ServeEvent> beforeRestart = peer.getAllServeEvents();
		assertThat(beforeRestart).as("the peer refused everything before the kill")
			.allSatisfy(e -> assertThat(e.getResponse().getStatus()).isEqualTo(503));
		peer.resetAll();
		peer.stubFor(post("/durable").willReturn(aResponse().withStatus(200)));

		try (var second = WatchkeeperProcess.start(dataDir, env)) {
			second.awaitHealthy(Duration.ofSeconds(120));
			long deadline = System.nanoTime() + Duration.ofSeconds(90).toNanos();
			while (System.nanoTime() < deadline && succeeded(second) < DELIVERIES) {
				Thread.sleep(250);
			}
			assertThat(succeeded(second)).isEqualTo(DELIVERIES);
			// a little longer: nothing may arrive a second time
			Thread.sleep(1500);
			List<String> webhookIds = peer.getAllServeEvents()
				.stream()
				.map(e -> e.getRequest().getHeader("webhook-id"))
				.toList();
			Map<String, Long> arrivals = webhookIds.stream()
				.collect(Collectors.groupingBy(Function.identity(), Collectors.counting()));
			assertThat(arrivals).hasSize(DELIVERIES);
			assertThat(arrivals.values()).as("no webhook-id arrives twice").containsOnly(1L);
			var log = json.readTree(send(second, "GET", "/api/v1/deliveries?status=succeeded&size=500", null).body());
			Set<String> delivered = new HashSet<>();
			for (JsonNode item : log.get("items")) {
				delivered.add(item.get("id").asString());
				assertThat(arrivals).containsKey(item.get("idempotencyKey").asString());
			}
			assertThat(delivered).isEqualTo(ids);
		}
	}

	private int succeeded(WatchkeeperProcess app) throws Exception {
		var page = send(app, "GET", "/api/v1/deliveries?status=succeeded&size=1", null);
		return json.readTree(page.body()).get("total").asInt();
	}

	private HttpResponse<String> send(WatchkeeperProcess app, String method, String path, String body)
			throws Exception {
		var request = HttpRequest.newBuilder(URI.create(app.url(path)))
			.header("Authorization", "Bearer " + ADMIN_TOKEN)
			.header("Content-Type", "application/json")
			.method(method,
					body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
		return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
	}

}
