package dev.watchkeeper.security;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import dev.watchkeeper.IntegrationTest;
import dev.watchkeeper.identity.IdentityFixtures;
import dev.watchkeeper.identity.Role;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tries every endpoint of the OpenAPI document anonymously and with a token of each role,
 * and checks that exactly the roles this table allows get past authorization. An endpoint
 * missing from the table fails the test: a new endpoint must say who may call it.
 */
class EndpointAuthorizationIntegrationTests extends IntegrationTest {

	/** null: anyone, without credentials. */
	private static final Map<String, Role> MINIMUM_ROLE = new TreeMap<>();

	static {
		for (String endpoint : List.of("GET /health", "GET /health/live", "GET /health/ready", "GET /metrics",
				"POST /api/v1/auth/login")) {
			MINIMUM_ROLE.put(endpoint, null);
		}
		allow(Role.VIEWER, "GET /api/v1/me", "GET /api/v1/tokens", "POST /api/v1/tokens", "DELETE /api/v1/tokens/{id}");
		allow(Role.VIEWER, "GET /api/v1/services", "GET /api/v1/services/{slug}");
		allow(Role.ADMIN, "GET /api/v1/audit", "GET /api/v1/audit/verify");
		allow(Role.VIEWER, "GET /api/v1/alerts", "GET /api/v1/alerts/{fingerprint}", "GET /api/v1/silences",
				"GET /api/v1/silences/{id}");
		allow(Role.RESPONDER, "POST /api/v1/silences", "DELETE /api/v1/silences/{id}");
		allow(Role.VIEWER, "GET /api/v1/alerting/config", "GET /api/v1/alerting/config/versions",
				"POST /api/v1/alerting/routes/test", "GET /api/v1/alerts/{fingerprint}/history");
		allow(Role.MANAGER, "PUT /api/v1/alerting/config");
		allow(Role.RESPONDER, "POST /alertmanager/api/v2/alerts", "POST /api/v1/integrations/alertmanager",
				"POST /api/v1/alerts");
		allow(Role.VIEWER, "GET /api/v1/users", "GET /api/v1/users/{id}", "PUT /api/v1/me/password",
				"GET /api/v1/teams", "GET /api/v1/teams/{slug}", "GET /api/v1/org-roles");
		allow(Role.MANAGER, "POST /api/v1/teams", "PUT /api/v1/teams/{slug}", "DELETE /api/v1/teams/{slug}");
		allow(Role.ADMIN, "POST /api/v1/users", "PUT /api/v1/users/{id}", "DELETE /api/v1/users/{id}",
				"POST /api/v1/users/{id}/unlock", "POST /api/v1/users/{id}/mfa/reset", "PUT /api/v1/org-roles/{name}",
				"DELETE /api/v1/org-roles/{name}");
		allow(Role.MANAGER, "POST /api/v1/services", "PUT /api/v1/services/{slug}", "DELETE /api/v1/services/{slug}");
		allow(Role.VIEWER, "GET /api/v1/channels", "GET /api/v1/channels/{id}", "GET /api/v1/deliveries",
				"GET /api/v1/deliveries/{id}");
		allow(Role.MANAGER, "POST /api/v1/channels", "PUT /api/v1/channels/{id}", "DELETE /api/v1/channels/{id}",
				"POST /api/v1/channels/{id}/test", "POST /api/v1/deliveries/{id}/retry");
		allow(Role.VIEWER, "GET /api/v1/integration-keys");
		allow(Role.MANAGER, "POST /api/v1/integration-keys", "DELETE /api/v1/integration-keys/{id}");
		allow(Role.VIEWER, "GET /api/v1/incidents", "GET /api/v1/incidents/severities", "GET /api/v1/incidents/{id}",
				"GET /api/v1/incidents/{id}/timeline", "GET /api/v1/incidents/settings/services/{serviceId}",
				"GET /api/v1/incidents/{id}/alerts", "GET /api/v1/incidents/{id}/pages", "GET /api/v1/postmortems",
				"GET /api/v1/postmortems/{id}", "GET /api/v1/action-items", "GET /api/v1/incident-analytics");
		allow(Role.RESPONDER, "POST /api/v1/incidents", "POST /api/v1/incidents/{id}/acknowledge",
				"POST /api/v1/incidents/{id}/status", "POST /api/v1/incidents/{id}/resolve",
				"PUT /api/v1/incidents/{id}/roles/{role}", "POST /api/v1/incidents/{id}/notes",
				"PUT /api/v1/postmortems/{id}", "POST /api/v1/postmortems/{id}/status",
				"POST /api/v1/postmortems/{id}/action-items", "PUT /api/v1/postmortems/{id}/action-items/{itemId}");
		allow(Role.MANAGER, "PUT /api/v1/incidents/settings/services/{serviceId}",
				"POST /api/v1/incidents/{id}/severity", "POST /api/v1/incidents/{id}/close",
				"POST /api/v1/postmortems/{id}/publish");
		MINIMUM_ROLE.put("GET /oncall/ical/{token}.ics", null);
		allow(Role.VIEWER, "GET /api/v1/schedules", "GET /api/v1/schedules/{id}", "GET /api/v1/schedules/{id}/shifts",
				"GET /api/v1/schedules/{id}/on-call", "GET /api/v1/schedules/{id}/overrides",
				"GET /api/v1/schedules/{id}/feed", "GET /api/v1/oncall", "GET /api/v1/oncall/shifts",
				"GET /api/v1/oncall/feed", "POST /api/v1/oncall/feed", "GET /api/v1/oncall/resolve");
		allow(Role.RESPONDER, "POST /api/v1/schedules/{id}/overrides",
				"DELETE /api/v1/schedules/{id}/overrides/{overrideId}");
		allow(Role.MANAGER, "POST /api/v1/schedules", "PUT /api/v1/schedules/{id}", "DELETE /api/v1/schedules/{id}",
				"POST /api/v1/schedules/{id}/feed");
		allow(Role.VIEWER, "GET /api/v1/escalation-policies", "GET /api/v1/escalation-policies/{id}",
				"GET /api/v1/escalation-policies/assignments", "GET /api/v1/escalation-policies/effective");
		allow(Role.MANAGER, "POST /api/v1/escalation-policies", "PUT /api/v1/escalation-policies/{id}",
				"DELETE /api/v1/escalation-policies/{id}", "PUT /api/v1/escalation-policies/assignments/teams/{teamId}",
				"DELETE /api/v1/escalation-policies/assignments/teams/{teamId}",
				"PUT /api/v1/escalation-policies/assignments/services/{serviceId}",
				"DELETE /api/v1/escalation-policies/assignments/services/{serviceId}");
		allow(Role.VIEWER, "GET /api/v1/checks", "GET /api/v1/checks/{id}", "GET /api/v1/checks/{id}/results",
				"GET /api/v1/checks/{id}/rollups", "GET /api/v1/checks/{id}/uptime", "GET /api/v1/checks/{id}/pings",
				"GET /api/v1/checks/{id}/certificates", "GET /api/v1/certificates");
		allow(Role.MANAGER, "POST /api/v1/checks", "PUT /api/v1/checks/{id}", "DELETE /api/v1/checks/{id}");
		for (String method : List.of("GET", "POST", "HEAD")) {
			MINIMUM_ROLE.put(method + " /ping/{uuid}", null);
			MINIMUM_ROLE.put(method + " /ping/{uuid}/{signal}", null);
		}
		allow(Role.VIEWER, "GET /api/v1/maintenance/windows", "GET /api/v1/maintenance/windows/{id}",
				"GET /api/v1/maintenance/windows/{id}/occurrences", "GET /api/v1/maintenance/calendar",
				"GET /api/v1/maintenance/policy", "GET /api/v1/maintenance/follow-ups");
		allow(Role.RESPONDER, "POST /api/v1/maintenance/windows", "POST /api/v1/maintenance/windows/import",
				"PUT /api/v1/maintenance/windows/{id}", "POST /api/v1/maintenance/windows/{id}/cancel",
				"POST /api/v1/maintenance/windows/{id}/follow-up/done");
		allow(Role.MANAGER, "POST /api/v1/maintenance/windows/{id}/approve",
				"POST /api/v1/maintenance/windows/{id}/reject");
		allow(Role.ADMIN, "PUT /api/v1/maintenance/policy");
		allow(Role.VIEWER, "GET /api/v1/users/{id}/notification-rules");
		allow(Role.RESPONDER, "PUT /api/v1/users/{id}/notification-rules",
				"DELETE /api/v1/users/{id}/notification-rules");
		allow(Role.VIEWER, "GET /prometheus/api/v1/query", "POST /prometheus/api/v1/query",
				"GET /prometheus/api/v1/query_range", "POST /prometheus/api/v1/query_range",
				"GET /prometheus/api/v1/series", "POST /prometheus/api/v1/series", "GET /prometheus/api/v1/labels",
				"POST /prometheus/api/v1/labels", "GET /prometheus/api/v1/label/{name}/values",
				"GET /prometheus/api/v1/rules", "GET /prometheus/api/v1/alerts");
		allow(Role.RESPONDER, "POST /prometheus/api/v1/import/prometheus", "POST /prometheus/api/v1/write");
		allow(Role.VIEWER, "GET /api/v1/monitoring/scrape-targets", "GET /api/v1/monitoring/scrape-targets/{id}",
				"GET /api/v1/monitoring/rules", "GET /api/v1/monitoring/rules/file");
		allow(Role.MANAGER, "POST /api/v1/monitoring/scrape-targets", "PUT /api/v1/monitoring/scrape-targets/{id}",
				"DELETE /api/v1/monitoring/scrape-targets/{id}", "PUT /api/v1/monitoring/rules/file",
				"DELETE /api/v1/monitoring/rules/file");
		allow(Role.VIEWER, "GET /api/v1/components", "GET /api/v1/components/{id}", "GET /api/v1/component-groups",
				"GET /api/v1/incidents/{id}/publication", "GET /api/v1/incidents/public-update-templates");
		allow(Role.RESPONDER, "PUT /api/v1/components/{id}/override", "PUT /api/v1/incidents/{id}/publication",
				"POST /api/v1/incidents/{id}/public-updates");
		allow(Role.MANAGER, "POST /api/v1/components", "PUT /api/v1/components/{id}", "DELETE /api/v1/components/{id}",
				"POST /api/v1/component-groups", "PUT /api/v1/component-groups/{id}",
				"DELETE /api/v1/component-groups/{id}", "GET /api/v1/statuspage/subscribers",
				"DELETE /api/v1/statuspage/subscribers/{id}");
		for (String document : List.of("summary.json", "status.json", "components.json", "incidents.json",
				"incidents/unresolved.json", "scheduled-maintenances.json", "scheduled-maintenances/upcoming.json",
				"scheduled-maintenances/active.json")) {
			MINIMUM_ROLE.put("GET /status/api/v2/" + document, null);
		}
	}

