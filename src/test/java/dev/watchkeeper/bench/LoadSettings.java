package dev.watchkeeper.bench;

import java.net.URI;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Set;

/**
 * What the load driver sends, how fast and for how long; every bound is checked so a
 * mistyped option cannot turn a benchmark into a flood or aim it at another machine.
 */
record LoadSettings(URI url, String token, double rate, int durationSeconds, int warmupSeconds, int concurrency,
		int timeoutSeconds, Path bodyFile, int clients, long maxRequests) {

	static final int MAX_DURATION_SECONDS = 300;

	static final int MAX_WARMUP_SECONDS = 120;

	static final double MAX_RATE = 5_000;

	static final int MAX_CLIENTS = 256;

	static final long MAX_REQUESTS = 10_000_000;

	/** The only hosts the driver sends to. */
	static final Set<String> LOOPBACK = Set.of("127.0.0.1", "localhost", "[::1]", "::1");

	static final String USAGE = """
			usage: LoadDriver --url http://127.0.0.1:PORT/PATH [--token SECRET] [--rate REQ_PER_S]
			                  [--duration S] [--warmup S] [--concurrency N] [--timeout S]
			                  [--body-file FILE] [--clients N [--max-requests N]]
			  --url          target; only 127.0.0.1, localhost or [::1]
			  --token        sent as "Authorization: Bearer <token>"
			  --rate         requests per second, scheduled at a constant rate (default 200, at most 5000)
			  --duration     measured seconds (default 60, at most 300)
			  --warmup       seconds of the same load before measuring (default 10, at most 120)
			  --concurrency  most requests in flight; at the cap sends wait, and the wait counts (default 64)
			  --timeout      per-request timeout in seconds (default 10)
			  --body-file    POST these JSON bodies (one per line, taken in turn) instead of GET; in each,
			                 @SEQ@ becomes the request's number, @STARTS@ ten minutes ago and @ENDS@ four
			                 minutes ahead (ISO-8601, UTC)
			  --clients      closed loop instead: N clients each send their next request when the last is
			                 answered, for --warmup then --duration seconds; --rate and --concurrency are unused
			  --max-requests closed loop: stop after this many requests in all (default and most 10000000)""";

	LoadSettings {
		if (!(rate > 0 && rate <= MAX_RATE)) {
			throw new IllegalArgumentException("--rate must be above 0 and at most " + (int) MAX_RATE);
		}
		if (durationSeconds < 1 || durationSeconds > MAX_DURATION_SECONDS) {
			throw new IllegalArgumentException("--duration must be 1.." + MAX_DURATION_SECONDS + " seconds");
		}
		if (warmupSeconds < 0 || warmupSeconds > MAX_WARMUP_SECONDS) {
			throw new IllegalArgumentException("--warmup must be 0.." + MAX_WARMUP_SECONDS + " seconds");
		}
		if (concurrency < 1 || concurrency > 1024) {
			throw new IllegalArgumentException("--concurrency must be 1..1024");
		}
		if (timeoutSeconds < 1 || timeoutSeconds > 60) {
			throw new IllegalArgumentException("--timeout must be 1..60 seconds");
		}
		if (clients < 0 || clients > MAX_CLIENTS) {
			throw new IllegalArgumentException("--clients must be 1.." + MAX_CLIENTS);
		}
		if (maxRequests < 1 || maxRequests > MAX_REQUESTS) {
			throw new IllegalArgumentException("--max-requests must be 1.." + MAX_REQUESTS);
		}
	}

	boolean closedLoop() {
		return clients > 0;
	}

	String method() {
		return bodyFile == null ? "GET" : "POST";
	}

	static LoadSettings parse(String... args) {
		String url = null;
		String token = null;
		double rate = 200;
		int duration = 60;
		int warmup = 10;
		int concurrency = 64;
		int timeout = 10;
		Path bodyFile = null;
		int clients = 0;
		long maxRequests = MAX_REQUESTS;
		for (int i = 0; i < args.length; i++) {
			String option = args[i];
			if (i + 1 >= args.length) {
				throw new IllegalArgumentException(option + " needs a value");
			}
			String value = args[++i];
			switch (option) {
				case "--url" -> url = value;
				case "--token" -> token = value;
				case "--rate" -> rate = number(option, value);
				case "--duration" -> duration = (int) whole(option, value);
				case "--warmup" -> warmup = (int) whole(option, value);
				case "--concurrency" -> concurrency = (int) whole(option, value);
				case "--timeout" -> timeout = (int) whole(option, value);
				case "--body-file" -> bodyFile = Path.of(value);
				case "--clients" -> {
					clients = (int) whole(option, value);
					if (clients < 1) {
						throw new IllegalArgumentException("--clients must be 1.." + MAX_CLIENTS);
					}
				}
				case "--max-requests" -> maxRequests = whole(option, value);
				default -> throw new IllegalArgumentException("unknown option " + option);
			}
		}
		if (url == null) {
			throw new IllegalArgumentException("--url is required");
		}
		return new LoadSettings(loopbackOnly(url), token, rate, duration, warmup, concurrency, timeout, bodyFile,
				clients, maxRequests);
	}

	static URI loopbackOnly(String url) {
		URI uri;
		try {
			uri = URI.create(url);
		}
		catch (IllegalArgumentException ex) {
			throw new IllegalArgumentException("--url is not a URL: " + url);
		}
		if (!"http".equals(uri.getScheme())) {
			throw new IllegalArgumentException("--url must be a plain http URL: " + url);
		}
		if (uri.getHost() == null || !LOOPBACK.contains(uri.getHost().toLowerCase(Locale.ROOT))
				|| uri.getRawUserInfo() != null) {
			throw new IllegalArgumentException(
					"--url must point at this machine (127.0.0.1, localhost or [::1]), not: " + url);
		}
		return uri;
	}

	private static double number(String option, String value) {
		try {
			return Double.parseDouble(value);
		}
		catch (NumberFormatException ex) {
			throw new IllegalArgumentException(option + " must be a number, not " + value);
		}
	}

	private static long whole(String option, String value) {
		try {
			return Long.parseLong(value);
		}
		catch (NumberFormatException ex) {
			throw new IllegalArgumentException(option + " must be a whole number, not " + value);
		}
	}

}
