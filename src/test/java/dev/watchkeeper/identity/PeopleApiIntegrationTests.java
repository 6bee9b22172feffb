package dev.watchkeeper.identity;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.UUID;

import dev.watchkeeper.IntegrationTest;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Users, teams and organisation roles through the API. */
class PeopleApiIntegrationTests extends IntegrationTest {

	@Autowired
	IdentityFixtures fixtures;

	@Autowired
	OrgRoles orgRoles;

	@Autowired
	JsonMapper json;

	@Autowired
	JdbcClient jdbc;

	private final String unique = UUID.randomUUID().toString().substring(0, 8);

	@Test
	void anAdminCreatesChangesAndDeletesAUserWithContactMethods() throws Exception {
		String admin = fixtures.token(Role.ADMIN);
		var created = send("POST", "/api/v1/users", admin,
				"""
						{"email":"grace-%s@example.com","name":"Grace","timeZone":"America/New_York","role":"responder",
						 "password":"a long enough password",
						 "contactMethods":[{"kind":"email","address":"grace-%s@example.com"},{"kind":"sms","address":"+15551234567","label":"mobile"}]}"""
					.formatted(unique, unique));
		assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
		JsonNode user = json.readTree(created.body());
		String id = user.get("id").asString();
		assertThat(user.get("contactMethods").size()).isEqualTo(2);
		assertThat(created.body()).doesNotContain("password").doesNotContain("argon");

		var updated = send("PUT", "/api/v1/users/" + id, admin, """
				{"email":"grace-%s@example.com","name":"Grace Hopper","timeZone":"Europe/Berlin","role":"manager"}"""
			.formatted(unique));
		assertThat(updated.statusCode()).as(updated.body()).isEqualTo(200);
		assertThat(json.readTree(updated.body()).get("role").asString()).isEqualTo("manager");
		assertThat(send("GET", "/api/v1/users/" + id, fixtures.token(Role.VIEWER), null).body())
			.contains("Grace Hopper");

		assertThat(send("DELETE", "/api/v1/users/" + id, admin, null).statusCode()).isEqualTo(204);
		assertThat(send("GET", "/api/v1/users/" + id, admin, null).statusCode()).isEqualTo(404);
	}

	@Test
	void invalidUsersAreRefusedNamingEveryField() throws Exception {
		var response = send("POST", "/api/v1/users", fixtures.token(Role.ADMIN), """
				{"email":"not-an-email","name":"","timeZone":"Mars/Olympus","role":"admin","password":"short"}""");
		assertThat(response.statusCode()).isEqualTo(422);
		assertThat(response.body()).contains("\"field\":\"email\"")
			.contains("\"field\":\"name\"")
			.contains("\"field\":\"timeZone\"")
			.contains("\"field\":\"password\"");
	}

	@Test
	void aResponderCannotCreateUsers() throws Exception {
		assertThat(send("POST", "/api/v1/users", fixtures.token(Role.RESPONDER), "{}").statusCode()).isEqualTo(403);
	}

	@Test
	void theLastActiveAdminCannotBeDemotedDisabledOrDeleted() throws Exception {
		var others = jdbc.sql("SELECT id FROM identity_users WHERE role = 'admin' AND NOT disabled")
			.query(UUID.class)
			.list();
		jdbc.sql("UPDATE identity_users SET disabled = TRUE WHERE id IN (:ids)")
			.param("ids", others.isEmpty() ? java.util.List.of(UUID.randomUUID()) : others)
			.update();
		try {
			theOnlyAdminIsProtected();
		}
		finally {
			if (!others.isEmpty()) {
				jdbc.sql("UPDATE identity_users SET disabled = FALSE WHERE id IN (:ids)").param("ids", others).update();
			}
		}
	}

	private void theOnlyAdminIsProtected() throws Exception {
		User last = fixtures.user(Role.ADMIN);
		String token = fixtures.token(last);
		var demote = send("PUT", "/api/v1/users/" + last.id(), token, """
				{"email":"%s","name":"Last","role":"manager"}""".formatted(last.email()));
		assertThat(demote.statusCode()).isEqualTo(409);
		assertThat(demote.body()).contains("urn:watchkeeper:problem:last-admin");
		var disable = send("PUT", "/api/v1/users/" + last.id(), token, """
				{"email":"%s","name":"Last","role":"admin","disabled":true}""".formatted(last.email()));
		assertThat(disable.statusCode()).isEqualTo(409);
		assertThat(send("DELETE", "/api/v1/users/" + last.id(), fixtures.token(last), null).statusCode())
			.as("nobody deletes themselves")
			.isEqualTo(409);
	}