	/** The only endpoints an integration key may call. */
	private static final Set<String> INTAKE = Set.of("POST /alertmanager/api/v2/alerts",
			"POST /api/v1/integrations/alertmanager", "POST /api/v1/alerts",
			"POST /prometheus/api/v1/import/prometheus", "POST /prometheus/api/v1/write");

	private static void allow(Role role, String... endpoints) {
		for (String endpoint : endpoints) {
			MINIMUM_ROLE.put(endpoint, role);
		}
	}

	@Autowired
	IdentityFixtures fixtures;

	@Autowired
	JsonMapper json;

	private final Map<Role, String> tokens = new EnumMap<>(Role.class);

	@BeforeEach
	void tokensForEveryRole() {
		for (Role role : Role.values()) {
			tokens.put(role, fixtures.token(role));
		}
	}

	@Test
	void everyDocumentedEndpointIsInTheAuthorizationTable() throws Exception {
		Set<String> documented = documentedEndpoints();
		assertThat(documented).as("endpoints in /api/openapi.json without a line in MINIMUM_ROLE")
			.isSubsetOf(MINIMUM_ROLE.keySet());
		assertThat(MINIMUM_ROLE.keySet()).as("lines in MINIMUM_ROLE for endpoints that no longer exist")
			.isSubsetOf(documented);
	}

