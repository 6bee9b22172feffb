package dev.watchkeeper.catalog;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.UUID;

import dev.watchkeeper.IntegrationTest;
import dev.watchkeeper.identity.IdentityFixtures;
import dev.watchkeeper.identity.Role;
import dev.watchkeeper.identity.Team;
import dev.watchkeeper.identity.Teams;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

class ServiceApiIntegrationTests extends IntegrationTest {

	@Autowired
	IdentityFixtures fixtures;

	@Autowired
	Teams teams;

	@Autowired
	JsonMapper json;

	private String manager;

	private String viewer;

	private Team payments;

	private String unique;

	@BeforeEach
	void setUp() {
		manager = fixtures.token(Role.MANAGER);
		viewer = fixtures.token(Role.VIEWER);
		unique = UUID.randomUUID().toString().substring(0, 8);
		payments = teams
			.create(new Teams.TeamDraft("payments-" + unique, "Payments " + unique, null, null, null, List.of()));
	}

	private String checkout(String slug) {
		return """
				{"slug":"%s","name":"Checkout %s","description":"Takes payments","ownerTeamId":"%s","tier":1,
				 "runbookUrl":"https://runbooks.example.com/checkout","tags":["payments","customer-facing"],
				 "environments":[{"name":"production","url":"https://api.example.com/checkout"},
				                 {"name":"staging","url":"https://staging.example.com/checkout"}]}""".formatted(slug,
				unique, payments.id());
	}

	@Test
	void aManagerCreatesReadsUpdatesAndDeletesAService() throws Exception {
		String slug = "checkout-" + unique;
		var created = send("POST", "/api/v1/services", manager, checkout(slug));
		assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
		assertThat(created.headers().firstValue("Location")).hasValue("/api/v1/services/" + slug);
		JsonNode body = json.readTree(created.body());
		assertThat(body.get("ownerTeam").get("slug").asString()).isEqualTo(payments.slug());
		assertThat(body.get("environments").get(0).get("name").asString()).as("promotion order").isEqualTo("staging");

		var read = send("GET", "/api/v1/services/" + slug, viewer, null);
		assertThat(read.statusCode()).isEqualTo(200);
		assertThat(read.body()).contains("\"tier\":1").contains("https://runbooks.example.com/checkout");

		String renamed = "checkout-v2-" + unique;
		var updated = send("PUT", "/api/v1/services/" + slug, manager,
				checkout(renamed).replace("\"tier\":1", "\"tier\":2"));
		assertThat(updated.statusCode()).as(updated.body()).isEqualTo(200);
		assertThat(send("GET", "/api/v1/services/" + renamed, viewer, null).body()).contains("\"tier\":2");
		assertThat(send("GET", "/api/v1/services/" + slug, viewer, null).statusCode()).isEqualTo(404);

		assertThat(send("DELETE", "/api/v1/services/" + renamed, manager, null).statusCode()).isEqualTo(204);
		var gone = send("GET", "/api/v1/services/" + renamed, viewer, null);
		assertThat(gone.statusCode()).isEqualTo(404);
		assertThat(gone.body()).contains("urn:watchkeeper:problem:not-found");
	}

	@Test
	void aTeamThatOwnsServicesCannotBeDeletedUntilTheyMove() throws Exception {
		String slug = "ledger-" + unique;
		assertThat(send("POST", "/api/v1/services", manager, checkout(slug)).statusCode()).isEqualTo(201);

		var refused = send("DELETE", "/api/v1/teams/" + payments.slug(), manager, null);
		assertThat(refused.statusCode()).as(refused.body()).isEqualTo(409);
		assertThat(refused.body()).contains("owns 1 service").contains(slug);
		assertThat(send("GET", "/api/v1/teams/" + payments.slug(), viewer, null).statusCode()).isEqualTo(200);

		assertThat(send("DELETE", "/api/v1/services/" + slug, manager, null).statusCode()).isEqualTo(204);
		assertThat(send("DELETE", "/api/v1/teams/" + payments.slug(), manager, null).statusCode()).isEqualTo(204);
	}

