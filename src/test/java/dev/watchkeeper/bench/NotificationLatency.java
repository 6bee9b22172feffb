package dev.watchkeeper.bench;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Pattern;

import com.sun.net.httpserver.HttpServer;

/**
 * Measures the time from "alert accepted" (the intake's 200 reaching the sender) to "the
 * webhook notification about it received" by a peer listening on 127.0.0.1. Each alert
 * carries a unique {@code bench_id} label, so with {@code group_by: ['...']} and
 * {@code group_wait: 0s} every alert is its own group and is notified at once.
 *
 * <pre>
 * NotificationLatency --url URL --token TOKEN --receiver-port PORT [--rate 20] [--seconds 30]
 * </pre>
 *
 * Alerts are posted at a constant rate (open model) for a bounded time; afterwards the
 * receiver waits at most 15 s for the last notifications. Prints percentiles of the
 * latency, and how many alerts were never notified or were notified more than once.
 */
public final class NotificationLatency {

	private static final Pattern BENCH_ID = Pattern.compile("\"bench_id\"\\s*:\\s*\"(\\d+)\"");

	private static final int MAX_RATE = 500;

	private static final int MAX_SECONDS = 300;

	private NotificationLatency() {
	}

	public static void main(String[] args) throws Exception {
		Map<String, String> options = options(args);
		URI url = URI.create(required(options, "--url"));
		String token = required(options, "--token");
		int receiverPort = Integer.parseInt(required(options, "--receiver-port"));
		int rate = bounded(options.getOrDefault("--rate", "20"), 1, MAX_RATE, "--rate");
		int seconds = bounded(options.getOrDefault("--seconds", "30"), 1, MAX_SECONDS, "--seconds");
		if (!"127.0.0.1".equals(url.getHost()) && !"localhost".equals(url.getHost())) {
			throw new IllegalArgumentException("--url must be on 127.0.0.1");
		}

		var received = new ConcurrentHashMap<Integer, Long>();
		var duplicates = new AtomicInteger();
		HttpServer receiver = HttpServer.create(new InetSocketAddress("127.0.0.1", receiverPort), 128);
		receiver.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
		receiver.createContext("/", exchange -> {
			long at = System.nanoTime();
			String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
			// an id shows in the group labels, the common labels and the alert itself
			var inThisBody = new java.util.HashSet<Integer>();
			var ids = BENCH_ID.matcher(body);
			while (ids.find()) {
				inThisBody.add(Integer.parseInt(ids.group(1)));
			}
			for (int id : inThisBody) {
				if (received.putIfAbsent(id, at) != null) {
					duplicates.incrementAndGet();
				}
			}
			exchange.sendResponseHeaders(200, -1);
			exchange.close();
		});
		receiver.start();
		try {
			run(url, token, rate, seconds, received, duplicates);
		}
		finally {
			receiver.stop(0);
		}
	}

	private static void run(URI url, String token, int rate, int seconds, Map<Integer, Long> received,
			AtomicInteger duplicates) throws Exception {
		int total = rate * seconds;
		long[] accepted = new long[total];
		Arrays.fill(accepted, -1);
		var refused = new AtomicInteger();
		var http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
		long start = System.nanoTime();
		long intervalNanos = TimeUnit.SECONDS.toNanos(1) / rate;
		try (var senders = Executors.newVirtualThreadPerTaskExecutor()) {
			for (int i = 0; i < total; i++) {
				long due = start + i * intervalNanos;
				long wait = due - System.nanoTime();
				if (wait > 0) {
					TimeUnit.NANOSECONDS.sleep(wait);
				}
				int id = i;
				senders.submit(() -> {
					accepted[id] = post(http, url, token, id) ? System.nanoTime() : -1;
					if (accepted[id] < 0) {
						refused.incrementAndGet();
					}
					return null;
				});
			}
		}
		long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(15);
		while (received.size() < total - refused.get() && System.nanoTime() < deadline) {
			Thread.sleep(50);
		}
		report(total, accepted, received, refused.get(), duplicates.get(), rate, seconds);
	}

	private static boolean post(HttpClient http, URI url, String token, int id) {
		String body = """
				[{"labels":{"alertname":"BenchNotificationLatency","bench_id":"%d","service":"bench","severity":"critical"},
				  "annotations":{"summary":"latency probe %d","runbook_url":"https://runbooks.example.com/bench"}}]"""
			.formatted(id, id);
		try {
			var response = http.send(HttpRequest.newBuilder(url)
				.header("Authorization", "Bearer " + token)
				.header("Content-Type", "application/json")
				.timeout(Duration.ofSeconds(10))
				.POST(HttpRequest.BodyPublishers.ofString(body))
				.build(), HttpResponse.BodyHandlers.discarding());
			return response.statusCode() / 100 == 2;
		}
		catch (IOException ex) {
			return false;
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return false;
		}
	}

	private static void report(int total, long[] accepted, Map<Integer, Long> received, int refused, int duplicates,
			int rate, int seconds) {
		List<Double> millis = new ArrayList<>();
		int missing = 0;
		for (int i = 0; i < total; i++) {
			Long at = received.get(i);
			if (accepted[i] < 0) {
				continue;
			}
			if (at == null) {
				missing++;
				continue;
			}
			// a notification can beat the sender's own reading of the 200: count it as 0
			millis.add(Math.max(0, at - accepted[i]) / 1e6);
		}
		millis.sort(Double::compare);
		System.out.printf(Locale.ROOT, "alerts:     %d posted at %d/s for %d s, %d refused, %d never notified, "
				+ "%d notified more than once%n", total, rate, seconds, refused, missing, duplicates);
		System.out.printf(Locale.ROOT,
				"latency ms: p50 %.1f  p90 %.1f  p99 %.1f  max %.1f (from the intake's 200 to the webhook received)%n",
				percentile(millis, 50), percentile(millis, 90), percentile(millis, 99), percentile(millis, 100));
		System.out.printf(Locale.ROOT,
				"result:     notified=%d missing=%d duplicates=%d p50=%.1f p90=%.1f p99=%.1f " + "max=%.1f%n",
				millis.size(), missing, duplicates, percentile(millis, 50), percentile(millis, 90),
				percentile(millis, 99), percentile(millis, 100));
	}

	static double percentile(List<Double> sorted, double p) {
		if (sorted.isEmpty()) {
			return Double.NaN;
		}
		int index = (int) Math.ceil(p / 100.0 * sorted.size()) - 1;
		return sorted.get(Math.min(Math.max(index, 0), sorted.size() - 1));
	}

	private static Map<String, String> options(String[] args) {
		var options = new java.util.HashMap<String, String>();
		for (int i = 0; i + 1 < args.length; i += 2) {
			options.put(args[i], args[i + 1]);
		}
		return options;
	}

	private static String required(Map<String, String> options, String name) {
		String value = options.get(name);
		if (value == null || value.isBlank()) {
			throw new IllegalArgumentException(name + " is required");
		}
		return value;
	}

	private static int bounded(String text, int min, int max, String name) {
		int value = Integer.parseInt(text);
		if (value < min || value > max) {
			throw new IllegalArgumentException(name + " must be " + min + ".." + max);
		}
		return value;
	}

}