	@Test
	void onlyTheAllowedRolesGetPastAuthorization() throws Exception {
		List<String> violations = new ArrayList<>();
		for (String endpoint : documentedEndpoints()) {
			if (!MINIMUM_ROLE.containsKey(endpoint)) {
				continue;
			}
			Role minimum = MINIMUM_ROLE.get(endpoint);
			var anonymousResponse = call(endpoint, null);
			int anonymous = anonymousResponse.statusCode();
			if (minimum == null) {
				// a public endpoint may still refuse bad credentials (login), but never
				// ask for authentication
				if (anonymous == 403 || anonymousResponse.body().contains("urn:watchkeeper:problem:unauthenticated")) {
					violations.add(endpoint + " is public but answered " + anonymous + " anonymously");
				}
				continue;
			}
			if (anonymous != 401) {
				violations.add(endpoint + " answered " + anonymous + " anonymously instead of 401");
			}
			for (Role role : Role.values()) {
				int status = call(endpoint, tokens.get(role)).statusCode();
				boolean allowed = role.atLeast(minimum);
				if (allowed && (status == 401 || status == 403)) {
					violations.add(endpoint + " refused " + role.value() + " with " + status);
				}
				if (!allowed && status != 403) {
					violations.add(endpoint + " let " + role.value() + " through with " + status);
				}
			}
		}
		assertThat(violations).isEmpty();
	}

