package dev.watchkeeper;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Base of full-application tests: the real app on a random port with its own embedded
 * PostgreSQL in a fresh data directory. Tests that extend it share one application
 * context.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
public abstract class IntegrationTest {

	@LocalServerPort
	protected int port;

	protected final HttpClient http = HttpClient.newHttpClient();

	/**
	 * Calls the running app on 127.0.0.1 with a JSON body and, when given, a bearer
	 * token.
	 */
	protected HttpResponse<String> send(String method, String path, String token, String body) throws Exception {
		var request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
			.header("Content-Type", "application/json")
			.method(method,
					body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
		if (token != null) {
			request.header("Authorization", "Bearer " + token);
		}
		return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
	}

	@DynamicPropertySource
	static void freshDataDirectory(DynamicPropertyRegistry registry) {
		Path dir = newDataDirectory();
		registry.add("watchkeeper.data-dir", dir::toString);
		// every test client is 127.0.0.1: throttling by address is tested on its own
		registry.add("watchkeeper.identity.login-failures-per-address", () -> "100000");
	}

	public static Path newDataDirectory() {
		try {
			Path target = Path.of("target", "test-data");
			Files.createDirectories(target);
			return Files.createTempDirectory(target, "wk-").toAbsolutePath();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
