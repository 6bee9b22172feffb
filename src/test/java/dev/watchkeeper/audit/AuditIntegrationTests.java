package dev.watchkeeper.audit;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;
import java.util.UUID;

import dev.watchkeeper.IntegrationTest;
import dev.watchkeeper.identity.IdentityFixtures;
import dev.watchkeeper.identity.Role;
import dev.watchkeeper.identity.User;
import dev.watchkeeper.platform.AuditableEvent;
import dev.watchkeeper.platform.PageQuery;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;

class AuditIntegrationTests extends IntegrationTest {

	@Autowired
	IdentityFixtures fixtures;

	@Autowired
	AuditLog audit;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	TransactionTemplate transactions;

	@Autowired
	ApplicationEventPublisher events;

	@Autowired
	JsonMapper json;

	private HttpResponse<String> send(String method, String path, String token, String body, String... headers)
			throws Exception {
		var request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
			.header("Content-Type", "application/json")
			.method(method,
					body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
		if (token != null) {
			request.header("Authorization", "Bearer " + token);
		}
		if (headers.length > 0) {
			request.headers(headers);
		}
		return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
	}

	@Test
	void aChangeThroughTheApiRecordsWhoWhatAndFromWhere() throws Exception {
		User responder = fixtures.user(Role.RESPONDER);
		String requestId = "audit-" + UUID.randomUUID();
		var created = send("POST", "/api/v1/tokens", fixtures.token(responder), "{\"name\":\"deploy-bot\"}",
				"X-Request-ID", requestId, "User-Agent", "audit-test/1.0");
		assertThat(created.statusCode()).isEqualTo(201);
		String tokenId = json.readTree(created.body()).get("token").get("id").asString();
		String secret = json.readTree(created.body()).get("secret").asString();

		var entries = audit.list(new AuditFilter("api_token.created", null, tokenId, null, null, null),
				PageQuery.of(1, 10));
		assertThat(entries.items()).singleElement().satisfies(entry -> {
			assertThat(entry.actorKind()).isEqualTo("token");
			assertThat(entry.actorUserId()).isEqualTo(responder.id().toString());
			assertThat(entry.actorName()).contains(responder.email());
			assertThat(entry.ipAddress()).isEqualTo("127.0.0.1");
			assertThat(entry.userAgent()).isEqualTo("audit-test/1.0");
			assertThat(entry.requestId()).isEqualTo(requestId);
			assertThat(entry.after()).contains("\"name\":\"deploy-bot\"").doesNotContain(secret);
		});
	}

	@Test
	void aChangeThatRollsBackLeavesNoEntry() {
		String target = "rolled-back-" + UUID.randomUUID();
		transactions.executeWithoutResult(status -> {
			events.publishEvent(new TestChange(target));
			status.setRollbackOnly();
		});
		assertThat(audit.list(new AuditFilter(null, null, target, null, null, null), PageQuery.of(1, 10)).total())
			.isZero();
	}

	@Test
	void sixWrongPasswordsLeaveTheLockInTheAuditLog() throws Exception {
		User user = fixtures.user(Role.VIEWER);
		int last = 0;
		for (int i = 0; i < 6; i++) {
			last = send("POST", "/api/v1/auth/login", null,
					json.writeValueAsString(Map.of("email", user.email(), "password", "wrong password " + i)))
				.statusCode();
		}
		assertThat(last).isEqualTo(423);
		var locked = audit.list(new AuditFilter("account.locked", "user", user.id().toString(), null, null, null),
				PageQuery.of(1, 10));
		assertThat(locked.items()).singleElement().satisfies(entry -> {
			assertThat(entry.actorKind()).isEqualTo("system");
			assertThat(entry.summary()).contains(user.email()).contains("6 failed logins");
		});
	}

	@Test
	void theChainIsIntactAndAnAlteredRowIsReportedExactly() {
		fixtures.user(Role.VIEWER);
		assertThat(audit.verify().intact()).isTrue();
		long id = jdbc.sql("SELECT max(id) FROM audit_entries").query(Long.class).single();
		String summary = jdbc.sql("SELECT summary FROM audit_entries WHERE id = :id")
			.param("id", id)
			.query(String.class)
			.single();
		tamper("UPDATE audit_entries SET summary = 'nothing happened' WHERE id = " + id);
		try {
			ChainVerification result = audit.verify();
			assertThat(result.intact()).isFalse();
			assertThat(result.brokenAt().id()).isEqualTo(id);
			assertThat(result.brokenAt().reason()).startsWith("hash mismatch");
		}
		finally {
			tamper("UPDATE audit_entries SET summary = '" + summary.replace("'", "''") + "' WHERE id = " + id);
		}
		assertThat(audit.verify().intact()).isTrue();
	}

	@Test
	void aRemovedRowIsReportedAtTheEntryAfterIt() {
		fixtures.user(Role.VIEWER);
		fixtures.user(Role.VIEWER);
		long last = jdbc.sql("SELECT max(id) FROM audit_entries").query(Long.class).single();
		long removed = jdbc.sql("SELECT max(id) FROM audit_entries WHERE id < :last")
			.param("last", last)
			.query(Long.class)
			.single();
		var row = jdbc.sql("SELECT * FROM audit_entries WHERE id = :id").param("id", removed).query().singleRow();
		tamper("DELETE FROM audit_entries WHERE id = " + removed);
		try {
			ChainVerification result = audit.verify();
			assertThat(result.intact()).isFalse();
			assertThat(result.brokenAt().id()).isEqualTo(last);
			assertThat(result.brokenAt().reason()).startsWith("previous-hash mismatch");
		}
		finally {
			var insert = jdbc.sql("ALTER TABLE audit_entries DISABLE TRIGGER ALL; INSERT INTO audit_entries ("
					+ String.join(", ", row.keySet()) + ") VALUES (:" + String.join(", :", row.keySet())
					+ "); ALTER TABLE audit_entries ENABLE TRIGGER ALL");
			for (var column : row.entrySet()) {
				insert = insert.param(column.getKey(), column.getValue());
			}
			insert.update();
		}
		assertThat(audit.verify().intact()).isTrue();
	}

	@Test
	void theDatabaseRefusesToChangeOrDeleteEntries() {
		fixtures.user(Role.VIEWER);
		assertThat(org.assertj.core.api.Assertions
			.catchThrowable(() -> jdbc.sql("UPDATE audit_entries SET summary = 'x'").update()))
			.hasMessageContaining("append-only");
		assertThat(org.assertj.core.api.Assertions.catchThrowable(() -> jdbc.sql("DELETE FROM audit_entries").update()))
			.hasMessageContaining("append-only");
	}

	@Test
	void theApiListsFiltersAndVerifiesForAdminsOnly() throws Exception {
		User admin = fixtures.user(Role.ADMIN);
		String token = fixtures.token(admin);
		var list = send("GET",
				"/api/v1/audit?action=user.created&targetId=" + admin.id() + "&from=2000-01-01T00:00:00Z", token, null);
		assertThat(list.statusCode()).isEqualTo(200);
		JsonNode page = json.readTree(list.body());
		assertThat(page.get("total").asInt()).isEqualTo(1);
		assertThat(page.get("items").get(0).get("summary").asString()).contains(admin.email());
		assertThat(send("GET", "/api/v1/audit?from=yesterday", token, null).statusCode()).isEqualTo(400);
		assertThat(send("GET", "/api/v1/audit?to=2000-01-01T00:00:00Z", token, null).body()).contains("\"total\":0");
		assertThat(send("GET", "/api/v1/audit/verify", token, null).body()).contains("\"intact\":true");
		for (Role role : new Role[] { Role.VIEWER, Role.RESPONDER, Role.MANAGER }) {
			assertThat(send("GET", "/api/v1/audit", fixtures.token(role), null).statusCode()).as(role.value())
				.isEqualTo(403);
		}
		assertThat(send("GET", "/api/v1/audit/verify", null, null).statusCode()).isEqualTo(401);
	}

	private void tamper(String sql) {
		jdbc.sql("ALTER TABLE audit_entries DISABLE TRIGGER ALL; " + sql
				+ "; ALTER TABLE audit_entries ENABLE TRIGGER ALL")
			.update();
	}

	record TestChange(String targetId) implements AuditableEvent {

		public String action() {
			return "test.changed";
		}

		public String targetType() {
			return "test";
		}

		public String summary() {
			return "A change that will be rolled back";
		}

	}

}
