package dev.watchkeeper.identity;

import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import dev.watchkeeper.IntegrationTest;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.TestPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A fresh installation without bootstrap variables is set up through the token-guarded
 * page.
 */
@TestPropertySource(properties = "watchkeeper.identity.lockout-duration=15m")
class FirstAdminSetupIntegrationTests extends IntegrationTest {

	@Autowired
	FirstAdmin firstAdmin;

	@Autowired
	Users users;

	private final HttpClient browser = HttpClient.newBuilder().cookieHandler(new CookieManager()).build();

	@Test
	void theSetupTokenFromTheLogCreatesTheFirstAdminOnceWhoMustThenEnrolMfa() throws Exception {
		String token = firstAdmin.setupToken().orElseThrow();

		var wrongToken = post("/setup", Map.of("token", "guess", "email", "eve@example.com", "name", "Eve", "password",
				"a long enough password"));
		assertThat(wrongToken.statusCode()).isEqualTo(403);
		assertThat(users.findByEmail("eve@example.com")).isEmpty();

		var created = post("/setup", Map.of("token", token, "email", "ada@example.com", "name", "Ada", "password",
				"a long enough password"));
		assertThat(created.statusCode()).isEqualTo(302);
		assertThat(created.headers().firstValue("Location").orElseThrow()).endsWith("/account/mfa?required");
		assertThat(users.findByEmail("ada@example.com"))
			.hasValueSatisfying(u -> assertThat(u.role()).isEqualTo(Role.ADMIN));

		assertThat(get("/setup").headers().firstValue("Location").orElseThrow()).as("setup is closed now")
			.endsWith("/login");
		var again = post("/setup", Map.of("token", token, "email", "mallory@example.com", "name", "M", "password",
				"a long enough password"));
		assertThat(again.statusCode()).isEqualTo(409);
		assertThat(users.findByEmail("mallory@example.com")).isEmpty();
	}

	private HttpResponse<String> get(String path) throws Exception {
		return browser.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).build(),
				HttpResponse.BodyHandlers.ofString());
	}

	private HttpResponse<String> post(String path, Map<String, String> fields) throws Exception {
		String page = get("/login").body();
		var csrf = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"").matcher(page);
		assertThat(csrf.find()).as("the login page carries a CSRF token").isTrue();
		var form = new java.util.HashMap<>(fields);
		form.put("_csrf", csrf.group(1));
		String body = form.entrySet()
			.stream()
			.map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
			.collect(Collectors.joining("&"));
		return browser.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
			.header("Content-Type", "application/x-www-form-urlencoded")
			.POST(HttpRequest.BodyPublishers.ofString(body))
			.build(), HttpResponse.BodyHandlers.ofString());
	}

}
