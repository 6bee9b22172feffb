package dev.watchkeeper.monitoring.metrics.scrape;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.zip.GZIPInputStream;

import dev.watchkeeper.monitoring.metrics.Labels;
import dev.watchkeeper.monitoring.metrics.Metrics;
import dev.watchkeeper.monitoring.metrics.StaleMarker;
import dev.watchkeeper.monitoring.metrics.TextExposition;

/**
 * Scrapes one target as Prometheus does: reads the text exposition format within the
 * timeout and the body cap, labels every series with the target's labels ({@code job},
 * {@code instance}, …; a scraped label of the same name becomes {@code exported_<name>}),
 * writes {@code up}, {@code scrape_duration_seconds}, {@code scrape_samples_scraped},
 * {@code scrape_samples_post_metric_relabeling} and {@code scrape_series_added}, and
 * writes a staleness marker for every series of the previous scrape that is gone (all of
 * them when the scrape fails).
 */
final class Scraper {

	static final String ACCEPT = "text/plain;version=0.0.4;q=1,*/*;q=0.1";

	private final Metrics metrics;

	private final HttpClient client;

	private final Clock clock;

	private final long bodyLimit;

	private final ScheduledExecutorService deadlines;

	Scraper(Metrics metrics, HttpClient client, Clock clock, long bodyLimit, ScheduledExecutorService deadlines) {
		this.metrics = metrics;
		this.client = client;
		this.clock = clock;
		this.bodyLimit = bodyLimit;
		this.deadlines = deadlines;
	}

	/** What one target's last scrape left behind, for the next one and for the UI. */
	static final class TargetState {

		final ScrapeTarget target;

		final Labels targetLabels;

		Set<Labels> previous = Set.of();

		volatile ScrapeTargets.Status status;

		volatile Instant leaseUntil = Instant.EPOCH;

		TargetState(ScrapeTarget target) {
			this.target = target;
			this.targetLabels = targetLabels(target);
		}

	}

	static Labels targetLabels(ScrapeTarget target) {
		Labels.Builder b = Labels.EMPTY.toBuilder();
		target.labels().forEach(b::set);
		if (target.service() != null && !target.service().isEmpty()) {
			b.set("service", target.service());
		}
		if (target.environment() != null && !target.environment().isEmpty()) {
			b.set("environment", target.environment());
		}
		b.set("job", target.job());
		// only the self-scrape brings its own instance (the node's host name); the API
		// refuses it as an extra label
		b.set("instance", target.labels().getOrDefault("instance", target.instance()));
		return b.build();
	}

	/** Scrapes once, stores what it read and returns the outcome. */
	ScrapeTargets.Status scrape(TargetState state) {
		ScrapeTarget target = state.target;
		long start = clock.millis();
		long started = System.nanoTime();
		List<TextExposition.Sample> samples = List.of();
		String error = null;
		try {
			byte[] body = fetch(target);
			samples = TextExposition.parse(new String(body, StandardCharsets.UTF_8), start);
		}
		catch (ScrapeFailure ex) {
			error = ex.getMessage();
		}
		catch (TextExposition.FormatException ex) {
			error = "invalid exposition format: " + ex.getMessage();
		}
		double seconds = (System.nanoTime() - started) / 1e9;
		Set<Labels> seen = new HashSet<>(Math.max(16, state.previous.size() * 2));
		for (TextExposition.Sample s : samples) {
			Labels labels = relabel(s.labels(), state.targetLabels);
			metrics.append(labels, s.timestampMillis(), s.value());
			if (s.timestampMillis() == start) {
				seen.add(labels);
			}
		}
		int added = 0;
		for (Labels labels : seen) {
			if (!state.previous.contains(labels)) {
				added++;
			}
		}
		for (Labels gone : state.previous) {
			if (!seen.contains(gone)) {
				metrics.append(gone, start, StaleMarker.VALUE);
			}
		}
		state.previous = seen;
		report(state.targetLabels, start, error == null ? 1 : 0, seconds, samples.size(), added);
		ScrapeTargets.Status status = new ScrapeTargets.Status(target.id(), error == null, Instant.ofEpochMilli(start),
				seconds, samples.size(), error);
		state.status = status;
		return status;
	}

	/**
	 * Marks every series of a target stale, as Prometheus does when a target goes away.
	 */
	void stop(TargetState state) {
		long now = clock.millis();
		for (Labels gone : state.previous) {
			metrics.append(gone, now, StaleMarker.VALUE);
		}
		state.previous = Set.of();
		if (state.status != null) {
			for (String name : REPORT) {
				metrics.append(state.targetLabels.toBuilder().set(Labels.METRIC_NAME, name).build(), now,
						StaleMarker.VALUE);
			}
		}
	}