	@Test
	void anIntegrationKeyIsAcceptedOnTheIntakeEndpointsAndRefusedEverywhereElse() throws Exception {
		String key = fixtures.integrationKey();
		List<String> violations = new ArrayList<>();
		Set<String> endpoints = documentedEndpoints();
		assertThat(endpoints).containsAll(INTAKE);
		for (String endpoint : endpoints) {
			if (MINIMUM_ROLE.get(endpoint) == null) {
				continue;
			}
			int status = call(endpoint, key).statusCode();
			boolean refused = status == 401 || status == 403;
			if (INTAKE.contains(endpoint) == refused) {
				violations.add(endpoint + " answered an integration key with " + status);
			}
		}
		// pages of the web UI do not take bearer credentials at all
		for (String page : List.of("/", "/alerts", "/integration-keys", "/tokens")) {
			var request = HttpRequest.newBuilder(URI.create(url(page)))
				.header("Authorization", "Bearer " + key)
				.header("Accept", "application/json");
			int status = http.send(request.build(), HttpResponse.BodyHandlers.discarding()).statusCode();
			if (status != 401 && status != 403) {
				violations.add("page " + page + " answered an integration key with " + status);
			}
		}
		assertThat(violations).isEmpty();
	}

	private Set<String> documentedEndpoints() throws Exception {
		var response = http.send(HttpRequest.newBuilder(URI.create(url("/api/openapi.json"))).build(),
				HttpResponse.BodyHandlers.ofString());
		assertThat(response.statusCode()).isEqualTo(200);
		JsonNode paths = json.readTree(response.body()).get("paths");
		Set<String> endpoints = new TreeSet<>();
		for (var path : paths.properties()) {
			for (var operation : path.getValue().properties()) {
				endpoints.add(operation.getKey().toUpperCase() + " " + path.getKey());
			}
		}
		return endpoints;
	}

	private static final Pattern PARAMETER = Pattern.compile("\\{([^}]+)}");

	/** Calls the endpoint with harmless arguments: unknown ids, an empty JSON object. */
	private HttpResponse<String> call(String endpoint, String token) throws Exception {
		String method = endpoint.substring(0, endpoint.indexOf(' '));
		Matcher parameters = PARAMETER.matcher(endpoint.substring(endpoint.indexOf(' ') + 1));
		String path = parameters.replaceAll(match -> match.group(1).toLowerCase().endsWith("id")
				? UUID.randomUUID().toString() : "no-such-" + match.group(1).toLowerCase());
		var request = HttpRequest.newBuilder(URI.create(url(path))).header("Content-Type", "application/json");
		if (token != null) {
			request.header("Authorization", "Bearer " + token);
		}
		boolean hasBody = method.equals("POST") || method.equals("PUT") || method.equals("PATCH");
		request.method(method,
				hasBody ? HttpRequest.BodyPublishers.ofString("{}") : HttpRequest.BodyPublishers.noBody());
		return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
	}

	private String url(String path) {
		return "http://127.0.0.1:" + port + path;
	}

}
