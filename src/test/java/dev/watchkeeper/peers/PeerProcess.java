package dev.watchkeeper.peers;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.stream.Stream;

/**
 * A real Prometheus or Alertmanager from the Debian packages, started on a free loopback
 * port with its own temporary data directory and stopped by its PID. Its output goes to
 * {@code target/peers/<name>-<port>.log} for when a test fails.
 */
public final class PeerProcess implements AutoCloseable {

	private static final Duration READY_TIMEOUT = Duration.ofSeconds(60);

	private final String name;

	private final Process process;

	private final int port;

	private final Path directory;

	private final Path log;

	private PeerProcess(String name, Process process, int port, Path directory, Path log) {
		this.name = name;
		this.process = process;
		this.port = port;
		this.directory = directory;
		this.log = log;
	}

	/**
	 * Starts Prometheus with this configuration (and rule files written beside it) on a
	 * free port, with a short alert resend delay and the lifecycle API for reloads.
	 * @param configuration the configuration; {@code %DIR%} is replaced by its directory
	 */
	public static PeerProcess prometheus(String configuration, List<NamedFile> files) throws Exception {
		return start("prometheus", "prometheus.yml", configuration, files,
				(dir) -> List.of("--storage.tsdb.path=" + dir.resolve("data"), "--web.enable-lifecycle",
						"--rules.alert.resend-delay=2s"));
	}

	/** Starts Alertmanager with this configuration on a free port, without clustering. */
	public static PeerProcess alertmanager(String configuration) throws Exception {
		return start("prometheus-alertmanager", "alertmanager.yml", configuration, List.of(),
				(dir) -> List.of("--storage.path=" + dir.resolve("data"), "--cluster.listen-address="));
	}

	/** A file written into the peer's directory before it starts. */
	public record NamedFile(String name, String content) {
	}

	private static PeerProcess start(String binary, String configName, String configuration, List<NamedFile> files,
			Function<Path, List<String>> options) throws Exception {
		Path directory = Files.createTempDirectory(logs(), binary + "-");
		Path config = directory.resolve(configName);
		Files.writeString(config, configuration.replace("%DIR%", directory.toString()));
		for (NamedFile file : files) {
			Files.writeString(directory.resolve(file.name()), file.content());
		}
		int port = freePort();
		List<String> command = new ArrayList<>(
				List.of(binary, "--config.file=" + config, "--web.listen-address=127.0.0.1:" + port));
		command.addAll(options.apply(directory));
		Path log = logs().resolve(binary + "-" + port + ".log");
		Process process;
		try {
			process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
		}
		catch (IOException ex) {
			throw new IllegalStateException(binary + " could not be started (is the Debian package installed? "
					+ ".ci/run installs it): " + ex.getMessage(), ex);
		}
		var peer = new PeerProcess(binary, process, port, directory, log);
		try {
			peer.awaitReady();
		}
		catch (Exception | AssertionError ex) {
			peer.close();
			throw ex;
		}
		return peer;
	}

	private void awaitReady() throws Exception {
		HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
		long deadline = System.nanoTime() + READY_TIMEOUT.toNanos();
		while (System.nanoTime() < deadline) {
			if (!process.isAlive()) {
				throw new AssertionError(
						name + " exited with " + process.exitValue() + " before it was ready:\n" + output());
			}
			try {
				var response = http.send(HttpRequest.newBuilder(url("/-/ready")).timeout(Duration.ofSeconds(2)).build(),
						HttpResponse.BodyHandlers.discarding());
				if (response.statusCode() == 200) {
					return;
				}
			}
			catch (IOException ex) {
				// not listening yet
			}
			Thread.sleep(100);
		}
		throw new AssertionError(name + " was not ready within " + READY_TIMEOUT.toSeconds() + " s:\n" + output());
	}

	public URI url(String path) {
		return URI.create("http://127.0.0.1:" + port + path);
	}

	public long pid() {
		return process.pid();
	}

	/** Rewrites a file in the peer's directory (e.g. a rule file before a reload). */
	public void write(String fileName, String content) throws IOException {
		Files.writeString(directory.resolve(fileName), content);
	}

	/** The peer's log so far, for failure messages. */
	public String output() {
		try {
			List<String> lines = Files.readAllLines(log);
			return String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
		}
		catch (IOException ex) {
			return "(no log: " + ex.getMessage() + ")";
		}
	}

	/** SIGTERM to the peer's PID, then SIGKILL if it has not exited after 10 s. */
	@Override
	public void close() throws Exception {
		process.destroy();
		if (!process.waitFor(10, TimeUnit.SECONDS)) {
			process.destroyForcibly();
			process.waitFor(10, TimeUnit.SECONDS);
		}
		try (Stream<Path> paths = Files.walk(directory)) {
			paths.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
		}
	}

	static int freePort() throws IOException {
		try (var socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
			return socket.getLocalPort();
		}
	}

	private static Path logs() {
		try {
			return Files.createDirectories(Path.of("target", "peers").toAbsolutePath());
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	@Override
	public String toString() {
		return name + " (pid " + process.pid() + ", " + url("/") + ")";
	}

}
