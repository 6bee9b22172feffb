package dev.watchkeeper.incident;

import java.net.InetSocketAddress;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.time.temporal.TemporalAdjusters;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

import com.sun.net.httpserver.HttpServer;
import dev.watchkeeper.alerting.AlertEvents;
import dev.watchkeeper.catalog.Service;
import dev.watchkeeper.catalog.ServiceDraft;
import dev.watchkeeper.catalog.Services;
import dev.watchkeeper.identity.IdentityFixtures;
import dev.watchkeeper.identity.Role;
import dev.watchkeeper.identity.User;
import dev.watchkeeper.identity.Users;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The incident's attached alerts and pages over the API, each page with its delivery's
 * state in the outbox, and pages per person with off-hours pages in the response
 * analytics.
 */
class PagesAndAlertsIntegrationTests extends IncidentIntegrationTest {

	@Autowired
	Services services;

	@Autowired
	Users users;

	@Autowired
	AlertIncidents alertIncidents;

	@Autowired
	TransactionTemplate transactions;

	@Test
	void pagesShowWhoWasPagedHowAndTheDeliveryAndCountPerPersonWithOffHours() throws Exception {
		AtomicInteger received = new AtomicInteger();
		HttpServer peer = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
		peer.createContext("/ada", exchange -> {
			received.incrementAndGet();
			exchange.getRequestBody().readAllBytes();
			exchange.sendResponseHeaders(204, -1);
			exchange.close();
		});
		peer.start();
		try {
			// Wednesday 03:00 UTC: night for Ada in UTC, noon for Kenji in Tokyo
			Instant now = clock.instant();
			LocalDate wednesday = LocalDate.ofInstant(now, ZoneOffset.UTC)
				.plusDays(1)
				.with(TemporalAdjusters.nextOrSame(DayOfWeek.WEDNESDAY));
			clock.advance(Duration.between(now, wednesday.atTime(LocalTime.of(3, 0)).toInstant(ZoneOffset.UTC)));
			Instant from = clock.instant();

			String run = UUID.randomUUID().toString().substring(0, 8);
			String webhook = "http://127.0.0.1:" + peer.getAddress().getPort() + "/ada";
			User ada = person("Ada " + run, "UTC", new User.ContactMethod("webhook", webhook, "pager app"));
			User kenji = person("Kenji " + run, "Asia/Tokyo", new User.ContactMethod("sms", "+815012345678", "mobile"));
			Service checkout = services.create(new ServiceDraft("checkout-" + run, "Checkout " + run, null,
					fixtures.team().id().value(), 1, null, List.of(), List.of()));
			JsonNode policy = post("/api/v1/escalation-policies", manager, """
					{"name":"Direct %s","repeat":0,"steps":[
					 {"targets":[{"kind":"user","ref":"%s"},{"kind":"user","ref":"%s"}],"timeout":"1h"}]}"""
				.formatted(run, ada.id().value(), kenji.id().value()), 201);
			var assigned = send("PUT", "/api/v1/escalation-policies/assignments/services/" + checkout.id(), manager, """
					{"policyId":"%s"}""".formatted(policy.get("id").asString()));
			assertThat(assigned.statusCode()).as(assigned.body()).isBetween(200, 204);
			JsonNode incident = post("/api/v1/incidents", responder, """
					{"title":"Checkout down %s","severity":"SEV-2","serviceId":"%s"}""".formatted(run, checkout.id()),
					201);
			String id = incident.get("reference").asString();

			JsonNode pages = awaitPages(id,
					list -> status(list, ada).equals("succeeded") && status(list, kenji).equals("failed"));
			assertThat(pages).hasSize(2);
			// the failed delivery is on the timeline too
			var failures = awaitTimeline(incident.get("id").asString(), "page_failed", list -> !list.isEmpty());
			assertThat(failures).singleElement()
				.satisfies(entry -> assertThat(entry.get("text").asString())
					.contains("Could not deliver the sms message to +815012345678")
					.contains("no SMS/voice gateway is configured"));
			JsonNode adaPage = page(pages, ada);
			assertThat(adaPage.get("userName").asString()).isEqualTo(ada.name());
			assertThat(adaPage.get("kind").asString()).isEqualTo("webhook");
			assertThat(adaPage.get("address").asString()).isEqualTo(webhook);
			assertThat(adaPage.get("step").asInt()).isEqualTo(1);
			assertThat(adaPage.get("round").asInt()).isEqualTo(1);
			assertThat(adaPage.get("reason").asString()).startsWith("Step 1 of 1");
			assertThat(adaPage.get("attempts").asInt()).isEqualTo(1);
			assertThat(adaPage.hasNonNull("lastError")).isFalse();
			assertThat(received.get()).as("the page reached Ada's webhook").isEqualTo(1);
			JsonNode kenjiPage = page(pages, kenji);
			assertThat(kenjiPage.get("kind").asString()).isEqualTo("sms");
			assertThat(kenjiPage.get("address").asString()).isEqualTo("+815012345678");
			assertThat(kenjiPage.get("lastError").asString()).contains("no SMS/voice gateway is configured");
			assertThat(kenjiPage.get("deliveryId").asString()).isNotBlank();

			// the same through the delivery log: the page's key is the delivery's
			JsonNode delivery = get("/api/v1/deliveries/" + kenjiPage.get("deliveryId").asString());
			assertThat(delivery.get("idempotencyKey").asString()).isEqualTo(kenjiPage.get("deliveryKey").asString());

			clock.advance(Duration.ofMinutes(1));
			JsonNode report = get("/api/v1/incident-analytics?from=" + from + "&to=" + clock.instant());
			JsonNode adaRow = person(report, ada);
			assertThat(adaRow.get("label").asString()).isEqualTo(ada.name());
			assertThat(adaRow.get("timeZone").asString()).isEqualTo("UTC");
			assertThat(adaRow.get("pages").asInt()).isEqualTo(1);
			assertThat(adaRow.get("offHoursPages").asInt()).as("03:00 in UTC is off-hours").isEqualTo(1);
			assertThat(adaRow.get("incidents").asInt()).isEqualTo(1);
			JsonNode kenjiRow = person(report, kenji);
			assertThat(kenjiRow.get("timeZone").asString()).isEqualTo("Asia/Tokyo");
			assertThat(kenjiRow.get("pages").asInt()).isEqualTo(1);
			assertThat(kenjiRow.get("offHoursPages").asInt()).as("noon on a Wednesday in Tokyo").isZero();

			// a period after the pages does not count them
			JsonNode later = get("/api/v1/incident-analytics?from=" + clock.instant() + "&to="
					+ clock.instant().plus(Duration.ofHours(1)));
			assertThat(later.get("byPerson").findValuesAsString("key")).doesNotContain(ada.id().toString());

		}
		finally {
			peer.stop(0);
		}
	}

