package dev.watchkeeper.incident;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Predicate;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetup;
import dev.watchkeeper.alerting.AlertEvents;
import dev.watchkeeper.catalog.Service;
import dev.watchkeeper.catalog.ServiceDraft;
import dev.watchkeeper.catalog.Services;
import dev.watchkeeper.identity.Role;
import dev.watchkeeper.identity.User;
import dev.watchkeeper.notification.Notifications;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestPropertySource;
import org.springframework.transaction.support.TransactionTemplate;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Communication and auto-resolve, with a real SMTP server (GreenMail) and a Slack channel
 * (WireMock) on 127.0.0.1: stakeholders are told about SEV-1/2 incidents and not about
 * SEV-3 ones, the commander is reminded when a status update is due, and a service that
 * asks for it has its incidents resolved once every alert has resolved.
 */
@TestPropertySource(properties = { "watchkeeper.notification.poll-interval=200ms",
		"watchkeeper.notification.external-url=http://watchkeeper.test",
		"watchkeeper.incident.stakeholders.emails=" + IncidentCommunicationIntegrationTests.CTO + ", "
				+ IncidentCommunicationIntegrationTests.STATUS,
		"watchkeeper.incident.stakeholders.channel=" + IncidentCommunicationIntegrationTests.CHANNEL })
class IncidentCommunicationIntegrationTests extends IncidentIntegrationTest {

	static final String CTO = "cto@example.com";

	static final String STATUS = "status-page@example.com";

	static final String CHANNEL = "stakeholders-chat";

	private static final Duration WAIT = Duration.ofSeconds(15);

	private static final GreenMail SMTP = new GreenMail(new ServerSetup(freePort(), "127.0.0.1", "smtp"));

	private static final WireMockServer SLACK = new WireMockServer(options().bindAddress("127.0.0.1").dynamicPort());

	static {
		SMTP.start();
		SLACK.start();
		SLACK.stubFor(com.github.tomakehurst.wiremock.client.WireMock.post("/slack")
			.willReturn(aResponse().withStatus(200).withBody("ok")));
	}

	@DynamicPropertySource
	static void smtp(DynamicPropertyRegistry registry) {
		registry.add("watchkeeper.notification.smtp.host", () -> "127.0.0.1");
		registry.add("watchkeeper.notification.smtp.port", () -> SMTP.getSmtp().getPort());
		registry.add("watchkeeper.notification.smtp.from", () -> "watchkeeper@example.com");
	}

	@AfterAll
	static void stopPeers() {
		SMTP.stop();
		SLACK.stop();
	}

	@Autowired
	Services services;

	@Autowired
	AlertIncidents alertIncidents;

	@Autowired
	TransactionTemplate transactions;

	@Autowired
	Notifications notifications;

	@BeforeEach
	void stakeholderChannel() throws Exception {
		if (!notifications.channelExists(CHANNEL)) {
			var created = send("POST", "/api/v1/channels", manager, """
					{"name":"%s","kind":"slack","url":"http://127.0.0.1:%d/slack"}""".formatted(CHANNEL, SLACK.port()));
			assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
		}
	}

	@Test
	void stakeholdersAreEmailedAndTheChannelPostedForASev1ButNotForASev3() throws Exception {
		String run = UUID.randomUUID().toString().substring(0, 8);
		JsonNode sev1 = declare("SEV-1", "Checkout down " + run);
		JsonNode sev3 = declare("SEV-3", "Slow reports " + run);
		String ref1 = sev1.get("reference").asString();
		String ref3 = sev3.get("reference").asString();

		MimeMessage toCto = awaitMail(CTO, s -> s.contains(ref1 + " opened"));
		assertThat(toCto.getSubject()).isEqualTo("[SEV-1] " + ref1 + " opened: Checkout down " + run);
		assertThat(GreenMailUtil.getBody(toCto)).contains("Severity: SEV-1")
			.contains(sev1.get("channel").asString())
			.contains("http://watchkeeper.test/incidents/" + sev1.get("id").asString());
		awaitMail(STATUS, s -> s.contains(ref1 + " opened"));
		assertThat(awaitSlack(ref1 + " opened").getBodyAsString()).contains("Checkout down " + run);
		assertThat(timeline(sev1.get("id").asString(), "stakeholders")).singleElement()
			.satisfies(e -> assertThat(e.get("text").asString())
				.isEqualTo("Stakeholders told (opened): " + CTO + ", " + STATUS + ", channel " + CHANNEL));

		post("/api/v1/incidents/" + ref1 + "/resolve", responder, """
				{"note":"Failed over"}""", 200);
		assertThat(awaitMail(CTO, s -> s.contains(ref1 + " resolved")).getSubject())
			.isEqualTo("[SEV-1] " + ref1 + " resolved: Checkout down " + run);
		awaitSlack(ref1 + " resolved");

		Thread.sleep(1500); // the workers have sent everything enqueued by now
		assertThat(subjects(CTO)).noneMatch(s -> s.contains(ref3 + " "));
		assertThat(SLACK.findAll(postRequestedFor(urlEqualTo("/slack"))))
			.noneMatch(r -> r.getBodyAsString().contains(ref3 + " "));
		assertThat(timeline(sev3.get("id").asString(), "stakeholders")).isEmpty();
	}

