package dev.watchkeeper.notification;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.UUID;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import com.github.tomakehurst.wiremock.stubbing.Scenario;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static dev.watchkeeper.notification.NotificationTestPeers.HTTP;
import static dev.watchkeeper.notification.NotificationTestPeers.url;
import static org.assertj.core.api.Assertions.assertThat;

class NotificationDeliveryIntegrationTests extends NotificationIntegrationTest {

	@Autowired
	ChannelStore channelStore;

	private String webhook(String path) throws Exception {
		String name = unique("hook");
		createChannel("""
				{"name":"%s","kind":"webhook","url":"%s"}""".formatted(name, url(path)));
		return name;
	}

	private List<LoggedRequest> received(String path) {
		return HTTP.findAll(postRequestedFor(urlEqualTo(path)));
	}

	@Test
	void emailCarriesTheSubjectLabelsAndRunbookLink() throws Exception {
		String name = unique("mail");
		String recipient = name + "@example.com";
		createChannel("""
				{"name":"%s","kind":"email","recipients":["%s"]}""".formatted(name, recipient));
		UUID id = enqueue(name, NotificationFixtures.firing("g-mail-" + name, "https://runbooks.example.com/errors"),
				unique("k"));

		assertThat(awaitFinished(id, Duration.ofSeconds(10)).status()).isEqualTo("succeeded");
		MimeMessage mail = java.util.Arrays.stream(NotificationTestPeers.SMTP.getReceivedMessages()).filter(m -> {
			try {
				return m.getAllRecipients()[0].toString().equals(recipient);
			}
			catch (jakarta.mail.MessagingException ex) {
				return false;
			}
		}).findFirst().orElseThrow();
		assertThat(mail.getSubject()).isEqualTo("[FIRING:2] HighErrorRate checkout-api");
		String content = com.icegreen.greenmail.util.GreenMailUtil.getBody(mail);
		assertThat(content).contains("service=checkout-api")
			.contains("instance=a")
			.contains("https://runbooks.example.com/errors")
			.contains("Error rate above 5% for 5 minutes")
			.contains("http://localhost:8000/alerts?group=");
	}

	@Test
	void anAlertWithoutRunbookSaysSoPlainly() {
		var message = Messages.render(NotificationFixtures.firing("g", null),
				new ChannelConfig(null, null, null, null, null, null, null), false);
		assertThat(message.text()).contains("Runbook: none - this alert has no runbook_url annotation");
		assertThat(message.html()).contains("this alert has no runbook_url annotation");
	}

	@Test
	void webhookIsSignedPerStandardWebhooksWithTheIdempotencyKeyAsId() throws Exception {
		String path = "/hook/" + UUID.randomUUID();
		HTTP.stubFor(post(path).willReturn(aResponse().withStatus(204)));
		String name = unique("hook");
		JsonNode channel = createChannel("""
				{"name":"%s","kind":"webhook","url":"%s"}""".formatted(name, url(path)));
		String secret = channel.get("signingSecret").asString();
		assertThat(secret).startsWith("whsec_").doesNotContain("*");
		String key = unique("idem");
		UUID id = enqueue(name, NotificationFixtures.firing("g-sig", "https://runbooks.example.com/x"), key);

		assertThat(awaitFinished(id, Duration.ofSeconds(10)).status()).isEqualTo("succeeded");
		LoggedRequest request = received(path).get(0);
		String webhookId = request.getHeader("webhook-id");
		String timestamp = request.getHeader("webhook-timestamp");
		assertThat(webhookId).isEqualTo(key);
		Mac mac = Mac.getInstance("HmacSHA256");
		mac.init(new SecretKeySpec(Base64.getDecoder().decode(secret.substring("whsec_".length())), "HmacSHA256"));
		String expected = "v1," + Base64.getEncoder()
			.encodeToString(mac.doFinal(
					(webhookId + "." + timestamp + "." + request.getBodyAsString()).getBytes(StandardCharsets.UTF_8)));
		assertThat(request.getHeader("webhook-signature")).isEqualTo(expected);
		assertThat(Math.abs(Long.parseLong(timestamp) - System.currentTimeMillis() / 1000)).isLessThan(60);
		JsonNode body = json.readTree(request.getBodyAsString());
		assertThat(body.get("version").asString()).isEqualTo("4");
		assertThat(body.get("groupKey").asString()).isEqualTo("g-sig");
		assertThat(body.get("status").asString()).isEqualTo("firing");
		assertThat(body.get("receiver").asString()).isEqualTo("checkout-team");
		assertThat(body.get("externalURL").asString()).isEqualTo("http://watchkeeper.test");
		assertThat(body.get("alerts")).hasSize(2);
		assertThat(body.get("alerts").get(0).get("labels").get("service").asString()).isEqualTo("checkout-api");
		assertThat(body.get("commonAnnotations").get("runbook_url").asString())
			.isEqualTo("https://runbooks.example.com/x");
	}