	@Test
	void pagesOfAnIncidentDeclaredWithNobodyToPageAreEmptyAndAnUnknownIncidentIs404() throws Exception {
		JsonNode incident = declare("SEV-4", "Slow exports " + UUID.randomUUID());
		assertThat(get("/api/v1/incidents/" + incident.get("id").asString() + "/pages")).isEmpty();
		assertThat(get("/api/v1/incidents/" + incident.get("id").asString() + "/alerts")).isEmpty();
		assertThat(send("GET", "/api/v1/incidents/INC-99999999/pages", viewer, null).statusCode()).isEqualTo(404);
		assertThat(send("GET", "/api/v1/incidents/INC-99999999/alerts", viewer, null).statusCode()).isEqualTo(404);
		assertThat(send("GET", "/api/v1/incidents/INC-1/pages", null, null).statusCode()).isEqualTo(401);
	}

	@Test
	void alertsShowLabelsSummaryRunbookAndStatusAndFlagAlertsWithoutRunbook() throws Exception {
		String group = "group-" + UUID.randomUUID();
		Instant started = clock.instant().minusSeconds(120).truncatedTo(java.time.temporal.ChronoUnit.MILLIS);
		var withRunbook = new AlertEvents.GroupAlert("fp-errors-" + group,
				Map.of("alertname", "HighErrorRate", "service", "nowhere", "instance", "web-1"),
				Map.of("summary", "5xx above 5 %", "runbook_url", "https://runbooks.example.com/errors"), "high",
				started, null, null);
		var without = new AlertEvents.GroupAlert("fp-latency-" + group,
				Map.of("alertname", "SlowCheckout", "service", "nowhere"), Map.of("summary", "p99 above 2 s"), "medium",
				started.plusSeconds(30), null, null);
		UUID incidentId = transactions.execute(
				tx -> alertIncidents.take(notice(group, 1, List.of(withRunbook, without), List.of())).orElseThrow());

		JsonNode alerts = get("/api/v1/incidents/" + incidentId + "/alerts");
		assertThat(alerts).hasSize(2);
		JsonNode first = alerts.get(0);
		assertThat(first.get("alertname").asString()).isEqualTo("HighErrorRate");
		assertThat(first.get("labels").get("instance").asString()).isEqualTo("web-1");
		assertThat(first.get("summary").asString()).isEqualTo("5xx above 5 %");
		assertThat(first.get("runbookUrl").asString()).isEqualTo("https://runbooks.example.com/errors");
		assertThat(first.get("hasRunbook").asBoolean()).isTrue();
		assertThat(first.get("status").asString()).isEqualTo("firing");
		assertThat(Instant.parse(first.get("startsAt").asString())).isEqualTo(started);
		JsonNode second = alerts.get(1);
		assertThat(second.get("alertname").asString()).isEqualTo("SlowCheckout");
		assertThat(second.get("hasRunbook").asBoolean()).isFalse();
		assertThat(second.hasNonNull("runbookUrl")).isFalse();

		// the first alert resolves: it moves after the one still firing
		var resolved = new AlertEvents.GroupAlert(withRunbook.fingerprint(), withRunbook.labels(),
				withRunbook.annotations(), "high", started, clock.instant(), null);
		transactions.execute(tx -> alertIncidents.take(notice(group, 2, List.of(without), List.of(resolved))));
		alerts = get("/api/v1/incidents/" + incidentId + "/alerts");
		assertThat(List.of(alerts.get(0).get("alertname").asString(), alerts.get(1).get("alertname").asString()))
			.containsExactly("SlowCheckout", "HighErrorRate");
		assertThat(alerts.get(1).get("status").asString()).isEqualTo("resolved");
		assertThat(alerts.get(1).hasNonNull("endsAt")).isTrue();

	}