	@Test
	void everyInvalidFieldIsNamedInOneProblem() throws Exception {
		var response = send("POST", "/api/v1/services", manager,
				"""
						{"slug":"Not A Slug","name":"","tier":9,"runbookUrl":"ftp://x","tags":["Bad Tag"],
						 "environments":[{"name":"qa","url":"https://qa.example.com"},{"name":"production","url":"not a url"}]}""");
		assertThat(response.statusCode()).isEqualTo(422);
		JsonNode errors = json.readTree(response.body()).get("errors");
		List<String> fields = errors.valueStream().map(e -> e.get("field").asString()).toList();
		assertThat(fields).containsExactlyInAnyOrder("slug", "name", "tier", "runbookUrl", "tags[0]",
				"environments[0].name", "environments[1].url");
		assertThat(send("GET", "/api/v1/services?q=not", viewer, null).body()).contains("\"total\":0");
	}

	@Test
	void anUnknownOwnerTeamIsRefused() throws Exception {
		var response = send("POST", "/api/v1/services", manager,
				checkout("orphan-" + unique).replace(payments.id().toString(), UUID.randomUUID().toString()));
		assertThat(response.statusCode()).isEqualTo(422);
		assertThat(response.body()).contains("\"field\":\"ownerTeamId\"");
	}

	@Test
	void aSlugIsUnique() throws Exception {
		assertThat(send("POST", "/api/v1/services", manager, checkout("dup-" + unique)).statusCode()).isEqualTo(201);
		var second = send("POST", "/api/v1/services", manager, checkout("dup-" + unique));
		assertThat(second.statusCode()).isEqualTo(409);
		assertThat(second.body()).contains("urn:watchkeeper:problem:slug-taken");
	}

	@Test
	void viewersReadButCannotChangeAndAnonymousCallersAreRefused() throws Exception {
		String slug = "readonly-" + unique;
		assertThat(send("POST", "/api/v1/services", viewer, checkout(slug)).statusCode()).isEqualTo(403);
		assertThat(send("POST", "/api/v1/services", manager, checkout(slug)).statusCode()).isEqualTo(201);
		assertThat(send("PUT", "/api/v1/services/" + slug, viewer, checkout(slug)).statusCode()).isEqualTo(403);
		assertThat(send("DELETE", "/api/v1/services/" + slug, viewer, null).statusCode()).isEqualTo(403);
		assertThat(send("GET", "/api/v1/services/" + slug, viewer, null).statusCode()).isEqualTo(200);
		assertThat(send("GET", "/api/v1/services", null, null).statusCode()).isEqualTo(401);
	}

	@Test
	void listsFilterByTeamTagTierAndNameAndPage() throws Exception {
		for (int i = 1; i <= 3; i++) {
			String body = checkout("filter-" + i + "-" + unique).replace("\"tier\":1", "\"tier\":" + i);
			assertThat(send("POST", "/api/v1/services", manager, body).statusCode()).isEqualTo(201);
		}
		var byTeam = json.readTree(send("GET", "/api/v1/services?team=" + payments.slug(), viewer, null).body());
		assertThat(byTeam.get("total").asInt()).isEqualTo(3);
		var byTier = json.readTree(send("GET", "/api/v1/services?tier=2&team=" + payments.id(), viewer, null).body());
		assertThat(byTier.get("items").get(0).get("slug").asString()).isEqualTo("filter-2-" + unique);
		var byName = json.readTree(send("GET", "/api/v1/services?q=FILTER-3-" + unique, viewer, null).body());
		assertThat(byName.get("total").asInt()).isEqualTo(1);
		var paged = json.readTree(
				send("GET", "/api/v1/services?size=2&page=2&tag=payments&team=" + payments.id(), viewer, null).body());
		assertThat(paged.get("items").size()).isEqualTo(1);
		assertThat(paged.get("total").asInt()).isEqualTo(3);
		assertThat(send("GET", "/api/v1/services?size=0", viewer, null).statusCode()).isEqualTo(422);
	}

}
