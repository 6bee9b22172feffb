package dev.watchkeeper.monitoring.metrics;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The Debian {@code prometheus} binary on loopback over a data directory backfilled with
 * {@code promtool}. Started and stopped by process id.
 */
final class RealPrometheus implements AutoCloseable {

	private final Process process;

	private final int port;

	private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

	private final JsonMapper json = JsonMapper.builder().build();

	private RealPrometheus(Process process, int port) {
		this.process = process;
		this.port = port;
	}

	static Path binary(String name) {
		for (String dir : System.getenv().getOrDefault("PATH", "").split(":")) {
			Path p = Path.of(dir, name);
			if (!dir.isEmpty() && Files.isExecutable(p)) {
				return p;
			}
		}
		Path fallback = Path.of("/usr/bin", name);
		if (Files.isExecutable(fallback)) {
			return fallback;
		}
		throw new IllegalStateException(name + " not found on PATH or in /usr/bin: install the prometheus package");
	}

	/**
	 * Backfills OpenMetrics text into a fresh data directory and starts Prometheus on it.
	 */
	static RealPrometheus start(Path work, String openMetrics) throws IOException, InterruptedException {
		Path data = Files.createDirectories(work.resolve("data"));
		Path input = work.resolve("input.om");
		Files.writeString(input, openMetrics);
		Process promtool = new ProcessBuilder(binary("promtool").toString(), "tsdb", "create-blocks-from",
				"openmetrics", input.toString(), data.toString())
			.redirectErrorStream(true)
			.redirectOutput(work.resolve("promtool.log").toFile())
			.start();
		if (!promtool.waitFor(120, TimeUnit.SECONDS) || promtool.exitValue() != 0) {
			promtool.destroyForcibly();
			throw new IllegalStateException("promtool failed: " + Files.readString(work.resolve("promtool.log")));
		}
		Path config = work.resolve("prometheus.yml");
		Files.writeString(config, "global:\n  scrape_interval: 15s\n");
		int port;
		try (ServerSocket socket = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
			port = socket.getLocalPort();
		}
		Process p = new ProcessBuilder(binary("prometheus").toString(), "--config.file=" + config,
				"--storage.tsdb.path=" + data, "--web.listen-address=127.0.0.1:" + port,
				"--storage.tsdb.retention.time=3650d", "--log.level=warn")
			.redirectErrorStream(true)
			.redirectOutput(work.resolve("prometheus.log").toFile())
			.start();
		RealPrometheus prometheus = new RealPrometheus(p, port);
		prometheus.awaitReady(work);
		return prometheus;
	}

	private void awaitReady(Path work) throws IOException, InterruptedException {
		long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
		while (System.nanoTime() < deadline && process.isAlive()) {
			try {
				HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(base() + "/-/ready")).build(),
						HttpResponse.BodyHandlers.ofString());
				if (r.statusCode() == 200) {
					return;
				}
			}
			catch (IOException ex) {
				// not listening yet
			}
			Thread.sleep(200);
		}
		close();
		throw new IllegalStateException(
				"prometheus did not become ready: " + Files.readString(work.resolve("prometheus.log")));
	}

	private String base() {
		return "http://127.0.0.1:" + port;
	}

	/**
	 * GETs an API path with form parameters (name, value, name, value...) and returns the
	 * JSON.
	 */
	JsonNode get(String path, String... params) throws IOException, InterruptedException {
		StringBuilder query = new StringBuilder();
		for (int i = 0; i < params.length; i += 2) {
			query.append(query.isEmpty() ? "?" : "&")
				.append(params[i])
				.append('=')
				.append(URLEncoder.encode(params[i + 1], StandardCharsets.UTF_8));
		}
		HttpResponse<String> r = http.send(
				HttpRequest.newBuilder(URI.create(base() + path + query)).timeout(Duration.ofSeconds(30)).build(),
				HttpResponse.BodyHandlers.ofString());
		return json.readTree(r.body());
	}

	@Override
	public void close() {
		process.destroy();
		try {
			if (!process.waitFor(10, TimeUnit.SECONDS)) {
				process.destroyForcibly();
				process.waitFor(10, TimeUnit.SECONDS);
			}
		}
		catch (InterruptedException ex) {
			process.destroyForcibly();
			Thread.currentThread().interrupt();
		}
	}

}