	@Test
	void aPeerFailingThreeTimesGetsExactlyOneSuccessfulDeliveryAfterThreeRetries() throws Exception {
		String path = "/flaky/" + UUID.randomUUID();
		String scenario = "flaky-" + path;
		HTTP.stubFor(post(path).inScenario(scenario)
			.whenScenarioStateIs(Scenario.STARTED)
			.willReturn(aResponse().withStatus(500))
			.willSetStateTo("2"));
		HTTP.stubFor(post(path).inScenario(scenario)
			.whenScenarioStateIs("2")
			.willReturn(aResponse().withStatus(500))
			.willSetStateTo("3"));
		HTTP.stubFor(post(path).inScenario(scenario)
			.whenScenarioStateIs("3")
			.willReturn(aResponse().withStatus(500))
			.willSetStateTo("ok"));
		HTTP.stubFor(post(path).inScenario(scenario).whenScenarioStateIs("ok").willReturn(aResponse().withStatus(200)));
		String name = webhook(path);
		String key = unique("idem");
		UUID id = enqueue(name, NotificationFixtures.firing("g-flaky", null), key);

		Delivery delivery = awaitFinished(id, Duration.ofSeconds(15));
		assertThat(delivery.status()).isEqualTo("succeeded");
		assertThat(delivery.attempts()).extracting(Delivery.Attempt::outcome)
			.containsExactly("retry", "retry", "retry", "succeeded");
		assertThat(delivery.attempts()).extracting(Delivery.Attempt::statusCode).containsExactly(500, 500, 500, 200);
		assertThat(delivery.attemptCount()).isEqualTo(4);
		Thread.sleep(500);
		assertThat(received(path)).hasSize(4).allSatisfy(r -> assertThat(r.getHeader("webhook-id")).isEqualTo(key));
		assertThat(jdbc.sql("SELECT count(*) FROM notification_deliveries WHERE idempotency_key = :key")
			.param("key", key)
			.query(Long.class)
			.single()).isEqualTo(1);
	}

	@Test
	void retryAfterFromA429IsHonoured() throws Exception {
		String path = "/busy/" + UUID.randomUUID();
		String scenario = "busy-" + path;
		HTTP.stubFor(post(path).inScenario(scenario)
			.whenScenarioStateIs(Scenario.STARTED)
			.willReturn(aResponse().withStatus(429).withHeader("Retry-After", "2"))
			.willSetStateTo("ok"));
		HTTP.stubFor(post(path).inScenario(scenario).whenScenarioStateIs("ok").willReturn(aResponse().withStatus(200)));
		UUID id = enqueue(webhook(path), NotificationFixtures.firing("g-busy", null), unique("idem"));

		Delivery delivery = awaitFinished(id, Duration.ofSeconds(10));
		assertThat(delivery.status()).isEqualTo("succeeded");
		assertThat(delivery.attempts()).hasSize(2);
		Delivery.Attempt first = delivery.attempts().get(0);
		Delivery.Attempt second = delivery.attempts().get(1);
		assertThat(first.statusCode()).isEqualTo(429);
		// back-off alone would retry after at most 100 ms
		assertThat(Duration.between(first.startedAt(), second.startedAt()))
			.isGreaterThanOrEqualTo(Duration.ofMillis(2000));
	}

	@Test
	void aPermanentRefusalFailsAtOncePublishesDeliveryFailedAndCanBeRetried() throws Exception {
		String path = "/refuses/" + UUID.randomUUID();
		HTTP.stubFor(post(path).willReturn(aResponse().withStatus(400).withBody("bad payload")));
		String name = webhook(path);
		String key = unique("idem");
		UUID id = enqueue(name, NotificationFixtures.firing("g-400", null), key);

		Delivery delivery = awaitFinished(id, Duration.ofSeconds(10));
		assertThat(delivery.status()).isEqualTo("failed");
		assertThat(delivery.attempts()).hasSize(1);
		assertThat(delivery.lastError()).contains("HTTP 400").contains("bad payload");
		assertThat(NotificationTestPeers.await(Duration.ofSeconds(2),
				() -> failures.events.stream().anyMatch(e -> e.deliveryId().equals(id))))
			.isTrue();
		DeliveryFailed event = failures.events.stream()
			.filter(e -> e.deliveryId().equals(id))
			.findFirst()
			.orElseThrow();
		assertThat(event).isEqualTo(new DeliveryFailed(id, name, "webhook", key, 1, delivery.lastError()));

		HTTP.stubFor(post(path).willReturn(aResponse().withStatus(200)));
		var retried = send("POST", "/api/v1/deliveries/" + id + "/retry", manager, null);
		assertThat(retried.statusCode()).as(retried.body()).isEqualTo(200);
		assertThat(awaitFinished(id, Duration.ofSeconds(10)).status()).isEqualTo("succeeded");
		assertThat(deliveries.get(id).attempts()).hasSize(2);
		assertThat(send("POST", "/api/v1/deliveries/" + id + "/retry", manager, null).statusCode()).isEqualTo(409);
	}

