package dev.watchkeeper.alerting;

import java.util.List;
import java.util.UUID;

import dev.watchkeeper.IntegrationTest;
import dev.watchkeeper.WebhookPeer;
import dev.watchkeeper.identity.IdentityFixtures;
import dev.watchkeeper.identity.Role;
import dev.watchkeeper.notification.DeliveryFailed;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;
import org.springframework.test.context.TestPropertySource;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The routing configuration API, the route tester, durable dispatch into the notification
 * outbox and the delivery-failure meta-alert, in the running app with a fast dispatcher
 * poll.
 */
@TestPropertySource(
		properties = { "watchkeeper.alerting.dispatch.poll-interval=100ms", "watchkeeper.alerting.resolve-timeout=4s" })
@RecordApplicationEvents
class RoutingIntegrationTests extends IntegrationTest {

	@Autowired
	IdentityFixtures fixtures;

	@Autowired
	JsonMapper json;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	AlertDispatcher dispatcher;

	@Autowired
	Alerts alerts;

	@Autowired
	ApplicationEventPublisher events;

	@Autowired
	TransactionTemplate transactions;

	private String manager;

	private String responder;

	private String run;

	@BeforeEach
	void setUp() {
		manager = fixtures.token(Role.MANAGER);
		responder = fixtures.token(Role.RESPONDER);
		run = "r" + UUID.randomUUID().toString().substring(0, 8);
	}

	/**
	 * A webhook channel, made through the channels API, pointing at a closed local port:
	 * its deliveries stay in the outbox, retrying.
	 */
	private String channel(String name) throws Exception {
		var created = send("POST", "/api/v1/channels", manager, """
				{"name":"%s","kind":"webhook","url":"http://127.0.0.1:9/hook"}""".formatted(name));
		assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
		return name;
	}

	private String config(String receiverChannels, String groupWait) {
		return """
				route:
				  receiver: default
				  group_by: [alertname]
				  routes:
				    - matchers: ['run="%s"']
				      receiver: team
				      group_wait: %s
				      group_interval: 1h
				      repeat_interval: 4h
				receivers:
				  - name: default
				  - name: team
				    channels: [%s]
				inhibit_rules:
				  - source_matchers: ['alertname="DatabaseUnavailable"']
				    target_matchers: ['alertname="HighErrorRate"']
				    equal: [service]
				""".formatted(run, groupWait, receiverChannels);
	}

	private int versionCount() {
		return jdbc.sql("SELECT count(*) FROM alerting_config_versions").query(Integer.class).single();
	}

	@Test
	void anInvalidConfigurationIsRefusedWithThePathOfEachErrorAndNothingIsSaved() throws Exception {
		int before = versionCount();
		var response = send("PUT", "/api/v1/alerting/config", manager, """
				{"route":{"receiver":"default","matchers":["severity=\\"critical\\""],"group_interval":"0s",
				  "routes":[{"matchers":["service=\\"a\\""],"receiver":"nobody"},
				            {"matchers":["service=~\\"check(\\""],"active_time_intervals":["weekends"]}]},
				 "receivers":[{"name":"default","channels":["no-such-channel"]}]}""");
		assertThat(response.statusCode()).as(response.body()).isEqualTo(422);
		assertThat(response.headers().firstValue("Content-Type"))
			.hasValueSatisfying(type -> assertThat(type).startsWith("application/problem+json"));
		assertThat(response.body()).contains("route.matchers", "route.group_interval", "route.routes[0].receiver",
				"route.routes[1].matchers[0]", "route.routes[1].active_time_intervals[0]", "receivers[0].channels[0]");
		assertThat(versionCount()).isEqualTo(before);

		var yaml = send("PUT", "/api/v1/alerting/config", manager, "route: {receiver: [");
		assertThat(yaml.statusCode()).isEqualTo(422);
		assertThat(yaml.body()).contains("not valid JSON or YAML");
		assertThat(versionCount()).isEqualTo(before);
	}

