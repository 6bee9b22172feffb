package dev.watchkeeper.platform;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Watchkeeper started as its own operating-system process, as a user would run it, for
 * tests of start-up failures and crash recovery.
 */
final class WatchkeeperProcess implements AutoCloseable {

	private final Process process;

	private final Path log;

	final int port;

	private WatchkeeperProcess(Process process, Path log, int port) {
		this.process = process;
		this.log = log;
		this.port = port;
	}

	static WatchkeeperProcess start(Path dataDir, Map<String, String> environment) throws IOException {
		return start(dataDir, environment, Path.of("").toAbsolutePath());
	}

	/**
	 * Starts with {@code workingDirectory} as the current directory, where
	 * {@code config/} is read.
	 */
	static WatchkeeperProcess start(Path dataDir, Map<String, String> environment, Path workingDirectory)
			throws IOException {
		int port = freePort();
		String java = ProcessHandle.current().info().command().orElse("java");
		Path log = Files.createTempFile(Path.of("target").toAbsolutePath(), "watchkeeper-process-", ".log");
		var builder = new ProcessBuilder(java, "-Xmx512m", "-cp", System.getProperty("java.class.path"),
				"dev.watchkeeper.WatchkeeperApplication")
			.directory(workingDirectory.toFile())
			.redirectErrorStream(true)
			.redirectOutput(log.toFile());
		var env = builder.environment();
		env.keySet()
			.removeIf(key -> key.startsWith("WATCHKEEPER_") || key.equals("DATABASE_URL") || key.equals("SECRET_KEY")
					|| key.equals("ENVIRONMENT"));
		env.put("PORT", Integer.toString(port));
		env.put("WATCHKEEPER_DATA_DIR", dataDir.toString());
		env.putAll(environment);
		return new WatchkeeperProcess(builder.start(), log, port);
	}

	static int freePort() throws IOException {
		try (var socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
	}

	/**
	 * Waits until /health/ready answers 200 (after start-up work such as creating the
	 * first admin and its token, which /health does not wait for), or fails with the
	 * process output.
	 */
	void awaitHealthy(Duration timeout) throws Exception {
		var http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();
		long deadline = System.nanoTime() + timeout.toNanos();
		while (System.nanoTime() < deadline) {
			if (!process.isAlive()) {
				throw new AssertionError("Watchkeeper exited with " + process.exitValue() + ":\n" + output());
			}
			try {
				var response = http.send(HttpRequest.newBuilder(URI.create(url("/health/ready"))).build(),
						HttpResponse.BodyHandlers.discarding());
				if (response.statusCode() == 200) {
					return;
				}
			}
			catch (IOException ex) {
				// not listening yet
			}
			Thread.sleep(200);
		}
		throw new AssertionError("Watchkeeper did not become healthy in " + timeout + ":\n" + output());
	}

	int awaitExit(Duration timeout) throws InterruptedException {
		if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
			throw new AssertionError("Watchkeeper did not exit within " + timeout);
		}
		return process.exitValue();
	}

	/** SIGKILL: no shutdown hooks, no chance to stop the embedded PostgreSQL. */
	void kill9() throws InterruptedException {
		process.destroyForcibly();
		process.waitFor(30, TimeUnit.SECONDS);
	}

	String url(String path) {
		return "http://127.0.0.1:" + port + path;
	}

	String output() throws IOException {
		return Files.readString(log);
	}

	@Override
	public void close() throws Exception {
		if (process.isAlive()) {
			process.destroy();
			if (!process.waitFor(30, TimeUnit.SECONDS)) {
				process.destroyForcibly();
			}
		}
	}

}
