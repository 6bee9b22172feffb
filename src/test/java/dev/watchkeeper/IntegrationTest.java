package dev.watchkeeper;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Base of full-application tests: the real app on a random port with its own embedded
 * PostgreSQL in a fresh data directory. Tests that extend it share one application
 * context.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
public abstract class IntegrationTest {

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