	@Test
	void aSavedConfigurationIsAVersionWithItsAuthorAndIsInForce() throws Exception {
		String channel = channel("chat-" + run);
		var saved = send("PUT", "/api/v1/alerting/config", manager, config(channel, "30s"));
		assertThat(saved.statusCode()).as(saved.body()).isEqualTo(200);
		JsonNode body = json.readTree(saved.body());
		assertThat(body.get("createdBy").asString()).contains("@example.com");
		int version = body.get("version").asInt();
		assertThat(version).isPositive();

		JsonNode current = json.readTree(send("GET", "/api/v1/alerting/config", responder, null).body());
		assertThat(current.get("version").asInt()).isEqualTo(version);
		assertThat(current.get("config").get("receivers").get(1).get("channels").get(0).asString()).isEqualTo(channel);
		JsonNode versions = json.readTree(send("GET", "/api/v1/alerting/config/versions", responder, null).body());
		assertThat(versions.get(0).get("version").asInt()).isEqualTo(version);
		assertThat(send("PUT", "/api/v1/alerting/config", responder, config(channel, "30s")).statusCode())
			.isEqualTo(403);
	}

	@Test
	void theRouteTesterNamesTheRouteReceiverChannelsGroupKeyAndInhibition() throws Exception {
		String channel = channel("page-" + run);
		assertThat(send("PUT", "/api/v1/alerting/config", manager, config(channel, "0s")).statusCode()).isEqualTo(200);
		send("POST", "/api/v1/alerts", responder, """
				[{"labels":{"alertname":"DatabaseUnavailable","service":"checkout","run":"%s"}}]""".formatted(run));

		var response = send("POST", "/api/v1/alerting/routes/test", responder, """
				{"labels":{"alertname":"HighErrorRate","service":"checkout","run":"%s"}}""".formatted(run));
		assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
		JsonNode test = json.readTree(response.body());
		JsonNode route = test.get("routes").get(0);
		assertThat(route.get("path").asString()).isEqualTo("route.routes[0]");
		assertThat(route.get("receiver").asString()).isEqualTo("team");
		assertThat(route.get("channels").get(0).asString()).isEqualTo(channel);
		assertThat(route.get("groupWait").asString()).isEqualTo("0s");
		assertThat(route.get("groupKey").asString()).endsWith(":{alertname=\"HighErrorRate\"}");
		assertThat(test.get("inhibitedBy").get("alertname").asString()).isEqualTo("DatabaseUnavailable");

		JsonNode other = json.readTree(send("POST", "/api/v1/alerting/routes/test", responder, """
				{"labels":{"alertname":"HighErrorRate","service":"billing"}}""").body());
		assertThat(other.get("routes").get(0).get("path").asString()).isEqualTo("route");
		assertThat(other.get("inhibitedBy")).isNull();

		var bad = send("POST", "/api/v1/alerting/routes/test", responder, "{\"labels\":{}}");
		assertThat(bad.statusCode()).isEqualTo(422);
		assertThat(bad.body()).contains("labels");
	}

	private List<String> deliveries() {
		return jdbc.sql("SELECT idempotency_key FROM notification_deliveries WHERE idempotency_key LIKE :run")
			.param("run", "%" + run + "%")
			.query(String.class)
			.list();
	}

	private List<String> awaitDeliveries(int count) throws InterruptedException {
		long deadline = System.nanoTime() + 15_000_000_000L;
		List<String> found = deliveries();
		while (found.size() < count && System.nanoTime() < deadline) {
			Thread.sleep(50);
			found = deliveries();
		}
		return found;
	}

