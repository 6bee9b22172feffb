package dev.watchkeeper.bench;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

class LoadDriverTests {

	private HttpServer server;

	@TempDir
	Path directory;

	private final AtomicInteger posts = new AtomicInteger();

	private final Set<String> bodies = ConcurrentHashMap.newKeySet();

	@BeforeEach
	void startServer() throws IOException {
		server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
		server.createContext("/alerts", exchange -> {
			if ("POST".equals(exchange.getRequestMethod())) {
				posts.incrementAndGet();
				bodies.add(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
			}
			exchange.sendResponseHeaders(200, -1);
			exchange.close();
		});
		server.start();
	}

	@AfterEach
	void stopServer() {
		server.stop(0);
	}

	private LoadSettings settings(String... options) {
		var args = new java.util.ArrayList<>(
				List.of("--url", "http://127.0.0.1:" + server.getAddress().getPort() + "/alerts"));
		args.addAll(List.of(options));
		return LoadSettings.parse(args.toArray(String[]::new));
	}

	@Test
	void aClosedLoopStopsAtItsRequestLimitAndPostsEveryBodyWithItsOwnNumber() throws Exception {
		Path file = Files.writeString(directory.resolve("bodies.jsonl"), "[\"@SEQ@\"]\n");
		var settings = settings("--clients", "4", "--max-requests", "40", "--duration", "20", "--warmup", "0",
				"--body-file", file.toString());
		var result = new LoadDriver(settings, RequestBodies.read(settings.bodyFile())).run();
		assertThat(posts.get()).isEqualTo(40);
		assertThat(bodies).hasSize(40);
		assertThat(result.completed()).isEqualTo(40);
		assertThat(result.statuses()).containsEntry(200, 40L);
		assertThat(result.elapsedNanos()).as("did not run to the time bound").isLessThan(20_000_000_000L);
		assertThat(result.report(settings)).contains("POST").contains("4 closed-loop clients");
	}

	@Test
	void theOpenModelPostsAtItsRate() throws Exception {
		var settings = settings("--rate", "50", "--duration", "1", "--warmup", "0");
		var result = new LoadDriver(settings, new RequestBodies(List.of("[]"), Clock.systemUTC())).run();
		assertThat(posts.get()).isEqualTo(50);
		assertThat(result.completed()).isEqualTo(50);
	}

}
