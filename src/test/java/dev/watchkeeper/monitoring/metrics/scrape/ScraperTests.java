package dev.watchkeeper.monitoring.metrics.scrape;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.atomic.AtomicReference;
import java.util.zip.GZIPOutputStream;

import com.sun.net.httpserver.HttpServer;
import dev.watchkeeper.TestClock;
import dev.watchkeeper.monitoring.metrics.MetricStore;
import dev.watchkeeper.monitoring.metrics.Metrics;
import dev.watchkeeper.monitoring.metrics.promql.Engine;
import dev.watchkeeper.monitoring.metrics.promql.Value;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ScraperTests {

	private final TestClock clock = new TestClock();

	private final MetricStore store = new MetricStore(clock, Duration.ofHours(24), 1L << 30);

	private final Metrics metrics = new Metrics(store, new Engine(store, 300_000), clock);

	private final ScheduledExecutorService deadlines = Executors.newSingleThreadScheduledExecutor();

	private final HttpClient client = HttpClient.newHttpClient();

	private final AtomicReference<String> body = new AtomicReference<>("");

	private final AtomicReference<Integer> status = new AtomicReference<>(200);

	private final AtomicReference<Boolean> gzip = new AtomicReference<>(false);

	private HttpServer server;

	@BeforeEach
	void start() throws IOException {
		server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
		server.createContext("/metrics", (exchange) -> {
			byte[] bytes = body.get().getBytes(StandardCharsets.UTF_8);
			if (gzip.get()) {
				var out = new java.io.ByteArrayOutputStream();
				try (var z = new GZIPOutputStream(out)) {
					z.write(bytes);
				}
				bytes = out.toByteArray();
				exchange.getResponseHeaders().add("Content-Encoding", "gzip");
			}
			exchange.sendResponseHeaders(status.get(), bytes.length);
			try (OutputStream out = exchange.getResponseBody()) {
				out.write(bytes);
			}
		});
		server.createContext("/slow", (exchange) -> {
			exchange.sendResponseHeaders(200, 0);
			try (OutputStream out = exchange.getResponseBody()) {
				for (int i = 0; i < 50; i++) {
					out.write("x 1\n".getBytes(StandardCharsets.UTF_8));
					out.flush();
					Thread.sleep(100);
				}
			}
			catch (InterruptedException | IOException ex) {
				// the client gave up
			}
		});
		server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
		server.start();
	}

	@AfterEach
	void stop() {
		server.stop(0);
		deadlines.shutdownNow();
	}

	private ScrapeTarget target(String path, Duration timeout) {
		Instant now = clock.instant();
		return new ScrapeTarget(UUID.randomUUID(), "http://127.0.0.1:" + server.getAddress().getPort() + path, "api",
				"checkout", "production", Duration.ofSeconds(15), timeout, Map.of("team", "payments"), true, now, now);
	}

	private Scraper scraper(long limit) {
		return new Scraper(metrics, client, clock, limit, deadlines);
	}

	private String instant(String query) {
		Value v = metrics.query(query, clock.instant());
		StringBuilder sb = new StringBuilder();
		for (Value.Sample s : ((Value.Vector) v).samples()) {
			sb.append(s.labels()).append(' ').append(s.value()).append('\n');
		}
		return sb.toString();
	}

	@Test
	void scrapesTheExpositionFormatWithTargetLabelsAndReportSeries() {
		body.set("""
				# HELP http_requests_total Requests.
				# TYPE http_requests_total counter
				http_requests_total{method="GET",path="/a\\"b\\\\c\\nd"} 12
				http_requests_total{method="POST",job="exported"} 3
				# TYPE latency_seconds histogram
				latency_seconds_bucket{le="0.1"} 4
				latency_seconds_bucket{le="+Inf"} 5
				latency_seconds_sum 0.7
				latency_seconds_count 5
				old_sample 7 1000
				""");
		Scraper scraper = scraper(1 << 20);
		Scraper.TargetState state = new Scraper.TargetState(target("/metrics", Duration.ofSeconds(5)));

		ScrapeTargets.Status result = scraper.scrape(state);

		assertThat(result.up()).isTrue();
		assertThat(result.samples()).isEqualTo(7);
		String instance = "127.0.0.1:" + server.getAddress().getPort();
		assertThat(instant("up")).isEqualTo("up{environment=\"production\", instance=\"" + instance
				+ "\", job=\"api\", service=\"checkout\", team=\"payments\"} 1.0\n");
		assertThat(instant("scrape_samples_scraped")).endsWith(" 7.0\n");
		assertThat(instant("http_requests_total{method=\"POST\"}")).contains("exported_job=\"exported\"")
			.contains("job=\"api\"");
		assertThat(instant("http_requests_total{path=\"/a\\\"b\\\\c\\nd\"}")).endsWith(" 12.0\n");
		assertThat(instant("histogram_quantile(0.5, latency_seconds_bucket)")).isNotEmpty();
		// an explicit timestamp is kept: 1 s after the epoch, outside the lookback now
		assertThat(instant("old_sample")).isEmpty();
	}

	@Test
	void aSeriesThatDisappearsIsMarkedStaleAndAFailedScrapeMarksAllStale() {
		body.set("a 1\nb 2\n");
		Scraper scraper = scraper(1 << 20);
		Scraper.TargetState state = new Scraper.TargetState(target("/metrics", Duration.ofSeconds(5)));
		scraper.scrape(state);
		clock.advance(Duration.ofSeconds(15));
		body.set("a 1\n");
		scraper.scrape(state);
		// without the marker b would still be returned for 5 minutes
		assertThat(instant("b")).isEmpty();
		assertThat(instant("a")).isNotEmpty();
		assertThat(instant("scrape_series_added")).endsWith(" 0.0\n");

		clock.advance(Duration.ofSeconds(15));
		status.set(500);
		ScrapeTargets.Status failed = scraper.scrape(state);
		assertThat(failed.up()).isFalse();
		assertThat(failed.error()).isEqualTo("server returned HTTP status 500");
		assertThat(instant("a")).isEmpty();
		assertThat(instant("up")).endsWith(" 0.0\n");

		clock.advance(Duration.ofSeconds(15));
		status.set(200);
		gzip.set(true);
		body.set("a 5\n");
		assertThat(scraper.scrape(state).up()).isTrue();
		assertThat(instant("a")).endsWith(" 5.0\n");
		assertThat(instant("scrape_series_added")).endsWith(" 1.0\n");

		scraper.stop(state);
		assertThat(instant("a")).isEmpty();
		assertThat(instant("up")).isEmpty();
	}

	@Test
	void aBodyOverTheCapAndAnInvalidBodyFailTheScrapeAndStoreNothing() {
		body.set("big_series 1\n".repeat(200));
		Scraper.TargetState state = new Scraper.TargetState(target("/metrics", Duration.ofSeconds(5)));
		ScrapeTargets.Status result = scraper(1000).scrape(state);
		assertThat(result.up()).isFalse();
		assertThat(result.error()).isEqualTo("body size limit of 1000 bytes exceeded");
		assertThat(instant("big_series")).isEmpty();

		body.set("good 1\nbad{ 2\n");
		result = scraper(1 << 20).scrape(state);
		assertThat(result.up()).isFalse();
		assertThat(result.error()).startsWith("invalid exposition format: line 2:");
		assertThat(instant("good")).isEmpty();
	}

	@Test
	void aSlowTargetFailsAtItsTimeout() {
		Scraper.TargetState state = new Scraper.TargetState(target("/slow", Duration.ofMillis(500)));
		long started = System.nanoTime();
		ScrapeTargets.Status result = scraper(1 << 20).scrape(state);
		long tookMillis = (System.nanoTime() - started) / 1_000_000;
		assertThat(result.up()).isFalse();
		assertThat(result.error()).contains("timed out");
		assertThat(tookMillis).isLessThan(2500);
		assertThat(instant("x")).isEmpty();
	}

	@Test
	void anUnreachableTargetIsDown() throws IOException {
		var socket = new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress());
		int port = socket.getLocalPort();
		socket.close();
		Instant now = clock.instant();
		ScrapeTarget t = new ScrapeTarget(UUID.randomUUID(), "http://127.0.0.1:" + port + "/metrics", "gone", null,
				null, Duration.ofSeconds(15), Duration.ofSeconds(2), Map.of(), true, now, now);
		ScrapeTargets.Status result = scraper(1 << 20).scrape(new Scraper.TargetState(t));
		assertThat(result.up()).isFalse();
		assertThat(result.error()).contains("ConnectException");
		assertThat(instant("up{job=\"gone\"}"))
			.isEqualTo("up{instance=\"127.0.0.1:" + port + "\", job=\"gone\"} 0.0\n");
	}

}
