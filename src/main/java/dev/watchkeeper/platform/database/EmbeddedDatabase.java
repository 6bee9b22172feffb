package dev.watchkeeper.platform.database;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;

import javax.sql.DataSource;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The PostgreSQL server Watchkeeper runs for itself when no {@code DATABASE_URL} is
 * given. Its data lives in {@code <data dir>/postgres} and survives restarts; a server
 * orphaned by a {@code kill -9} of the previous JVM is stopped before a new one starts on
 * the same data.
 */
public final class EmbeddedDatabase implements AutoCloseable {

	private static final Logger log = LoggerFactory.getLogger(EmbeddedDatabase.class);

	private static final Duration ORPHAN_STOP_TIMEOUT = Duration.ofSeconds(20);

	private final EmbeddedPostgres postgres;

	private EmbeddedDatabase(EmbeddedPostgres postgres) {
		this.postgres = postgres;
	}

	public static EmbeddedDatabase start(Path dataDir) {
		Path directory = dataDir.resolve("postgres").toAbsolutePath().normalize();
		try {
			Files.createDirectories(directory);
			stopOrphanedServer(directory);
			long started = System.nanoTime();
			EmbeddedPostgres postgres = EmbeddedPostgres.builder()
				.setDataDirectory(directory)
				.setCleanDataDirectory(false)
				// Spring stops it after everything that uses the database, not a JVM hook
				// racing it
				.setRegisterShutdownHook(false)
				.setPGStartupWait(Duration.ofSeconds(60))
				.setServerConfig("listen_addresses", "127.0.0.1")
				// the library starts PostgreSQL with fsync and synchronous commit off,
				// fit for
				// throw-away test databases; Watchkeeper's data must survive a crash
				.setServerConfig("fsync", "on")
				.setServerConfig("synchronous_commit", "on")
				.setServerConfig("full_page_writes", "on")
				// a new 16 MB WAL segment is not zero-filled while commits wait for it:
				// busy intake fills one every few seconds, and each fill held every
				// commit for 50-70 ms; WAL writes are still flushed before a commit
				// returns
				.setServerConfig("wal_init_zero", "off")
				.setServerConfig("max_connections", "100")
				.start();
			log.info("Embedded PostgreSQL started on 127.0.0.1:{} with data in {} ({} ms)", postgres.getPort(),
					directory, (System.nanoTime() - started) / 1_000_000);
			return new EmbeddedDatabase(postgres);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Embedded PostgreSQL did not start with data in " + directory, ex);
		}
	}

	public String jdbcUrl() {
		return "jdbc:postgresql://127.0.0.1:" + postgres.getPort() + "/postgres";
	}

	public DataSource unpooled() {
		return postgres.getPostgresDatabase();
	}

	/**
	 * A {@code kill -9} of the JVM leaves the postmaster running with
	 * {@code postmaster.pid} in the data directory; stop it so that the data directory
	 * can be used again, and remove a pid file whose process is gone.
	 */
	static void stopOrphanedServer(Path directory) throws IOException {
		Path pidFile = directory.resolve("postmaster.pid");
		Optional<Long> pid = readPid(pidFile);
		if (pid.isEmpty()) {
			return;
		}
		Optional<ProcessHandle> process = ProcessHandle.of(pid.get()).filter(ProcessHandle::isAlive);
		if (process.isPresent() && isPostgres(process.get())) {
			log.warn("Stopping PostgreSQL (pid {}) left running on {} by an earlier Watchkeeper", pid.get(), directory);
			ProcessHandle server = process.get();
			server.destroy();
			if (!awaitExit(server, ORPHAN_STOP_TIMEOUT)) {
				server.destroyForcibly();
				awaitExit(server, ORPHAN_STOP_TIMEOUT);
			}
		}
		if (Files.deleteIfExists(pidFile)) {
			log.info("Removed stale {}", pidFile);
		}
	}

	private static Optional<Long> readPid(Path pidFile) throws IOException {
		if (!Files.isRegularFile(pidFile)) {
			return Optional.empty();
		}
		String first = Files.readAllLines(pidFile).stream().findFirst().orElse("").trim();
		return first.matches("\\d+") ? Optional.of(Long.parseLong(first)) : Optional.empty();
	}

	private static boolean isPostgres(ProcessHandle process) {
		return process.info().command().map(command -> command.contains("postgres")).orElse(true);
	}

	private static boolean awaitExit(ProcessHandle process, Duration timeout) {
		try {
			process.onExit().get(timeout.toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS);
			return true;
		}
		catch (java.util.concurrent.TimeoutException ex) {
			return false;
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return false;
		}
		catch (java.util.concurrent.ExecutionException ex) {
			return !process.isAlive();
		}
	}

	@Override
	public void close() throws IOException {
		postgres.close();
		log.info("Embedded PostgreSQL stopped");
	}

}
