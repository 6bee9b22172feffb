package dev.watchkeeper.identity;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;

import dev.samstevens.totp.code.DefaultCodeGenerator;
import dev.watchkeeper.IntegrationTest;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.event.EventListener;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Import;

import static org.assertj.core.api.Assertions.assertThat;

@Import(LoginProtectionIntegrationTests.Signals.class)
class LoginProtectionIntegrationTests extends IntegrationTest {

	@Autowired
	IdentityFixtures fixtures;

	@Autowired
	MultiFactor multiFactor;

	@Autowired
	Signals signals;

	@Autowired
	JsonMapper json;

	@TestConfiguration
	static class Signals {

		final java.util.List<SecuritySignal> received = new java.util.concurrent.CopyOnWriteArrayList<>();

		@EventListener
		void on(SecuritySignal signal) {
			received.add(signal);
		}

	}

	private HttpResponse<String> login(String email, String password, String code) throws Exception {
		String body = json.writeValueAsString(
				java.util.Map.of("email", email, "password", password, "code", code == null ? "" : code));
		return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/v1/auth/login"))
			.header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString(body))
			.build(), HttpResponse.BodyHandlers.ofString());
	}

	private HttpResponse<String> me(String token) throws Exception {
		return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/v1/me"))
			.header("Authorization", "Bearer " + token)
			.build(), HttpResponse.BodyHandlers.ofString());
	}

	@Test
	void signsInWithTheRightPasswordAndGetsAWorkingBearerToken() throws Exception {
		User user = fixtures.user(Role.RESPONDER);
		var response = login(user.email(), IdentityFixtures.PASSWORD, null);
		assertThat(response.statusCode()).isEqualTo(200);
		String token = json.readTree(response.body()).get("token").asString();
		var me = me(token);
		assertThat(me.statusCode()).isEqualTo(200);
		assertThat(json.readTree(me.body()).get("actingRole").asString()).isEqualTo("responder");
	}

	@Test
	void aWrongPasswordIsRefusedWithProblemJson() throws Exception {
		User user = fixtures.user(Role.VIEWER);
		var response = login(user.email(), "not the password at all", null);
		assertThat(response.statusCode()).isEqualTo(401);
		assertThat(response.headers().firstValue("Content-Type").orElseThrow()).startsWith("application/problem+json");
		assertThat(response.body()).contains("urn:watchkeeper:problem:invalid-credentials");
	}

	@Test
	void sixWrongPasswordsLockTheAccountAndTheRightPasswordIsRefusedUntilTheLockExpires() throws Exception {
		User user = fixtures.user(Role.RESPONDER);
		for (int attempt = 1; attempt <= 5; attempt++) {
			assertThat(login(user.email(), "wrong password " + attempt, null).statusCode()).as("attempt " + attempt)
				.isEqualTo(401);
		}
		var sixth = login(user.email(), "wrong password 6", null);
		assertThat(sixth.statusCode()).isEqualTo(423);
		assertThat(sixth.body()).contains("urn:watchkeeper:problem:account-locked");
		long retryAfter = Long.parseLong(sixth.headers().firstValue("Retry-After").orElseThrow());
		assertThat(retryAfter).isBetween(14 * 60L, 15 * 60L);

		var rightPassword = login(user.email(), IdentityFixtures.PASSWORD, null);
		assertThat(rightPassword.statusCode()).isEqualTo(423);
		assertThat(signals.received).anySatisfy(signal -> {
			assertThat(signal.kind()).isEqualTo("failed_logins");
			assertThat(signal.subject()).isEqualTo(user.email());
		});
	}

	@Test
	void anEnrolledUserMustGiveTheCurrentCode() throws Exception {
		User user = fixtures.user(Role.ADMIN);
		var enrolment = multiFactor.start(user.id());
		multiFactor.confirm(user.id(), code(enrolment.secret(), -30));

		var withoutCode = login(user.email(), IdentityFixtures.PASSWORD, null);
		assertThat(withoutCode.statusCode()).isEqualTo(401);
		assertThat(withoutCode.body()).contains("urn:watchkeeper:problem:mfa-required");

		String current = code(enrolment.secret(), 0);
		var withCode = login(user.email(), IdentityFixtures.PASSWORD, current);
		assertThat(withCode.statusCode()).isEqualTo(200);
		assertThat(login(user.email(), IdentityFixtures.PASSWORD, current).statusCode()).as("the same code again")
			.isEqualTo(401);
		assertThat(json.readTree(withCode.body()).get("role").asString()).isEqualTo("admin");
	}

	@Test
	void anAdminWithoutMfaActsAsManagerThroughPasswordLogin() throws Exception {
		User admin = fixtures.user(Role.ADMIN);
		var response = login(admin.email(), IdentityFixtures.PASSWORD, null);
		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(json.readTree(response.body()).get("role").asString()).isEqualTo("manager");
	}

	@Test
	void anUnknownEmailIsRefusedLikeAWrongPassword() throws Exception {
		var response = login("nobody-" + System.nanoTime() + "@example.com", "whatever password", null);
		assertThat(response.statusCode()).isEqualTo(401);
		assertThat(response.body()).contains("invalid-credentials");
	}

	private static String code(String secret, int offsetSeconds) throws Exception {
		return new DefaultCodeGenerator().generate(secret,
				Instant.now().plusSeconds(offsetSeconds).getEpochSecond() / 30);
	}

}
