package dev.watchkeeper.statuspage;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;

import javax.xml.parsers.DocumentBuilderFactory;

import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import com.icegreen.greenmail.util.GreenMailUtil;
import dev.watchkeeper.IntegrationTest;
import dev.watchkeeper.catalog.Component;
import dev.watchkeeper.catalog.ComponentDraft;
import dev.watchkeeper.catalog.Components;
import dev.watchkeeper.catalog.Service;
import dev.watchkeeper.catalog.ServiceDraft;
import dev.watchkeeper.catalog.Services;
import dev.watchkeeper.identity.IdentityFixtures;
import dev.watchkeeper.identity.Role;
import dev.watchkeeper.incident.Incident;
import dev.watchkeeper.incident.IncidentDraft;
import dev.watchkeeper.incident.IncidentPublications;
import dev.watchkeeper.incident.Incidents;
import dev.watchkeeper.maintenance.MaintenanceEvents;
import dev.watchkeeper.platform.Actor;
import dev.watchkeeper.platform.DomainException;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.transaction.support.TransactionTemplate;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The status page end to end: components in the catalog, incidents published with their
 * impact, maintenance learned from its events, the Statuspage API v2 checked against the
 * schema written from Statuspage's documented fields, the page and feed escaping what
 * people wrote, and subscriptions confirmed by email that hear only about their
 * components.
 */
class StatusPageIntegrationTests extends IntegrationTest {

	private static final String SCRIPT = "<script>alert('x')</script> Card payments fail";

	@DynamicPropertySource
	static void peers(DynamicPropertyRegistry registry) {
		StatuspagePeers.register(registry);
	}

	@Autowired
	IdentityFixtures fixtures;

	@Autowired
	Services services;

	@Autowired
	Components components;

	@Autowired
	Incidents incidents;

	@Autowired
	IncidentPublications publications;

	@Autowired
	Subscriptions subscriptions;

	@Autowired
	ApplicationEventPublisher events;

	@Autowired
	TransactionTemplate transactions;

	@Autowired
	JsonMapper json;

	private static String unique(String prefix) {
		return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
	}

	private Service service(String prefix) {
		return services.create(new ServiceDraft(unique(prefix), prefix, null, null, 1, null, List.of(), List.of()));
	}

	private Component component(Service service) {
		return components.create(new ComponentDraft(unique(service.name()), "Public " + service.name(), null,
				service.slug(), List.of(), null, 1));
	}

	private JsonNode document(String path) throws Exception {
		var response = send("GET", "/status/api/v2/" + path, null, null);
		assertThat(response.statusCode()).as(path).isEqualTo(200);
		assertThat(response.headers().firstValue("Content-Type"))
			.hasValueSatisfying(v -> assertThat(v).contains("json"));
		StatuspageSchema.assertValid(path, response.body());
		return json.readTree(response.body());
	}

	private static JsonNode byId(JsonNode list, Object id) {
		for (JsonNode node : list) {
			if (node.get("id").asString().equals(id.toString())) {
				return node;
			}
		}
		throw new AssertionError("no " + id + " in " + list);
	}

	@Test
	void componentsRefuseUnknownServicesAndChecksNamingTheField() throws Exception {
		String manager = fixtures.token(Role.MANAGER);
		Service service = service("ledger");

		var unknownService = send("POST", "/api/v1/components", manager, """
				{"name":"%s","service":"no-such-service"}""".formatted(unique("Ledger")));
		assertThat(unknownService.statusCode()).isEqualTo(422);
		assertThat(unknownService.body()).contains("\"service\"").contains("no service no-such-service");

		var unknownCheck = send("POST", "/api/v1/components", manager, """
				{"name":"%s","service":"%s","checkIds":["%s"]}""".formatted(unique("Ledger"), service.slug(),
				UUID.randomUUID()));
		assertThat(unknownCheck.statusCode()).isEqualTo(422);
		assertThat(unknownCheck.body()).contains("checkIds[0]");

		var group = send("POST", "/api/v1/component-groups", manager, """
				{"name":"%s","position":2}""".formatted(unique("Money")));
		assertThat(group.statusCode()).isEqualTo(201);
		String groupId = json.readTree(group.body()).get("id").asString();
		String name = unique("Ledger");
		var created = send("POST", "/api/v1/components", manager, """
				{"name":"%s","service":"%s","groupId":"%s"}""".formatted(name, service.slug(), groupId));
		assertThat(created.statusCode()).isEqualTo(201);
		var duplicate = send("POST", "/api/v1/components", manager, """
				{"name":"%s","service":"%s"}""".formatted(name, service.slug()));
		assertThat(duplicate.statusCode()).isEqualTo(409);
		String id = json.readTree(created.body()).get("id").asString();

		var badOverride = send("PUT", "/api/v1/components/" + id + "/override", fixtures.token(Role.RESPONDER), """
				{"status":"on_fire"}""");
		assertThat(badOverride.statusCode()).isEqualTo(422);
		assertThat(badOverride.body()).contains("\"status\"");
		var override = send("PUT", "/api/v1/components/" + id + "/override", fixtures.token(Role.RESPONDER), """
				{"status":"degraded_performance"}""");
		assertThat(override.statusCode()).isEqualTo(200);

		JsonNode listed = document("components.json").get("components");
		assertThat(byId(listed, id).get("status").asString()).isEqualTo("degraded_performance");
		assertThat(byId(listed, id).get("group_id").asString()).isEqualTo(groupId);
		assertThat(byId(listed, groupId).get("group").asBoolean()).isTrue();
		assertThat(byId(listed, groupId).get("status").asString()).isEqualTo("degraded_performance");
	}