	@Test
	void disablingAUserStopsTheirTokensAtOnce() throws Exception {
		User user = fixtures.user(Role.RESPONDER);
		String token = fixtures.token(user);
		assertThat(send("GET", "/api/v1/me", token, null).statusCode()).isEqualTo(200);
		var disabled = send("PUT", "/api/v1/users/" + user.id(), fixtures.token(Role.ADMIN), """
				{"email":"%s","name":"Gone","role":"responder","disabled":true}""".formatted(user.email()));
		assertThat(disabled.statusCode()).isEqualTo(200);
		var refused = send("GET", "/api/v1/me", token, null);
		assertThat(refused.statusCode()).isEqualTo(401);
		assertThat(refused.body()).contains("urn:watchkeeper:problem:invalid-token");
	}

	@Test
	void deletingAUserStopsTheirTokensAtOnce() throws Exception {
		User user = fixtures.user(Role.RESPONDER);
		String token = fixtures.token(user);
		assertThat(send("GET", "/api/v1/me", token, null).statusCode()).isEqualTo(200);
		assertThat(send("DELETE", "/api/v1/users/" + user.id(), fixtures.token(Role.ADMIN), null).statusCode())
			.isEqualTo(204);
		assertThat(send("GET", "/api/v1/me", token, null).statusCode()).isEqualTo(401);
	}

	@Test
	void aTokenRevokedOnAnotherNodeStopsWorkingHereWithinTwoSeconds() throws Exception {
		String token = fixtures.token(Role.VIEWER);
		assertThat(send("GET", "/api/v1/me", token, null).statusCode()).isEqualTo(200);
		// what another node's revocation leaves behind: the row, and no word to this node
		jdbc.sql("UPDATE identity_api_tokens SET revoked_at = now() WHERE token_hash = :hash")
			.param("hash", ApiTokens.hash(token))
			.update();
		assertThat(send("GET", "/api/v1/me", token, null).statusCode()).as("this node still trusts what it read")
			.isEqualTo(200);
		await().atMost(RecentCredentials.TTL.plusSeconds(1))
			.pollInterval(Duration.ofMillis(100))
			.until(() -> send("GET", "/api/v1/me", token, null).statusCode() == 401);
	}

	@Test
	void aTokenOfADisabledUserStaysDeadWhenTheUserIsEnabledAgain() throws Exception {
		User user = fixtures.user(Role.RESPONDER);
		String token = fixtures.token(user);
		String admin = fixtures.token(Role.ADMIN);
		send("PUT", "/api/v1/users/" + user.id(), admin, """
				{"email":"%s","name":"Away","disabled":true}""".formatted(user.email()));
		var enabled = send("PUT", "/api/v1/users/" + user.id(), admin, """
				{"email":"%s","name":"Back","disabled":false}""".formatted(user.email()));
		assertThat(enabled.statusCode()).as(enabled.body()).isEqualTo(200);
		assertThat(send("GET", "/api/v1/me", token, null).statusCode()).isEqualTo(401);
		assertThat(send("GET", "/api/v1/me", fixtures.token(user), null).statusCode()).isEqualTo(200);
	}

	@Test
	void aChangeThatLeavesFieldsOutKeepsThem() throws Exception {
		User user = fixtures.user(Role.MANAGER);
		String admin = fixtures.token(Role.ADMIN);
		send("PUT", "/api/v1/users/" + user.id(), admin, """
				{"email":"%s","name":"Zoned","timeZone":"Asia/Tokyo","disabled":true}""".formatted(user.email()));
		var renamed = send("PUT", "/api/v1/users/" + user.id(), admin, """
				{"email":"%s","name":"Renamed"}""".formatted(user.email()));
		assertThat(renamed.statusCode()).as(renamed.body()).isEqualTo(200);
		JsonNode after = json.readTree(renamed.body());
		assertThat(after.get("name").asString()).isEqualTo("Renamed");
		assertThat(after.get("timeZone").asString()).isEqualTo("Asia/Tokyo");
		assertThat(after.get("disabled").asBoolean()).isTrue();
		assertThat(after.get("role").asString()).isEqualTo("manager");
	}

	@Test
	void organisationRoleNamesIgnoreCase() throws Exception {
		User cto = fixtures.user(Role.MANAGER);
		var assigned = send("PUT", "/api/v1/org-roles/cto", fixtures.token(Role.ADMIN), """
				{"userId":"%s"}""".formatted(cto.id()));
		assertThat(assigned.statusCode()).as(assigned.body()).isEqualTo(200);
		assertThat(orgRoles.list()).filteredOn(r -> r.name().equalsIgnoreCase("cto")).hasSize(1);
		assertThat(orgRoles.holder("CTO")).hasValueSatisfying(u -> assertThat(u.id()).isEqualTo(cto.id()));
	}