	@Test
	void aSeverityRisingIntoSev1TellsStakeholdersOnce() throws Exception {
		JsonNode incident = declare("SEV-3", "Disk filling " + UUID.randomUUID().toString().substring(0, 8));
		String ref = incident.get("reference").asString();
		post("/api/v1/incidents/" + ref + "/severity", manager, """
				{"severity":"SEV-1"}""", 200);

		assertThat(awaitMail(CTO, s -> s.contains(ref + " raised to SEV-1")).getSubject()).startsWith("[SEV-1] ");
		assertThat(GreenMailUtil.getBody(awaitMail(STATUS, s -> s.contains(ref + " raised to SEV-1"))))
			.contains("The severity rose from SEV-3 to SEV-1.");
		assertThat(timeline(incident.get("id").asString(), "stakeholders")).hasSize(1);
	}

	@Test
	void theCommanderIsRemindedWhenAStatusUpdateIsDue() throws Exception {
		User commander = fixtures.user(Role.RESPONDER);
		JsonNode incident = declare("SEV-1", "Payments slow " + UUID.randomUUID().toString().substring(0, 8));
		String id = incident.get("id").asString();
		String ref = incident.get("reference").asString();
		var assigned = send("PUT", "/api/v1/incidents/" + id + "/roles/commander", responder, """
				{"userId":"%s"}""".formatted(commander.id().value()));
		assertThat(assigned.statusCode()).as(assigned.body()).isEqualTo(200);

		clock.advance(Duration.ofMinutes(31)); // SEV-1 expects an update every 30 min
		List<JsonNode> reminders = awaitTimeline(id, "update_reminder", list -> !list.isEmpty());
		assertThat(reminders.get(0).get("text").asString()).isEqualTo("Reminded " + commander.name()
				+ " (commander) that a status update is due, by email (" + commander.email() + ")");
		MimeMessage mail = awaitMail(commander.email(), s -> s.contains(ref + ": a status update is due"));
		assertThat(mail.getSubject()).isEqualTo("[SEV-1] " + ref + ": a status update is due");
		assertThat(GreenMailUtil.getBody(mail)).contains("http://watchkeeper.test/incidents/" + id)
			.contains("expects one every 30 min");
	}

	@Test
	void anIncidentResolvesWhenAllItsAlertsResolveOnlyIfItsServiceAsksForIt() throws Exception {
		Service auto = service("auto");
		Service manual = service("manual");
		var before = send("GET", "/api/v1/incidents/settings/services/" + auto.id().value(), viewer, null);
		assertThat(json.readTree(before.body()).get("autoResolve").asBoolean()).isFalse();
		var put = send("PUT", "/api/v1/incidents/settings/services/" + auto.id().value(), manager, """
				{"autoResolve":true}""");
		assertThat(put.statusCode()).as(put.body()).isEqualTo(200);
		assertThat(json.readTree(put.body()).get("autoResolve").asBoolean()).isTrue();

		UUID autoIncident = fireThenResolve(auto);
		UUID manualIncident = fireThenResolve(manual);

		JsonNode resolved = get("/api/v1/incidents/" + autoIncident);
		assertThat(resolved.get("status").asString()).isIn("resolved", "closed");
		assertThat(timeline(autoIncident.toString(), "resolved")).singleElement().satisfies(e -> {
			assertThat(e.get("text").asString()).contains("every attached alert has resolved (2 alerts)");
			assertThat(e.get("actor").asString()).isEqualTo("Alerting");
		});
		assertThat(get("/api/v1/incidents/" + manualIncident).get("status").asString()).isEqualTo("triggered");
		assertThat(timeline(manualIncident.toString(), "resolved")).isEmpty();
	}