	@Test
	void aFiredAlertReachesTheOutboxOncePerChannelAfterGroupWaitAndNotTwiceAfterARestart() throws Exception {
		String a = channel("a-" + run);
		String b = channel("b-" + run);
		assertThat(send("PUT", "/api/v1/alerting/config", manager, config(a + ", " + b, "2s")).statusCode())
			.isEqualTo(200);
		var posted = send("POST", "/api/v1/alerts", responder, """
				[{"labels":{"alertname":"HighErrorRate","service":"api-%s","run":"%s"},
				  "annotations":{"runbook_url":"https://runbooks.example.com/high-error-rate"}}]""".formatted(run,
				run));
		assertThat(posted.statusCode()).isEqualTo(200);
		String fingerprint = json.readTree(posted.body()).get("fingerprints").get(0).asString();
		Thread.sleep(500);
		assertThat(deliveries()).as("group_wait is 2s").isEmpty();

		List<String> keys = awaitDeliveries(2);
		assertThat(keys).hasSize(2);
		assertThat(keys).allSatisfy(key -> assertThat(key).endsWith("/1"));
		assertThat(keys).anySatisfy(key -> assertThat(key).contains("/" + a + "/"));
		assertThat(keys).anySatisfy(key -> assertThat(key).contains("/" + b + "/"));

		String notice = jdbc.sql("SELECT notice::text FROM notification_deliveries WHERE idempotency_key = :key")
			.param("key", keys.get(0))
			.query(String.class)
			.single();
		JsonNode sent = json.readTree(notice);
		String groupKey = sent.get("groupKey").asString();
		assertThat(keys.get(0)).startsWith(groupKey + "/");
		assertThat(sent.get("receiver").asString()).isEqualTo("team");
		assertThat(sent.get("status").asString()).isEqualTo("firing");
		assertThat(sent.get("alerts").get(0).get("annotations").get("runbook_url").asString())
			.isEqualTo("https://runbooks.example.com/high-error-rate");
		assertThat(sent.get("link").asString()).startsWith("http://localhost:8000/alerts?group=");
		assertThat(alerts.inGroup(groupKey)).extracting(Alert::fingerprint).containsExactly(fingerprint);

		dispatcher.stop();
		dispatcher.start();
		send("POST", "/api/v1/alerts", responder, """
				[{"labels":{"alertname":"HighErrorRate","service":"api-%s","run":"%s"}}]""".formatted(run, run));
		Thread.sleep(1000);
		assertThat(deliveries()).as("a refresh and a restarted dispatcher send nothing new").hasSize(2);

		JsonNode history = json
			.readTree(send("GET", "/api/v1/alerts/" + fingerprint + "/history", responder, null).body());
		assertThat(history.toString()).contains("fired", "notified", "receiver team", a, b);
	}

	@Test
	void aReceiverThatOpensIncidentsHandsEachNoticeOfItsGroupsToTheIncidentModule(ApplicationEvents recorded)
			throws Exception {
		String a = channel("inc-" + run);
		String config = config(a, "0s").replace("    channels: [" + a + "]",
				"    channels: [" + a + "]\n    incident: true");
		assertThat(send("PUT", "/api/v1/alerting/config", manager, config).statusCode()).isEqualTo(200);
		assertThat(send("PUT", "/api/v1/alerting/config", manager, config.replace("incident: true", "incident: yes"))
			.body()).contains("receivers[1].incident", "must be true or false");
		dispatcher.stop();
		try {
			send("POST", "/api/v1/alerts", responder, """
					[{"labels":{"alertname":"ServiceDown","service":"svc-%s","run":"%s","severity":"warning"}},
					 {"labels":{"alertname":"ServiceDown","service":"svc-%s","run":"%s","severity":"P0"}}]"""
				.formatted(run, run, run, run));
			int flushed = 0;
			while (flushed < 100 && Boolean.TRUE.equals(transactions.execute(s -> dispatcher.flushOne()))) {
				flushed++;
			}
		}
		finally {
			dispatcher.start();
		}
		var escalated = recorded.stream(AlertEvents.AlertGroupEscalated.class)
			.filter(e -> e.groupLabels().containsValue("ServiceDown") && e.receiver().equals("team"))
			.toList();
		assertThat(escalated).hasSize(1);
		var event = escalated.get(0);
		assertThat(event.status()).isEqualTo("firing");
		assertThat(event.severity()).as("the highest of medium and critical").isEqualTo("critical");
		assertThat(event.firing()).hasSize(2);
		assertThat(event.sequence()).isEqualTo(1);
		assertThat(event.link()).contains("/alerts?group=");
		assertThat(awaitDeliveries(1)).as("its channels are notified as well").hasSize(1);
	}

	@Test
	void aDecisionThatDoesNotCommitIsMadeAgainWithTheSameIdempotencyKeys() throws Exception {
		String a = channel("crash-" + run);
		assertThat(send("PUT", "/api/v1/alerting/config", manager, config(a, "0s")).statusCode()).isEqualTo(200);
		dispatcher.stop();
		try {
			send("POST", "/api/v1/alerts", responder, """
					[{"labels":{"alertname":"ServiceDown","service":"svc-%s","run":"%s"}}]""".formatted(run, run));
			transactions.executeWithoutResult(status -> {
				int flushed = 0;
				while (flushed < 100 && dispatcher.flushOne()) {
					flushed++;
				}
				assertThat(deliveries()).as("decided and enqueued inside the transaction").hasSize(1);
				status.setRollbackOnly(); // the node dies before commit
			});
			assertThat(deliveries()).isEmpty();
		}
		finally {
			dispatcher.start();
		}
		List<String> keys = awaitDeliveries(1);
		assertThat(keys).hasSize(1);
		assertThat(keys.get(0)).endsWith("/" + a + "/1");
	}

