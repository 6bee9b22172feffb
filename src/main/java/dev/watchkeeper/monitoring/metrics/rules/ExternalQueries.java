package dev.watchkeeper.monitoring.metrics.rules;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Evaluates an expression on an external Prometheus-compatible query API (Prometheus,
 * Mimir, Thanos, VictoriaMetrics) through {@code /api/v1/query}, and reads the vector or
 * scalar it answers.
 */
final class ExternalQueries {

	private static final long MAX_BODY = 64L * 1024 * 1024;

	private final HttpClient client;

	private final JsonMapper json;

	private final Duration timeout;

	ExternalQueries(HttpClient client, JsonMapper json, Duration timeout) {
		this.client = client;
		this.json = json;
		this.timeout = timeout;
	}

	/** A query that failed; the message says why, as shown on the rule. */
	static final class QueryFailure extends RuntimeException {

		private static final long serialVersionUID = 1L;

		QueryFailure(String message) {
			super(message, null, false, false);
		}

	}

	List<AlertState.Result> query(URI base, String expr, Instant at) {
		String root = base.toString().replaceAll("/+$", "");
		String time = String.format(Locale.ROOT, "%.3f", at.toEpochMilli() / 1000.0);
		URI uri = URI
			.create(root + "/api/v1/query?query=" + URLEncoder.encode(expr, StandardCharsets.UTF_8) + "&time=" + time);
		HttpRequest request = HttpRequest.newBuilder(uri)
			.timeout(timeout)
			.header("Accept", "application/json")
			.header("User-Agent", "Watchkeeper")
			.GET()
			.build();
		HttpResponse<InputStream> response;
		byte[] bytes;
		long deadline = System.nanoTime() + timeout.toNanos();
		try {
			response = client.send(request, HttpResponse.BodyHandlers.ofInputStream());
			InputStream in = response.body();
			// the request timeout ends with the headers; a slow body is cut at the
			// deadline
			Thread watchdog = Thread.ofVirtual().start(() -> {
				long left = deadline - System.nanoTime();
				if (left > 0) {
					java.util.concurrent.locks.LockSupport.parkNanos(left);
				}
				if (!Thread.currentThread().isInterrupted()) {
					try {
						in.close();
					}
					catch (IOException ex) {
						// only ending a read past the deadline
					}
				}
			});
			try (in) {
				bytes = in.readNBytes((int) MAX_BODY + 1);
			}
			finally {
				watchdog.interrupt();
			}
		}
		catch (IOException ex) {
			if (System.nanoTime() - deadline >= 0) {
				throw new QueryFailure("querying " + root + " timed out after " + timeout.toMillis() + " ms");
			}
			throw new QueryFailure("querying " + root + " failed: " + ex.getClass().getSimpleName()
					+ (ex.getMessage() == null ? "" : ": " + ex.getMessage()));
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new QueryFailure("interrupted");
		}
		if (bytes.length > MAX_BODY) {
			throw new QueryFailure("the answer of " + root + " is larger than " + MAX_BODY + " bytes");
		}
		JsonNode body;
		try {
			body = json.readTree(bytes);
		}
		catch (JacksonException ex) {
			throw new QueryFailure(root + " answered HTTP " + response.statusCode() + " without JSON");
		}
		if (!"success".equals(body.path("status").asString(""))) {
			throw new QueryFailure(root + " answered HTTP " + response.statusCode() + ": "
					+ body.path("errorType").asString("") + " " + body.path("error").asString(""));
		}
		JsonNode data = body.path("data");
		String type = data.path("resultType").asString("");
		List<AlertState.Result> out = new ArrayList<>();
		switch (type) {
			case "vector" -> {
				for (JsonNode sample : data.path("result")) {
					Map<String, String> labels = new TreeMap<>();
					for (var e : sample.path("metric").properties()) {
						labels.put(e.getKey(), e.getValue().asString(""));
					}
					out.add(new AlertState.Result(labels, value(sample.path("value").path(1).asString(""))));
				}
			}
			case "scalar" -> out.add(new AlertState.Result(Map.of(), value(data.path("result").path(1).asString(""))));
			default -> throw new QueryFailure(root + " answered a " + type + ", not a vector or scalar");
		}
		return out;
	}

	private static double value(String text) {
		return switch (text) {
			case "+Inf", "Inf" -> Double.POSITIVE_INFINITY;
			case "-Inf" -> Double.NEGATIVE_INFINITY;
			case "NaN" -> Double.NaN;
			default -> {
				try {
					yield Double.parseDouble(text);
				}
				catch (NumberFormatException ex) {
					throw new QueryFailure("not a sample value: \"" + text + "\"");
				}
			}
		};
	}

}