	@Test
	void serviceSettingsNeedAManagerToChangeAndNameBadInput() throws Exception {
		Service service = service("rules");
		String path = "/api/v1/incidents/settings/services/" + service.id().value();
		var asResponder = send("PUT", path, responder, """
				{"autoResolve":true}""");
		assertThat(asResponder.statusCode()).isEqualTo(403);
		assertThat(asResponder.body()).contains("needs the manager role");
		var missing = send("PUT", path, manager, "{}");
		assertThat(missing.statusCode()).isEqualTo(422);
		assertThat(missing.body()).contains("autoResolve");
		assertThat(send("GET", "/api/v1/incidents/settings/services/" + UUID.randomUUID(), viewer, null).statusCode())
			.isEqualTo(404);
		assertThat(json.readTree(send("GET", path, viewer, null).body()).get("autoResolve").asBoolean()).isFalse();
	}

	/** A group of two alerts fires for the service, then both resolve; the incident. */
	private UUID fireThenResolve(Service service) {
		String group = "{}:{service=\"" + service.slug() + "\"}";
		Instant now = clock.instant();
		var a = alert(service, "HighErrorRate", now);
		var b = alert(service, "HighLatency", now);
		Map<String, String> labels = Map.of("service", service.slug());
		UUID incident = transactions.execute(tx -> alertIncidents
			.take(new AlertEvents.AlertGroupEscalated(group, "page", "firing", "high", labels, labels, Map.of(),
					List.of(a, b), List.of(), "http://watchkeeper.test/alerts", 1, now))
			.orElseThrow());
		var resolvedA = new AlertEvents.GroupAlert(a.fingerprint(), a.labels(), a.annotations(), "high", now,
				now.plusSeconds(60), null);
		transactions.execute(
				tx -> alertIncidents.take(new AlertEvents.AlertGroupEscalated(group, "page", "firing", "high", labels,
						labels, Map.of(), List.of(b), List.of(resolvedA), "http://watchkeeper.test/alerts", 2, now)));
		assertThat(incidents(incident).status().open()).as("one alert still fires").isTrue();
		var resolvedB = new AlertEvents.GroupAlert(b.fingerprint(), b.labels(), b.annotations(), "high", now,
				now.plusSeconds(90), null);
		transactions.execute(tx -> alertIncidents
			.take(new AlertEvents.AlertGroupEscalated(group, "page", "resolved", "high", labels, labels, Map.of(),
					List.of(), List.of(resolvedA, resolvedB), "http://watchkeeper.test/alerts", 3, now)));
		return incident;
	}

	@Autowired
	Incidents incidentsFacade;

	private Incident incidents(UUID id) {
		return incidentsFacade.get(id);
	}

	private static AlertEvents.GroupAlert alert(Service service, String name, Instant at) {
		return new AlertEvents.GroupAlert(name + "-" + service.slug(),
				Map.of("alertname", name, "service", service.slug(), "severity", "high"),
				Map.of("summary", name + " on " + service.slug()), "high", at, null, null);
	}

	private Service service(String prefix) {
		String slug = prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
		return services.create(new ServiceDraft(slug, "Service " + slug, "A test service", fixtures.team().id().value(),
				2, null, List.of(), null));
	}

	private static List<String> subjects(String recipient) {
		return Arrays.stream(SMTP.getReceivedMessages()).filter(m -> to(m, recipient)).map(m -> {
			try {
				return m.getSubject();
			}
			catch (MessagingException ex) {
				return "";
			}
		}).toList();
	}

	private static MimeMessage awaitMail(String recipient, Predicate<String> subject) throws Exception {
		long deadline = System.nanoTime() + WAIT.toNanos();
		while (System.nanoTime() < deadline) {
			for (MimeMessage message : SMTP.getReceivedMessages()) {
				if (to(message, recipient) && subject.test(message.getSubject())) {
					return message;
				}
			}
			Thread.sleep(100);
		}
		throw new AssertionError("No mail to " + recipient + " within " + WAIT + "; received " + subjects(recipient));
	}

	private static LoggedRequest awaitSlack(String text) throws InterruptedException {
		long deadline = System.nanoTime() + WAIT.toNanos();
		while (System.nanoTime() < deadline) {
			for (LoggedRequest request : SLACK.findAll(postRequestedFor(urlEqualTo("/slack")))) {
				if (request.getBodyAsString().contains(text)) {
					return request;
				}
			}
			Thread.sleep(100);
		}
		throw new AssertionError("No Slack post with '" + text + "' within " + WAIT);
	}

	private static boolean to(MimeMessage message, String recipient) {
		try {
			return message.getAllRecipients() != null
					&& Arrays.stream(message.getAllRecipients()).anyMatch(a -> a.toString().equals(recipient));
		}
		catch (MessagingException ex) {
			return false;
		}
	}

	private static int freePort() {
		try (var socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