	@Test
	void aWebhookPeerHearsTheAlertFireAndThenResolve() throws Exception {
		try (var peer = WebhookPeer.start()) {
			String name = "peer-" + run;
			var created = send("POST", "/api/v1/channels", manager, """
					{"name":"%s","kind":"webhook","url":"%s"}""".formatted(name, peer.url()));
			assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
			String config = config(name, "0s").replace("group_interval: 1h", "group_interval: 1s");
			assertThat(send("PUT", "/api/v1/alerting/config", manager, config).statusCode()).isEqualTo(200);
			String alert = """
					[{"labels":{"alertname":"ServiceDown","service":"web-%s","run":"%s"}%s}]""";
			send("POST", "/api/v1/alerts", responder, alert.formatted(run, run, ""));
			List<String> bodies = peer.awaitBodies(1, java.time.Duration.ofSeconds(15));
			assertThat(bodies).hasSize(1);
			assertThat(bodies.get(0)).contains("ServiceDown", "firing");

			send("POST", "/api/v1/alerts", responder,
					alert.formatted(run, run, ",\"endsAt\":\"" + java.time.Instant.now().minusSeconds(1) + "\""));
			bodies = peer.awaitBodies(2, java.time.Duration.ofSeconds(15));
			assertThat(bodies).hasSize(2);
			assertThat(bodies.get(1)).contains("ServiceDown", "resolved");
		}
	}

	@Test
	void anAlertThatIsNoLongerRefreshedResolvesThroughTheTimeoutAndThePeerHearsIt() throws Exception {
		try (var peer = WebhookPeer.start()) {
			String name = "timeout-" + run;
			assertThat(send("POST", "/api/v1/channels", manager, """
					{"name":"%s","kind":"webhook","url":"%s"}""".formatted(name, peer.url())).statusCode())
				.isEqualTo(201);
			String config = config(name, "0s").replace("group_interval: 1h", "group_interval: 1s");
			assertThat(send("PUT", "/api/v1/alerting/config", manager, config).statusCode()).isEqualTo(200);
			var posted = send("POST", "/api/v1/alerts", responder, """
					[{"labels":{"alertname":"HeartbeatMissed","service":"cron-%s","run":"%s"}}]""".formatted(run, run));
			String fingerprint = json.readTree(posted.body()).get("fingerprints").get(0).asString();
			List<String> bodies = peer.awaitBodies(2, java.time.Duration.ofSeconds(20));
			assertThat(bodies).hasSize(2);
			assertThat(bodies.get(0)).contains("HeartbeatMissed", "firing");
			assertThat(bodies.get(1)).as("no sender said so: the flush found it at its end").contains("resolved");
			assertThat(send("GET", "/api/v1/alerts/" + fingerprint + "/history", responder, null).body())
				.contains("not refreshed within the resolve timeout");
		}
	}

	@Test
	void aDeliveryThatFinallyFailedRaisesAMetaAlert() throws Exception {
		UUID delivery = UUID.randomUUID();
		transactions.executeWithoutResult(status -> events.publishEvent(
				new DeliveryFailed(delivery, "pager-" + run, "pagerduty", "key-" + run, 12, "HTTP 500 from the peer")));
		JsonNode found = null;
		long deadline = System.nanoTime() + 15_000_000_000L;
		while (found == null && System.nanoTime() < deadline) {
			JsonNode alerts = json.readTree(
					send("GET", "/api/v1/alerts?label=alertname=NotificationDeliveryFailed&label=channel=pager-" + run,
							responder, null)
						.body());
			found = alerts.isEmpty() ? null : alerts.get(0);
			if (found == null) {
				Thread.sleep(50);
			}
		}
		assertThat(found).isNotNull();
		assertThat(found.get("labels").get("severity").asString()).isEqualTo("high");
		assertThat(found.get("labels").get("kind").asString()).isEqualTo("pagerduty");
		assertThat(found.get("annotations").get("description").asString()).contains("HTTP 500", "key-" + run);
	}

}