	private static final List<String> REPORT = List.of("up", "scrape_duration_seconds", "scrape_samples_scraped",
			"scrape_samples_post_metric_relabeling", "scrape_series_added");

	private void report(Labels target, long at, double up, double seconds, int scraped, int added) {
		double[] values = { up, seconds, scraped, scraped, added };
		for (int i = 0; i < REPORT.size(); i++) {
			metrics.append(target.toBuilder().set(Labels.METRIC_NAME, REPORT.get(i)).build(), at, values[i]);
		}
	}

	/**
	 * Target labels win; a scraped label they replace is kept as {@code exported_<name>};
	 * empty values are dropped.
	 */
	static Labels relabel(Labels scraped, Labels target) {
		Labels.Builder b = scraped.toBuilder();
		for (int i = 0; i < target.size(); i++) {
			String name = target.name(i);
			String existing = scraped.get(name);
			if (existing != null && !existing.isEmpty()) {
				b.set("exported_" + name, existing);
			}
			b.set(name, target.value(i));
		}
		for (int i = 0; i < scraped.size(); i++) {
			if (scraped.value(i).isEmpty()) {
				b.delete(scraped.name(i));
			}
		}
		return b.build();
	}

	private byte[] fetch(ScrapeTarget target) {
		long timeoutMillis = target.timeout().toMillis();
		long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(timeoutMillis);
		HttpRequest request = HttpRequest.newBuilder(URI.create(target.url()))
			.timeout(target.timeout())
			.header("Accept", ACCEPT)
			.header("Accept-Encoding", "gzip")
			.header("User-Agent", "Watchkeeper")
			.header("X-Prometheus-Scrape-Timeout-Seconds", String.format(Locale.ROOT, "%.3f", timeoutMillis / 1000.0))
			.GET()
			.build();
		CompletableFuture<HttpResponse<InputStream>> pending = client.sendAsync(request,
				HttpResponse.BodyHandlers.ofInputStream());
		HttpResponse<InputStream> response;
		try {
			response = pending.get(timeoutMillis, TimeUnit.MILLISECONDS);
		}
		catch (TimeoutException ex) {
			pending.cancel(true);
			throw new ScrapeFailure("timed out after " + target.timeout().toMillis() + " ms");
		}
		catch (InterruptedException ex) {
			pending.cancel(true);
			Thread.currentThread().interrupt();
			throw new ScrapeFailure("interrupted");
		}
		catch (ExecutionException ex) {
			Throwable cause = ex.getCause();
			if (cause instanceof HttpTimeoutException) {
				throw new ScrapeFailure("timed out after " + target.timeout().toMillis() + " ms");
			}
			throw new ScrapeFailure(
					cause.getClass().getSimpleName() + (cause.getMessage() == null ? "" : ": " + cause.getMessage()));
		}
		InputStream stream = response.body();
		long left = Math.max(1, TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime()));
		ScheduledFuture<?> guard = deadlines.schedule(() -> closeQuietly(stream), left, TimeUnit.MILLISECONDS);
		try (stream) {
			if (response.statusCode() != 200) {
				throw new ScrapeFailure("server returned HTTP status " + response.statusCode());
			}
			boolean gzip = response.headers()
				.firstValue("Content-Encoding")
				.map((v) -> v.equalsIgnoreCase("gzip"))
				.orElse(false);
			return readCapped(gzip ? new GZIPInputStream(stream) : stream, deadline);
		}
		catch (IOException ex) {
			if (System.nanoTime() - deadline >= 0) {
				throw new ScrapeFailure("timed out after " + target.timeout().toMillis() + " ms");
			}
			throw new ScrapeFailure("reading the body failed: " + ex.getMessage());
		}
		finally {
			guard.cancel(false);
		}
	}

	private byte[] readCapped(InputStream in, long deadline) throws IOException {
		ByteArrayOutputStream out = new ByteArrayOutputStream(8192);
		byte[] buffer = new byte[8192];
		long total = 0;
		for (int n; (n = in.read(buffer)) >= 0;) {
			total += n;
			if (total > bodyLimit) {
				throw new ScrapeFailure("body size limit of " + bodyLimit + " bytes exceeded");
			}
			if (System.nanoTime() - deadline >= 0) {
				throw new ScrapeFailure("timed out while reading the body");
			}
			out.write(buffer, 0, n);
		}
		return out.toByteArray();
	}

	private static void closeQuietly(InputStream stream) {
		try {
			stream.close();
		}
		catch (IOException ex) {
			// closing only to end a read that ran past the deadline
		}
	}

	/** A scrape that failed, with the reason shown on the target. */
	static final class ScrapeFailure extends RuntimeException {

		private static final long serialVersionUID = 1L;

		ScrapeFailure(String message) {
			super(message, null, false, false);
		}

	}

}