	@Test
	void aLargeGroupIsAttachedWholeAndItsTimelineNamesTheFirstTwentyAndCountsTheRest() throws Exception {
		String group = "group-" + UUID.randomUUID();
		Instant started = clock.instant().minusSeconds(60).truncatedTo(java.time.temporal.ChronoUnit.MILLIS);
		List<AlertEvents.GroupAlert> firing = new java.util.ArrayList<>();
		for (int i = 0; i < 30; i++) {
			firing.add(new AlertEvents.GroupAlert("fp-" + i + "-" + group,
					Map.of("alertname", "DiskFull", "service", "nowhere", "instance", "db-" + i),
					Map.of("summary", "disk above 95 %", "runbook_url", "https://runbooks.example.com/disk"), "high",
					started.plusSeconds(i), null, null));
		}
		UUID incidentId = transactions.execute(tx -> alertIncidents.take(notice(group, 1, firing, List.of())))
			.orElseThrow();

		assertThat(get("/api/v1/incidents/" + incidentId + "/alerts")).hasSize(30);
		List<String> entries = alertEntries(incidentId);
		assertThat(entries).hasSize(2);
		assertThat(entries.get(1)).startsWith("Alerts firing: DiskFull nowhere (db-0), DiskFull nowhere (db-1)")
			.contains("DiskFull nowhere (db-19)")
			.doesNotContain("(db-20)")
			.endsWith(" and 10 more");

		// the repeat of an unchanged group changes nothing; one alert resolving is one
		// line
		transactions.execute(tx -> alertIncidents.take(notice(group, 2, firing, List.of())));
		assertThat(alertEntries(incidentId)).hasSize(2);
		var resolved = new AlertEvents.GroupAlert(firing.get(7).fingerprint(), firing.get(7).labels(),
				firing.get(7).annotations(), "high", firing.get(7).startsAt(), clock.instant(), null);
		transactions.execute(tx -> alertIncidents.take(notice(group, 3, firing.subList(8, 30), List.of(resolved))));
		entries = alertEntries(incidentId);
		assertThat(entries).hasSize(3);
		assertThat(entries.get(2)).isEqualTo("Alerts resolved: DiskFull nowhere (db-7)");
		List<String> statuses = new java.util.ArrayList<>();
		get("/api/v1/incidents/" + incidentId + "/alerts")
			.forEach(alert -> statuses.add(alert.get("status").asString()));
		assertThat(statuses).hasSize(30).filteredOn("resolved"::equals).hasSize(1);
	}