	@Test
	void aRevokedTokenStopsAtOnceAndATokenNeverActsAboveItsOwnersRole() throws Exception {
		User owner = fixtures.user(Role.MANAGER);
		var created = send("POST", "/api/v1/tokens", fixtures.token(owner), """
				{"name":"deploy script","role":"manager"}""");
		assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
		JsonNode body = json.readTree(created.body());
		String secret = body.get("secret").asString();
		String id = body.get("token").get("id").asString();
		assertThat(send("GET", "/api/v1/me", secret, null).body()).contains("\"manager\"");

		var demoted = send("PUT", "/api/v1/users/" + owner.id(), fixtures.token(Role.ADMIN), """
				{"email":"%s","name":"Demoted","role":"viewer"}""".formatted(owner.email()));
		assertThat(demoted.statusCode()).as(demoted.body()).isEqualTo(200);
		assertThat(send("POST", "/api/v1/teams", secret, """
				{"slug":"t-%s","name":"Not allowed"}""".formatted(unique)).statusCode())
			.as("a manager's token of a user now a viewer acts as a viewer")
			.isEqualTo(403);

		assertThat(send("DELETE", "/api/v1/tokens/" + id, secret, null).statusCode()).isEqualTo(204);
		var refused = send("GET", "/api/v1/me", secret, null);
		assertThat(refused.statusCode()).isEqualTo(401);
		assertThat(refused.body()).contains("urn:watchkeeper:problem:invalid-token");
	}

	@Test
	void aTokenUsedAMomentAgoIsRefusedRightAfterItIsRevoked() throws Exception {
		var created = send("POST", "/api/v1/tokens", fixtures.token(Role.RESPONDER), """
				{"name":"ci deploys"}""");
		assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
		JsonNode body = json.readTree(created.body());
		String secret = body.get("secret").asString();
		assertThat(send("GET", "/api/v1/me", secret, null).statusCode()).isEqualTo(200);
		assertThat(
				send("DELETE", "/api/v1/tokens/" + body.get("token").get("id").asString(), secret, null).statusCode())
			.isEqualTo(204);
		assertThat(send("GET", "/api/v1/me", secret, null).statusCode()).isEqualTo(401);
	}

	@Test
	void aTokenRecordsWhenItWasLastUsed() throws Exception {
		User user = fixtures.user(Role.VIEWER);
		String token = fixtures.token(user);
		assertThat(send("GET", "/api/v1/tokens", token, null).body()).contains("\"lastUsedAt\":\"");
	}

	@Test
	void aManagerCreatesATeamWhoseLeadAndManagerAreMembers() throws Exception {
		User lead = fixtures.user(Role.RESPONDER);
		User manager = fixtures.user(Role.MANAGER);
		User member = fixtures.user(Role.RESPONDER);
		String slug = "core-" + unique;
		var created = send("POST", "/api/v1/teams", fixtures.token(manager), """
				{"slug":"%s","name":"Core Platform","leadId":"%s","managerId":"%s","memberIds":["%s"]}"""
			.formatted(slug, lead.id(), manager.id(), member.id()));
		assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
		JsonNode team = json.readTree(send("GET", "/api/v1/teams/" + slug, fixtures.token(Role.VIEWER), null).body());
		assertThat(team.get("lead").get("email").asString()).isEqualTo(lead.email());
		assertThat(team.get("manager").get("email").asString()).isEqualTo(manager.email());
		assertThat(team.get("members").size()).isEqualTo(3);

		assertThat(send("POST", "/api/v1/teams", fixtures.token(Role.VIEWER), "{}").statusCode()).isEqualTo(403);
		var duplicate = send("POST", "/api/v1/teams", fixtures.token(manager), """
				{"slug":"%s","name":"Again"}""".formatted(slug));
		assertThat(duplicate.statusCode()).isEqualTo(409);
		var unknownLead = send("POST", "/api/v1/teams", fixtures.token(manager), """
				{"slug":"x-%s","name":"X","leadId":"%s"}""".formatted(unique, UUID.randomUUID()));
		assertThat(unknownLead.statusCode()).isEqualTo(422);
		assertThat(unknownLead.body()).contains("\"field\":\"leadId\"");
	}

	@Test
	void anAdminNamesTheCtoForEscalation() throws Exception {
		User cto = fixtures.user(Role.MANAGER);
		var assigned = send("PUT", "/api/v1/org-roles/CTO", fixtures.token(Role.ADMIN), """
				{"userId":"%s"}""".formatted(cto.id()));
		assertThat(assigned.statusCode()).as(assigned.body()).isEqualTo(200);
		assertThat(orgRoles.holder("CTO")).hasValueSatisfying(u -> assertThat(u.id()).isEqualTo(cto.id()));
		assertThat(send("GET", "/api/v1/org-roles", fixtures.token(Role.VIEWER), null).body())
			.contains(cto.id().toString());
		assertThat(send("PUT", "/api/v1/org-roles/CTO", fixtures.token(Role.MANAGER), "{}").statusCode())
			.isEqualTo(403);
	}

}
