package dev.watchkeeper.monitoring;

import dev.watchkeeper.identity.Role;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class CheckApiIntegrationTests extends MonitoringIntegrationTest {

	@Test
	void aCheckIsCreatedReadChangedListedAndDeletedWithAnAuditTrail() throws Exception {
		String service = service();
		var created = create("""
				{"name":"api","kind":"tcp","service":"%s","environment":"production","intervalSeconds":30,
				 "enabled":false,"tcp":{"host":"127.0.0.1","port":9}}""".formatted(service));
		String id = created.get("id").asString();
		assertThat(created.get("service").asString()).isEqualTo(service);
		assertThat(created.get("timeoutMs").asInt()).as("half the interval, at most 10 s").isEqualTo(10_000);
		assertThat(created.get("failureThreshold").asInt()).isEqualTo(2);
		assertThat(created.get("state").get("status").asString()).isEqualTo("pending");

		var changed = send("PUT", "/api/v1/checks/" + id, manager, """
				{"name":"api-port","kind":"tcp","service":"%s","environment":"production","intervalSeconds":60,
				 "timeoutMs":2000,"enabled":false,"tcp":{"host":"127.0.0.1","port":10}}""".formatted(service));
		assertThat(changed.statusCode()).as(changed.body()).isEqualTo(200);
		assertThat(get("/api/v1/checks/" + id).get("tcp").get("port").asInt()).isEqualTo(10);
		assertThat(get("/api/v1/checks?service=" + service).get("items").get(0).get("name").asString())
			.isEqualTo("api-port");

		String admin = fixtures.token(Role.ADMIN);
		assertThat(send("GET", "/api/v1/audit?action=check.updated", admin, null).body()).contains(id);
		assertThat(send("DELETE", "/api/v1/checks/" + id, manager, null).statusCode()).isEqualTo(204);
		assertThat(send("GET", "/api/v1/checks/" + id, viewer, null).statusCode()).isEqualTo(404);
		assertThat(send("GET", "/api/v1/audit?action=check.deleted", admin, null).body()).contains(id);
	}

	@Test
	void aServiceWithChecksIsNotDeletedFromUnderThem() throws Exception {
		String service = service();
		String id = create("""
				{"name":"api health","kind":"tcp","service":"%s","environment":"production","intervalSeconds":30,
				 "enabled":false,"tcp":{"host":"127.0.0.1","port":9}}""".formatted(service)).get("id").asString();

		var refused = send("DELETE", "/api/v1/services/" + service, manager, null);
		assertThat(refused.statusCode()).as(refused.body()).isEqualTo(409);
		assertThat(refused.body()).contains("urn:watchkeeper:problem:service-in-use").contains("1 check (api health)");
		assertThat(send("GET", "/api/v1/checks/" + id, viewer, null).statusCode()).isEqualTo(200);
		assertThat(send("GET", "/api/v1/services/" + service, viewer, null).statusCode()).isEqualTo(200);

		assertThat(send("DELETE", "/api/v1/checks/" + id, manager, null).statusCode()).isEqualTo(204);
		assertThat(send("DELETE", "/api/v1/services/" + service, manager, null).statusCode()).isEqualTo(204);
	}

	@Test
	void invalidChecksAreRefusedNamingEachFieldAndNothingIsStored() throws Exception {
		String service = service();
		var response = send("POST", "/api/v1/checks", manager, """
				{"name":"bad","kind":"http","service":"%s","environment":"staging","intervalSeconds":30,
				 "timeoutMs":30000,"severity":"urgent",
				 "http":{"url":"ftp://example.com","conditions":["$.status === 1"]}}""".formatted(service));
		assertThat(response.statusCode()).isEqualTo(422);
		assertThat(response.headers().firstValue("Content-Type"))
			.hasValueSatisfying(type -> assertThat(type).startsWith("application/problem+json"));
		assertThat(response.body()).contains("timeoutMs", "severity", "http.url");

		var conditions = send("POST", "/api/v1/checks", manager, """
				{"name":"bad","kind":"http","service":"%s","environment":"production",
				 "http":{"url":"http://127.0.0.1:9/health","headers":{"Host":"elsewhere"},
				  "conditions":["$.status === 1"]}}""".formatted(service));
		assertThat(conditions.statusCode()).isEqualTo(422);
		assertThat(conditions.body()).contains("http.conditions[0]", "http.headers.Host");

		var environment = send("POST", "/api/v1/checks", manager,
				"""
						{"name":"bad","kind":"tcp","service":"%s","environment":"staging","tcp":{"host":"127.0.0.1","port":9}}"""
					.formatted(service));
		assertThat(environment.statusCode()).isEqualTo(422);
		assertThat(environment.body()).contains("environment", "has no environment staging");

		var heartbeat = send("POST", "/api/v1/checks", manager, """
				{"name":"bad","kind":"heartbeat","service":"%s","environment":"production",
				 "heartbeat":{"cron":"0 2 * *","timeZone":"Mars/Olympus"}}""".formatted(service));
		assertThat(heartbeat.statusCode()).isEqualTo(422);
		assertThat(heartbeat.body()).contains("heartbeat.cron", "heartbeat.timeZone");

		var unknown = send("POST", "/api/v1/checks", manager, """
				{"name":"bad","kind":"ping","service":"no-such-service","environment":"production"}""");
		assertThat(unknown.statusCode()).isEqualTo(422);
		assertThat(unknown.body()).contains("kind");
		assertThat(get("/api/v1/checks?service=" + service).get("total").asInt()).isZero();
	}

	@Test
	void aSecondCheckWithTheSameNameIsAConflict() throws Exception {
		String service = service();
		String body = """
				{"name":"db","kind":"tcp","service":"%s","environment":"production","enabled":false,
				 "tcp":{"host":"127.0.0.1","port":5432}}""".formatted(service);
		create(body);
		assertThat(send("POST", "/api/v1/checks", manager, body).statusCode()).isEqualTo(409);
	}

}
