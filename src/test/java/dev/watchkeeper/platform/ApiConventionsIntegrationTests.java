package dev.watchkeeper.platform;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import dev.watchkeeper.IntegrationTest;
import dev.watchkeeper.identity.IdentityFixtures;
import dev.watchkeeper.identity.Role;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every API error is problem+json with a stable type; never an HTML page or a stack
 * trace.
 */
class ApiConventionsIntegrationTests extends IntegrationTest {

	@Autowired
	IdentityFixtures fixtures;

	private String token;

	@BeforeEach
	void signIn() {
		token = fixtures.token(Role.RESPONDER);
	}

	private HttpResponse<String> call(String method, String path, String contentType, String body) throws Exception {
		var request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
			.header("Authorization", "Bearer " + token)
			.method(method,
					body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
		if (contentType != null) {
			request.header("Content-Type", contentType);
		}
		return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
	}

	private static void assertProblem(HttpResponse<String> response, int status, String type) {
		assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
		assertThat(response.headers().firstValue("Content-Type").orElseThrow()).startsWith("application/problem+json");
		assertThat(response.body()).contains("\"type\":\"urn:watchkeeper:problem:" + type + "\"")
			.contains("\"status\":" + status)
			.doesNotContain("Exception")
			.doesNotContain("<html");
	}

	@Test
	void anUnknownPathIsA404Problem() throws Exception {
		assertProblem(call("GET", "/api/v1/no-such-thing", null, null), 404, "not-found");
	}

	@Test
	void aWrongMethodIsA405Problem() throws Exception {
		assertProblem(call("DELETE", "/api/v1/me", null, null), 405, "method-not-allowed");
	}

	@Test
	void aBodyThatIsNotJsonIsA415Problem() throws Exception {
		assertProblem(call("POST", "/api/v1/tokens", "text/plain", "name=x"), 415, "unsupported-media-type");
	}

	@Test
	void malformedJsonIsA400ProblemThatSaysSo() throws Exception {
		var response = call("POST", "/api/v1/tokens", "application/json", "{\"name\": ");
		assertProblem(response, 400, "malformed-body");
		assertThat(response.body()).contains("not valid JSON");
	}

	@Test
	void aBodyOverTheLimitIsA413ProblemWhetherOrNotItsLengthIsDeclared() throws Exception {
		String big = "{\"name\":\"" + "x".repeat(1_100_000) + "\"}";
		assertProblem(call("POST", "/api/v1/tokens", "application/json", big), 413, "payload-too-large");
		var chunked = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/v1/tokens"))
			.header("Authorization", "Bearer " + token)
			.header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofInputStream(() -> new java.io.ByteArrayInputStream(big.getBytes())))
			.build();
		assertProblem(http.send(chunked, HttpResponse.BodyHandlers.ofString()), 413, "payload-too-large");
	}

	@Test
	void invalidFieldsAreA422ProblemNamingTheField() throws Exception {
		var response = call("POST", "/api/v1/tokens", "application/json", "{\"name\":\"\",\"role\":\"admin\"}");
		assertProblem(response, 422, "invalid-input");
		assertThat(response.body()).contains("\"field\":\"name\"");
	}

	@Test
	void aRoleAboveTheCallersIsRefusedWithoutCreatingAToken() throws Exception {
		var response = call("POST", "/api/v1/tokens", "application/json",
				"{\"name\":\"too-strong\",\"role\":\"admin\"}");
		assertProblem(response, 422, "invalid-input");
		assertThat(response.body()).contains("\"field\":\"role\"");
		assertThat(call("GET", "/api/v1/tokens", null, null).body()).doesNotContain("too-strong");
	}

	@Test
	void aRevokedTokenIsRefusedAtOnceWith401Problem() throws Exception {
		var created = call("POST", "/api/v1/tokens", "application/json", "{\"name\":\"short-lived\"}");
		assertThat(created.statusCode()).isEqualTo(201);
		String secret = created.body().replaceAll(".*\"secret\":\"([^\"]+)\".*", "$1");
		String id = created.body().replaceAll(".*\"token\":\\{\"id\":\"([^\"]+)\".*", "$1");
		String mine = token;
		token = secret;
		assertThat(call("GET", "/api/v1/me", null, null).statusCode()).isEqualTo(200);
		token = mine;
		assertThat(call("DELETE", "/api/v1/tokens/" + id, null, null).statusCode()).isEqualTo(204);
		token = secret;
		assertProblem(call("GET", "/api/v1/me", null, null), 401, "invalid-token");
	}

	@Test
	void anonymousCallsAreA401ProblemWithABearerChallenge() throws Exception {
		var response = http.send(
				HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/v1/tokens")).build(),
				HttpResponse.BodyHandlers.ofString());
		assertProblem(response, 401, "unauthenticated");
		assertThat(response.headers().firstValue("WWW-Authenticate")).hasValue("Bearer");
	}

	@Test
	void theApiDocumentationPageOpensWithoutCredentials() throws Exception {
		var browser = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NORMAL).build();
		var response = browser.send(
				HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/docs")).build(),
				HttpResponse.BodyHandlers.ofString());
		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(response.body()).contains("swagger-ui");
	}

	@Test
	void theOpenApiDocumentIsPublishedWithTheEndpoints() throws Exception {
		var response = http.send(
				HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/openapi.json")).build(),
				HttpResponse.BodyHandlers.ofString());
		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(response.body()).contains("\"/api/v1/tokens\"").contains("\"/health\"").contains("\"example\"");
	}

}
