package dev.watchkeeper.platform;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

import dev.watchkeeper.IntegrationTest;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Watchkeeper as a real process: how it refuses bad configuration and survives kill -9.
 */
class ProcessIntegrationTests {

	private static final String ADMIN_EMAIL = "admin@example.com";

	private static final String ADMIN_PASSWORD = "a long enough admin password";

	private static final String ADMIN_TOKEN = "wk_process-test-admin-token-0123456789abcdef";

	private final HttpClient http = HttpClient.newHttpClient();

	@Test
	void productionWithAShortSecretKeyStopsStartupNamingTheSecretKeyAndTheDatabase() throws Exception {
		Path dataDir = IntegrationTest.newDataDirectory();
		try (var app = WatchkeeperProcess.start(dataDir, Map.of("ENVIRONMENT", "production", "SECRET_KEY", "short"))) {
			int exitCode = app.awaitExit(Duration.ofSeconds(90));
			assertThat(exitCode).isNotZero();
			assertThat(app.output()).contains("SECRET_KEY must be at least 32 characters in production")
				.contains("DATABASE_URL is not set: production refuses the embedded database");
			assertThat(dataDir.resolve("postgres")).doesNotExist();
		}
	}

	@Test
	void comesBackWithAllItsDataAfterKill9() throws Exception {
		Path dataDir = IntegrationTest.newDataDirectory();
		Map<String, String> env = Map.of("WATCHKEEPER_ADMIN_EMAIL", ADMIN_EMAIL, "WATCHKEEPER_ADMIN_PASSWORD",
				ADMIN_PASSWORD, "WATCHKEEPER_ADMIN_TOKEN", ADMIN_TOKEN);
		String createdToken;
		String browserSession;
		try (var first = WatchkeeperProcess.start(dataDir, env)) {
			first.awaitHealthy(Duration.ofSeconds(120));
			browserSession = signInInBrowserForm(first);
			assertThat(page(first, "/services", browserSession).statusCode()).isEqualTo(200);
			var created = send(first, "POST", "/api/v1/tokens", ADMIN_TOKEN,
					"{\"name\":\"survivor\",\"role\":\"viewer\"}");
			assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
			createdToken = created.body().replaceAll(".*\"secret\":\"([^\"]+)\".*", "$1");
			first.kill9();
		}
		Path pidFile = dataDir.resolve("postgres/postmaster.pid");
		assertThat(pidFile).as("kill -9 leaves the embedded PostgreSQL's pid file behind").exists();

		try (var second = WatchkeeperProcess.start(dataDir, env)) {
			second.awaitHealthy(Duration.ofSeconds(120));
			var me = send(second, "GET", "/api/v1/me", createdToken, null);
			assertThat(me.statusCode()).as(me.body()).isEqualTo(200);
			assertThat(me.body()).contains(ADMIN_EMAIL);
			var tokens = send(second, "GET", "/api/v1/tokens", ADMIN_TOKEN, null);
			assertThat(tokens.body()).contains("survivor");
			var stillSignedIn = page(second, "/services", browserSession);
			assertThat(stillSignedIn.statusCode()).as("the browser session outlives the crash").isEqualTo(200);
			assertThat(stillSignedIn.body()).contains("Sign out");
		}
		assertThat(Files.exists(pidFile)).as("a clean stop stops PostgreSQL too").isFalse();
	}

	@Test
	void healthTurnsUnhealthyWith503WhenTheDatabaseGoesAway() throws Exception {
		Path dataDir = IntegrationTest.newDataDirectory();
		try (var app = WatchkeeperProcess.start(dataDir, Map.of())) {
			app.awaitHealthy(Duration.ofSeconds(120));
			long postgres = Long
				.parseLong(Files.readAllLines(dataDir.resolve("postgres/postmaster.pid")).get(0).trim());
			ProcessHandle.of(postgres).orElseThrow().destroyForcibly();
			HttpResponse<String> health = null;
			long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
			while (System.nanoTime() < deadline) {
				health = http.send(HttpRequest.newBuilder(URI.create(app.url("/health"))).build(),
						HttpResponse.BodyHandlers.ofString());
				if (health.statusCode() == 503) {
					break;
				}
				Thread.sleep(250);
			}
			assertThat(health.statusCode()).isEqualTo(503);
			assertThat(health.body()).contains("\"status\":\"unhealthy\"").contains("\"database\":\"unhealthy\"");
			var ready = http.send(HttpRequest.newBuilder(URI.create(app.url("/health/ready"))).build(),
					HttpResponse.BodyHandlers.ofString());
			assertThat(ready.statusCode()).isEqualTo(503);
			var live = http.send(HttpRequest.newBuilder(URI.create(app.url("/health/live"))).build(),
					HttpResponse.BodyHandlers.ofString());
			assertThat(live.statusCode()).as("the process itself still lives").isEqualTo(200);
		}
	}