	@Test
	void aPublishedIncidentShowsItsImpactInEveryDocumentAndThePageShowsScriptsAsText() throws Exception {
		Component hit = component(service("checkout"));
		Component spared = component(service("search"));
		Incident incident = incidents.declare(new IncidentDraft(unique("Payments"), "SEV-1", null, null), Actor.SYSTEM);
		String responder = fixtures.token(Role.RESPONDER);
		String title = unique("Card payments fail");

		var notPublished = send("POST", "/api/v1/incidents/" + incident.number() + "/public-updates", responder, """
				{"status":"investigating","body":"Looking"}""");
		assertThat(notPublished.statusCode()).isEqualTo(409);
		var badImpact = send("PUT", "/api/v1/incidents/" + incident.number() + "/publication", responder, """
				{"title":"%s","impact":"apocalyptic","componentIds":["%s"]}""".formatted(title, hit.id()));
		assertThat(badImpact.statusCode()).isEqualTo(422);
		assertThat(badImpact.body()).contains("\"impact\"");

		var published = send("PUT", "/api/v1/incidents/" + incident.number() + "/publication", responder, """
				{"title":"%s","impact":"major","componentIds":["%s"]}""".formatted(title, hit.id()));
		assertThat(published.statusCode()).isEqualTo(200);
		var update = send("POST", "/api/v1/incidents/" + incident.number() + "/public-updates", responder,
				json.writeValueAsString(java.util.Map.of("status", "identified", "body", SCRIPT)));
		assertThat(update.statusCode()).isEqualTo(200);

		JsonNode summary = document("summary.json");
		assertThat(summary.get("status").get("indicator").asString()).isEqualTo("major");
		assertThat(summary.get("status").get("description").asString()).isEqualTo("Partial System Outage");
		assertThat(byId(summary.get("components"), hit.id()).get("status").asString()).isEqualTo("partial_outage");
		assertThat(byId(summary.get("components"), spared.id()).get("status").asString()).isEqualTo("operational");
		JsonNode shown = byId(summary.get("incidents"), incident.id());
		assertThat(shown.get("name").asString()).isEqualTo(title);
		assertThat(shown.get("impact").asString()).isEqualTo("major");
		assertThat(shown.get("status").asString()).isEqualTo("identified");
		assertThat(shown.get("incident_updates").get(0).get("body").asString()).isEqualTo(SCRIPT);
		assertThat(byId(document("incidents/unresolved.json").get("incidents"), incident.id())).isNotNull();
		assertThat(document("status.json").get("status").get("indicator").asString()).isEqualTo("major");
		for (String path : StatusRenderer.DOCUMENTS) {
			document(path);
		}

		String html = send("GET", "/status", null, null).body();
		assertThat(html).contains(title)
			.contains("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; Card payments fail")
			.doesNotContain("<script>alert");
		var gzipped = http
			.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create("http://127.0.0.1:" + port + "/status"))
				.header("Accept-Encoding", "gzip, deflate")
				.build(), java.net.http.HttpResponse.BodyHandlers.ofByteArray());
		assertThat(gzipped.headers().firstValue("Content-Encoding")).hasValue("gzip");
		try (var in = new java.util.zip.GZIPInputStream(new ByteArrayInputStream(gzipped.body()))) {
			assertThat(new String(in.readAllBytes(), StandardCharsets.UTF_8)).isEqualTo(html);
		}
		var feed = send("GET", "/status/history.atom", null, null);
		assertThat(feed.headers().firstValue("Content-Type")).hasValueSatisfying(v -> assertThat(v).contains("atom"));
		Document atom = DocumentBuilderFactory.newInstance()
			.newDocumentBuilder()
			.parse(new ByteArrayInputStream(feed.body().getBytes(StandardCharsets.UTF_8)));
		assertThat(atom.getDocumentElement().getTextContent()).contains(title).contains(SCRIPT);

		publications.postUpdate(incident.id(), "resolved", "", "Resolved", Actor.SYSTEM);
		assertThat(document("incidents/unresolved.json").get("incidents").findValuesAsString("id"))
			.doesNotContain(incident.id().toString());
		JsonNode resolved = byId(document("incidents.json").get("incidents"), incident.id());
		assertThat(resolved.get("status").asString()).isEqualTo("resolved");
		assertThat(resolved.get("resolved_at").isNull()).isFalse();
		assertThat(resolved.get("incident_updates").get(0).get("body").asString())
			.isEqualTo(IncidentPublications.TEMPLATES.get(4).text());
		assertThat(byId(document("components.json").get("components"), hit.id()).get("status").asString())
			.isEqualTo("operational");
	}

	@Test
	void maintenanceMarksOnlyTheComponentsOfItsServicesAndEndsOnItsEvent() throws Exception {
		Service database = service("database");
		Component maintained = component(database);
		Component untouched = component(service("mail"));
		UUID window = UUID.randomUUID();
		Instant start = Instant.now().minus(5, ChronoUnit.MINUTES).truncatedTo(ChronoUnit.SECONDS);
		Instant end = start.plus(2, ChronoUnit.HOURS);
		String title = unique("Database upgrade");
		transactions.executeWithoutResult(tx -> events.publishEvent(
				new MaintenanceEvents.WindowStarted(window, title, start, end, List.of(database.id().value()))));

		assertThat(StatuspagePeers.await(Duration.ofSeconds(10), () -> status(maintained).equals("under_maintenance")))
			.as("the component of the maintained service shows under_maintenance")
			.isTrue();
		assertThat(status(untouched)).isEqualTo("operational");
		JsonNode active = document("scheduled-maintenances/active.json").get("scheduled_maintenances");
		JsonNode work = byId(active, window + "-" + start.getEpochSecond());
		assertThat(work.get("name").asString()).isEqualTo(title);
		assertThat(work.get("status").asString()).isEqualTo("in_progress");
		assertThat(Instant.parse(work.get("scheduled_for").asString())).isEqualTo(start);
		assertThat(Instant.parse(work.get("scheduled_until").asString())).isEqualTo(end);
		assertThat(work.get("components").findValuesAsString("id")).containsExactly(maintained.id().toString());
		assertThat(document("status.json").get("status").get("description").asString())
			.isEqualTo("Service Under Maintenance");
		document("scheduled-maintenances.json");
		document("summary.json");

		transactions.executeWithoutResult(tx -> events.publishEvent(
				new MaintenanceEvents.WindowEnded(window, title, start, end, List.of(database.id().value()))));
		assertThat(StatuspagePeers.await(Duration.ofSeconds(10), () -> status(maintained).equals("operational")))
			.as("the window's end returns the component to operational")
			.isTrue();
		assertThat(document("scheduled-maintenances/active.json").get("scheduled_maintenances").size()).isZero();
	}

	private String status(Component component) {
		try {
			var response = send("GET", "/status/api/v2/components.json", null, null);
			return byId(json.readTree(response.body()).get("components"), component.id()).get("status").asString();
		}
		catch (Exception ex) {
			throw new IllegalStateException(ex);
		}
	}

	@Test
	void confirmedSubscribersHearOnlyAboutTheirComponentsAndCanUnsubscribe() throws Exception {
		Component checkout = component(service("checkout"));
		Component search = component(service("search"));
		String follower = unique("follower") + "@example.com";
		String other = unique("other") + "@example.com";
		String address = "198.51.100." + (1 + (int) (Math.random() * 200));
		String hookPath = "/hooks/" + UUID.randomUUID();
		StatuspagePeers.HTTP.stubFor(post(hookPath).willReturn(aResponse().withStatus(204)));

		subscriptions.subscribe("email", follower, null, List.of(checkout.id()), address);
		subscriptions.subscribe("email", other, null, List.of(search.id()), address);
		subscriptions.subscribe("webhook", follower, "http://127.0.0.1:" + StatuspagePeers.HTTP.port() + hookPath,
				List.of(checkout.id()), address);
		assertThat(StatuspagePeers.await(Duration.ofSeconds(10),
				() -> StatuspagePeers.mailsTo(follower).size() == 2 && StatuspagePeers.mailsTo(other).size() == 1))
			.as("each request is answered by a confirmation mail")
			.isTrue();
		for (var mail : StatuspagePeers.mailsTo(follower)) {
			assertThat(mail.getSubject()).isEqualTo("Confirm your subscription to Example status");
			assertThat(GreenMailUtil.getBody(mail)).contains("Unsubscribe");
			subscriptions.confirm(token(StatuspagePeers.link(mail, "/subscriptions/confirm")));
		}
		subscriptions
			.confirm(token(StatuspagePeers.link(StatuspagePeers.mailsTo(other).get(0), "/subscriptions/confirm")));

		Incident incident = incidents.declare(new IncidentDraft(unique("Checkout"), "SEV-2", null, null), Actor.SYSTEM);
		String title = unique("Checkout is slow");
		publications.publish(incident.id(), true, title, "minor", List.of(checkout.id()), Actor.SYSTEM);
		publications.postUpdate(incident.id(), "investigating", "Some checkouts take 10 s.", null, Actor.SYSTEM);

		assertThat(StatuspagePeers.await(Duration.ofSeconds(10), () -> StatuspagePeers.mailsTo(follower).size() == 3))
			.isTrue();
		var notice = StatuspagePeers.mailsTo(follower).get(2);
		assertThat(notice.getSubject()).isEqualTo("[Example status] " + title + ": Investigating");
		assertThat(GreenMailUtil.getBody(notice)).contains("Some checkouts take 10 s.").contains("Unsubscribe");
		assertThat(StatuspagePeers.await(Duration.ofSeconds(10),
				() -> !StatuspagePeers.HTTP.findAll(postRequestedFor(urlEqualTo(hookPath))).isEmpty()))
			.isTrue();
		LoggedRequest hook = StatuspagePeers.HTTP.findAll(postRequestedFor(urlEqualTo(hookPath))).get(0);
		JsonNode payload = json.readTree(hook.getBodyAsString());
		assertThat(payload.get("meta").get("unsubscribe").asString())
			.startsWith(StatuspagePeers.PUBLIC_URL + "/unsubscribe?token=");
		assertThat(payload.get("page").get("status_indicator").asString())
			.isEqualTo(document("status.json").get("status").get("indicator").asString());
		assertThat(payload.get("incident").get("name").asString()).isEqualTo(title);
		assertThat(payload.get("incident").get("incident_updates").get(0).get("body").asString())
			.isEqualTo("Some checkouts take 10 s.");
		assertThat(hook.getHeader("webhook-id")).isNotBlank();
		Thread.sleep(500);
		assertThat(StatuspagePeers.mailsTo(other)).as("a subscriber of another component hears nothing").hasSize(1);

		subscriptions.unsubscribe(token(StatuspagePeers.link(notice, "/unsubscribe")));
		publications.postUpdate(incident.id(), "resolved", "Fixed.", null, Actor.SYSTEM);
		assertThat(StatuspagePeers.await(Duration.ofSeconds(10),
				() -> StatuspagePeers.HTTP.findAll(postRequestedFor(urlEqualTo(hookPath))).size() == 2))
			.as("the webhook still hears of the resolution")
			.isTrue();
		Thread.sleep(500);
		assertThat(StatuspagePeers.mailsTo(follower)).as("the unsubscribed address gets nothing more").hasSize(3);
	}

	@Test
	void subscriptionRequestsAreCheckedRateLimitedPerAddressAndSayNothingAboutExistingSubscriptions() {
		String address = "203.0.113." + (1 + (int) (Math.random() * 200));
		String mail = unique("twice") + "@example.com";
		subscriptions.subscribe("email", mail, null, List.of(), address);
		subscriptions.subscribe("email", mail, null, List.of(), address);
		assertThatThrownBy(() -> subscriptions.subscribe("email", "not-an-address", null, List.of(), address))
			.isInstanceOfSatisfying(DomainException.class,
					ex -> assertThat(ex.fieldErrors()).extracting(DomainException.FieldError::field).contains("email"));
		assertThatThrownBy(() -> subscriptions.subscribe("webhook", mail, "ftp://example.com", List.of(), address))
			.isInstanceOfSatisfying(DomainException.class,
					ex -> assertThat(ex.fieldErrors()).extracting(DomainException.FieldError::field)
						.contains("endpoint"));
		subscriptions.subscribe("email", unique("fifth") + "@example.com", null, List.of(), address);
		assertThatThrownBy(() -> subscriptions.subscribe("email", mail, null, List.of(), address))
			.isInstanceOfSatisfying(DomainException.class,
					ex -> assertThat(ex.kind()).isEqualTo(DomainException.Kind.RATE_LIMITED));
		subscriptions.subscribe("email", mail, null, List.of(), "192.0.2.77");
		assertThatThrownBy(() -> subscriptions.confirm("forged.token")).isInstanceOfSatisfying(DomainException.class,
				ex -> assertThat(ex.type()).isEqualTo("link-invalid"));
	}

	private static String token(String link) {
		return java.net.URLDecoder.decode(link.substring(link.indexOf("token=") + "token=".length()),
				StandardCharsets.UTF_8);
	}

}