	@Test
	void aPeerThatNeverRecoversIsGivenUpAfterTheMaximumRetryDuration() throws Exception {
		String path = "/down/" + UUID.randomUUID();
		HTTP.stubFor(post(path).willReturn(aResponse().withStatus(503)));
		String name = webhook(path);
		UUID id = enqueue(name, NotificationFixtures.firing("g-down", null), unique("idem"));

		Delivery delivery = awaitFinished(id, Duration.ofSeconds(15));
		assertThat(delivery.status()).isEqualTo("failed");
		assertThat(delivery.lastError()).startsWith("gave up after").contains("HTTP 503");
		assertThat(delivery.attempts().size()).isGreaterThan(3);
		assertThat(Duration.between(delivery.createdAt(), delivery.completedAt()))
			.isLessThanOrEqualTo(Duration.ofSeconds(7));
		assertThat(NotificationTestPeers.await(Duration.ofSeconds(2),
				() -> failures.events.stream().anyMatch(e -> e.deliveryId().equals(id))))
			.isTrue();
		var listed = json
			.readTree(send("GET", "/api/v1/deliveries?status=failed&channel=" + name, viewer, null).body());
		assertThat(listed.get("items")).hasSize(1);
		assertThat(listed.get("items").get(0).get("id").asString()).isEqualTo(id.toString());
	}

	@Test
	void pagerDutyTriggerAndResolveCarryTheSameDedupKey() throws Exception {
		String path = "/pd/" + UUID.randomUUID();
		HTTP.stubFor(post(path).willReturn(aResponse().withStatus(202).withBody("{\"status\":\"success\"}")));
		String name = unique("pd");
		createChannel("""
				{"name":"%s","kind":"pagerduty","routingKey":"R0123456789ABCDEF0123456789ABCDE","url":"%s"}"""
			.formatted(name, url(path)));
		String group = "{}:{alertname=\"HighErrorRate\"}/" + name;
		UUID trigger = enqueue(name, NotificationFixtures.firing(group, "https://runbooks.example.com/x"), unique("k"));
		assertThat(awaitFinished(trigger, Duration.ofSeconds(10)).status()).isEqualTo("succeeded");
		UUID resolve = enqueue(name, NotificationFixtures.resolved(group), unique("k"));
		assertThat(awaitFinished(resolve, Duration.ofSeconds(10)).status()).isEqualTo("succeeded");

		List<JsonNode> events = received(path).stream().map(r -> json.readTree(r.getBodyAsString())).toList();
		assertThat(events).hasSize(2);
		assertThat(events.get(0).get("event_action").asString()).isEqualTo("trigger");
		assertThat(events.get(1).get("event_action").asString()).isEqualTo("resolve");
		assertThat(events.get(0).get("dedup_key").asString()).isEqualTo(events.get(1).get("dedup_key").asString())
			.isEqualTo(Payloads.dedupKey(group));
		assertThat(events.get(0).get("routing_key").asString()).isEqualTo("R0123456789ABCDEF0123456789ABCDE");
		JsonNode payload = events.get(0).get("payload");
		assertThat(payload.get("summary").asString()).isEqualTo("[FIRING:2] HighErrorRate checkout-api");
		assertThat(payload.get("severity").asString()).isEqualTo("error");
		assertThat(payload.get("source").asString()).isEqualTo("checkout-api");
	}