	@Test
	void environmentFileBeatsDefaultFileAndEnvironmentVariablesBeatBoth() throws Exception {
		Path workingDirectory = IntegrationTest.newDataDirectory();
		Files.createDirectories(workingDirectory.resolve("config"));
		Files.writeString(workingDirectory.resolve("config/default.yaml"), """
				watchkeeper:
				  max-request-body-size: 1000
				  database:
				    pool-size: 7
				""");
		Files.writeString(workingDirectory.resolve("config/development.yaml"), """
				watchkeeper:
				  max-request-body-size: 2000
				""");
		Path dataDir = workingDirectory.resolve("data");
		try (var app = WatchkeeperProcess.start(dataDir, Map.of("WATCHKEEPER_DATABASE_POOL_SIZE", "9"),
				workingDirectory)) {
			app.awaitHealthy(Duration.ofSeconds(120));
			assertThat(post(app, 1500).statusCode()).as("config/development.yaml raised the limit to 2000")
				.isEqualTo(401);
			assertThat(post(app, 2500).statusCode()).isEqualTo(413);
			var metrics = http.send(HttpRequest.newBuilder(URI.create(app.url("/metrics"))).build(),
					HttpResponse.BodyHandlers.ofString());
			assertThat(metrics.body()).as("WATCHKEEPER_DATABASE_POOL_SIZE beat config/default.yaml")
				.containsPattern("hikaricp_connections_max\\{[^}]*\\} 9\\.0");
		}
	}

	private HttpResponse<String> post(WatchkeeperProcess app, int bytes) throws Exception {
		return http.send(HttpRequest.newBuilder(URI.create(app.url("/api/v1/tokens")))
			.header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString("{\"name\":\"" + "x".repeat(bytes - 11) + "\"}"))
			.build(), HttpResponse.BodyHandlers.ofString());
	}

	/** Signs in through the login form as a browser does; returns the session cookie. */
	private String signInInBrowserForm(WatchkeeperProcess app) throws Exception {
		var form = http.send(HttpRequest.newBuilder(URI.create(app.url("/login"))).build(),
				HttpResponse.BodyHandlers.ofString());
		String cookie = sessionCookie(form).orElseThrow();
		String csrf = form.body().replaceAll("(?s).*name=\"_csrf\" value=\"([^\"]+)\".*", "$1");
		String body = "email=" + java.net.URLEncoder.encode(ADMIN_EMAIL, java.nio.charset.StandardCharsets.UTF_8)
				+ "&password=" + java.net.URLEncoder.encode(ADMIN_PASSWORD, java.nio.charset.StandardCharsets.UTF_8)
				+ "&_csrf=" + csrf;
		var signedIn = http.send(HttpRequest.newBuilder(URI.create(app.url("/login")))
			.header("Cookie", cookie)
			.header("Content-Type", "application/x-www-form-urlencoded")
			.POST(HttpRequest.BodyPublishers.ofString(body))
			.build(), HttpResponse.BodyHandlers.ofString());
		assertThat(signedIn.statusCode()).as(signedIn.body()).isEqualTo(302);
		return sessionCookie(signedIn).orElse(cookie);
	}

	private static java.util.Optional<String> sessionCookie(HttpResponse<?> response) {
		return response.headers()
			.allValues("Set-Cookie")
			.stream()
			.filter(c -> c.startsWith("WATCHKEEPER_SESSION="))
			.map(c -> c.substring(0, c.indexOf(';')))
			.findFirst();
	}

	private HttpResponse<String> page(WatchkeeperProcess app, String path, String cookie) throws Exception {
		return http.send(HttpRequest.newBuilder(URI.create(app.url(path))).header("Cookie", cookie).build(),
				HttpResponse.BodyHandlers.ofString());
	}

	private HttpResponse<String> send(WatchkeeperProcess app, String method, String path, String token, String body)
			throws Exception {
		var request = HttpRequest.newBuilder(URI.create(app.url(path)))
			.header("Authorization", "Bearer " + token)
			.header("Content-Type", "application/json")
			.method(method,
					body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
		return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
	}

}