	/** The texts of an incident's timeline entries from alerting, oldest first. */
	private List<String> alertEntries(UUID incidentId) throws Exception {
		List<String> texts = new java.util.ArrayList<>();
		for (JsonNode entry : get("/api/v1/incidents/" + incidentId + "/timeline")) {
			if ("alerts".equals(entry.path("kind").asString())) {
				texts.add(entry.path("text").asString());
			}
		}
		return texts;
	}

	private static AlertEvents.AlertGroupEscalated notice(String group, long sequence,
			List<AlertEvents.GroupAlert> firing, List<AlertEvents.GroupAlert> resolved) {
		return new AlertEvents.AlertGroupEscalated(group, "page", firing.isEmpty() ? "resolved" : "firing", "high",
				Map.of("service", "nowhere"), Map.of("service", "nowhere"), Map.of(), firing, resolved,
				"http://127.0.0.1/alerts", sequence, Instant.now());
	}

	private User person(String name, String zone, User.ContactMethod contact) {
		String email = name.toLowerCase(java.util.Locale.ROOT).replace(' ', '-') + "@example.com";
		return users
			.create(new Users.NewUser(email, name, zone, Role.RESPONDER, IdentityFixtures.PASSWORD, List.of(contact)));
	}

	private JsonNode awaitPages(String incident, java.util.function.Predicate<JsonNode> done) throws Exception {
		long deadline = System.nanoTime() + TIMER_LATENCY.toNanos();
		while (true) {
			JsonNode pages = get("/api/v1/incidents/" + incident + "/pages");
			if (pages.size() == 2 && done.test(pages)) {
				return pages;
			}
			if (System.nanoTime() > deadline) {
				throw new AssertionError("Waited " + TIMER_LATENCY.toSeconds() + " s for the deliveries: " + pages);
			}
			Thread.sleep(100);
		}
	}

	private static String status(JsonNode pages, User user) {
		JsonNode page = page(pages, user);
		return page == null ? "" : page.get("deliveryStatus").asString();
	}

	private static JsonNode page(JsonNode pages, User user) {
		for (JsonNode page : pages) {
			if (page.get("userId").asString().equals(user.id().toString())) {
				return page;
			}
		}
		return null;
	}

	private static JsonNode person(JsonNode report, User user) {
		for (JsonNode row : report.get("byPerson")) {
			if (row.get("key").asString().equals(user.id().toString())) {
				return row;
			}
		}
		throw new AssertionError("no row for " + user.name() + " in " + report.get("byPerson"));
	}

}