	@Test
	void slackAndTeamsBodiesHaveTheShapesTheyExpect() throws Exception {
		String slackPath = "/slack/" + UUID.randomUUID();
		String teamsPath = "/teams/" + UUID.randomUUID();
		String workflowPath = "/workflow/" + UUID.randomUUID();
		for (String path : List.of(slackPath, teamsPath, workflowPath)) {
			HTTP.stubFor(post(path).willReturn(aResponse().withStatus(200).withBody("1")));
		}
		String slack = unique("slack");
		String teams = unique("teams");
		String workflow = unique("workflow");
		createChannel("""
				{"name":"%s","kind":"slack","url":"%s"}""".formatted(slack, url(slackPath)));
		createChannel("""
				{"name":"%s","kind":"teams","url":"%s"}""".formatted(teams, url(teamsPath)));
		createChannel("""
				{"name":"%s","kind":"teams","format":"adaptivecard","url":"%s"}""".formatted(workflow,
				url(workflowPath)));
		Notice notice = NotificationFixtures.firing("g-chat", "https://runbooks.example.com/chat");
		for (UUID id : List.of(enqueue(slack, notice, unique("k")), enqueue(teams, notice, unique("k")),
				enqueue(workflow, notice, unique("k")))) {
			assertThat(awaitFinished(id, Duration.ofSeconds(10)).status()).isEqualTo("succeeded");
		}

		JsonNode slackBody = json.readTree(received(slackPath).get(0).getBodyAsString());
		assertThat(slackBody.get("text").asString()).isEqualTo("[FIRING:2] HighErrorRate checkout-api");
		assertThat(slackBody.get("blocks").get(0).get("type").asString()).isEqualTo("header");
		assertThat(slackBody.get("blocks").get(1).get("text").get("type").asString()).isEqualTo("mrkdwn");
		assertThat(slackBody.get("blocks").get(1).get("text").get("text").asString())
			.contains("https://runbooks.example.com/chat")
			.contains("service=checkout-api");
		assertThat(slackBody.get("blocks").get(2).get("elements").get(0).get("url").asString())
			.startsWith("http://localhost:8000/alerts");

		JsonNode card = json.readTree(received(teamsPath).get(0).getBodyAsString());
		assertThat(card.get("@type").asString()).isEqualTo("MessageCard");
		assertThat(card.get("title").asString()).isEqualTo("[FIRING:2] HighErrorRate checkout-api");
		assertThat(card.get("text").asString()).contains("https://runbooks.example.com/chat");
		assertThat(card.get("potentialAction").get(0).get("@type").asString()).isEqualTo("OpenUri");

		JsonNode adaptive = json.readTree(received(workflowPath).get(0).getBodyAsString());
		assertThat(adaptive.get("type").asString()).isEqualTo("message");
		JsonNode attachment = adaptive.get("attachments").get(0);
		assertThat(attachment.get("contentType").asString()).isEqualTo("application/vnd.microsoft.card.adaptive");
		assertThat(attachment.get("content").get("type").asString()).isEqualTo("AdaptiveCard");
		assertThat(attachment.get("content").get("body").get(0).get("text").asString())
			.isEqualTo("[FIRING:2] HighErrorRate checkout-api");
	}

	@Test
	void aTestSendGoesThroughTheOutboxMarkedAsATest() throws Exception {
		String path = "/test-send/" + UUID.randomUUID();
		HTTP.stubFor(post(path).willReturn(aResponse().withStatus(200)));
		String name = unique("hook");
		JsonNode channel = createChannel("""
				{"name":"%s","kind":"webhook","url":"%s","subjectTemplate":"{{STATUS}} {{groupLabelValues}}"}"""
			.formatted(name, url(path)));
		var response = send("POST", "/api/v1/channels/" + channel.get("id").asString() + "/test", manager, null);
		assertThat(response.statusCode()).as(response.body()).isEqualTo(202);
		UUID id = UUID.fromString(json.readTree(response.body()).get("deliveryId").asString());

		Delivery delivery = awaitFinished(id, Duration.ofSeconds(10));
		assertThat(delivery.status()).isEqualTo("succeeded");
		assertThat(delivery.test()).isTrue();
		assertThat(delivery.subject()).startsWith("[TEST]");
		JsonNode body = json.readTree(received(path).get(0).getBodyAsString());
		assertThat(body.get("test").asBoolean()).isTrue();
		assertThat(body.get("alerts").get(0).get("labels").get("alertname").asString())
			.isEqualTo("WatchkeeperTestNotification");
		var detail = json.readTree(send("GET", "/api/v1/deliveries/" + id, viewer, null).body());
		assertThat(detail.get("attempts").get(0).get("statusCode").asInt()).isEqualTo(200);
		String metrics = send("GET", "/metrics", null, null).body();
		assertThat(metrics).contains("watchkeeper_notification_deliveries_total{")
			.contains("outcome=\"succeeded\"")
			.contains("watchkeeper_notification_deliveries_pending");
	}

	@Test
	void aDeliveryToADeletedChannelFailsVisibly() throws Exception {
		String path = "/gone/" + UUID.randomUUID();
		HTTP.stubFor(post(path).willReturn(aResponse().withStatus(503)));
		String name = unique("hook");
		JsonNode channel = createChannel("""
				{"name":"%s","kind":"webhook","url":"%s"}""".formatted(name, url(path)));
		UUID id = enqueue(name, NotificationFixtures.firing("g-gone", null), unique("idem"));
		assertThat(send("DELETE", "/api/v1/channels/" + channel.get("id").asString(), manager, null).statusCode())
			.isEqualTo(204);

		Delivery delivery = awaitFinished(id, Duration.ofSeconds(10));
		assertThat(delivery.status()).isEqualTo("failed");
		assertThat(delivery.lastError()).contains("channel was deleted");
		assertThat(delivery.channelName()).isEqualTo(name);
	}

}
