package dev.watchkeeper.monitoring;

import java.io.IOException;
import java.net.ConnectException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLException;
import javax.net.ssl.SSLSocket;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Component;

/**
 * Runs one probe: HTTP (conditions on the answer), TCP connect, or a TLS handshake that
 * reports the certificate chain. Every probe is bounded by the check's timeout as a whole
 * (connect, headers and body), and a body is read only up to the configured cap, so a
 * slow or huge answer is a failure, never a stuck worker.
 */
@Component
class Probes implements DisposableBean {

	private final Clock clock;

	private final MonitoringSettings settings;

	private final JsonMapper json;

	private final ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor();

	/** Index: bit 0 follow redirects, bit 1 verify TLS. */
	private final HttpClient[] clients = new HttpClient[4];

	private final SSLContext trustAll = TrustAll.context();

	Probes(Clock clock, MonitoringSettings settings, JsonMapper json) {
		this.clock = clock;
		this.settings = settings;
		this.json = json;
		for (int i = 0; i < 4; i++) {
			var builder = HttpClient.newBuilder()
				.version(HttpClient.Version.HTTP_1_1)
				.executor(executor)
				.connectTimeout(settings.connectTimeout())
				.followRedirects((i & 1) != 0 ? HttpClient.Redirect.NORMAL : HttpClient.Redirect.NEVER);
			if ((i & 2) == 0) {
				builder.sslContext(trustAll);
			}
			clients[i] = builder.build();
		}
	}

	Outcome run(Check check, Instant start) {
		return switch (check.kind()) {
			case HTTP -> http(check, start);
			case TCP -> tcp(check, start);
			case TLS -> tls(check, start);
			case HEARTBEAT -> throw new IllegalArgumentException("heartbeats are not probed");
		};
	}

	Outcome http(Check check, Instant start) {
		CheckSettings.Http http = check.http();
		Duration timeout = Duration.ofMillis(check.timeoutMs());
		var request = HttpRequest.newBuilder(URI.create(http.url()))
			.timeout(timeout)
			.header("User-Agent", settings.userAgent())
			.method(http.method(), http.body() == null ? HttpRequest.BodyPublishers.noBody()
					: HttpRequest.BodyPublishers.ofString(http.body()));
		http.headers().forEach(request::setHeader);
		HttpClient client = clients[(http.followRedirects() ? 1 : 0) | (http.verifyTls() ? 2 : 0)];
		long began = System.nanoTime();
		CompletableFuture<HttpResponse<byte[]>> exchange = client.sendAsync(request.build(),
				info -> new CappedBody(settings.bodyLimit().toBytes()));
		HttpResponse<byte[]> response;
		try {
			response = exchange.get(check.timeoutMs(), TimeUnit.MILLISECONDS);
		}
		catch (TimeoutException ex) {
			exchange.cancel(true);
			return Outcome.failure(check.id(), start, null, "timed out after " + check.timeoutMs() + " ms");
		}
		catch (ExecutionException ex) {
			return Outcome.failure(check.id(), start, null, describe(ex.getCause(), check.timeoutMs()));
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			exchange.cancel(true);
			return Outcome.failure(check.id(), start, null, "interrupted");
		}
		double ms = (System.nanoTime() - began) / 1e6;
		String body = new String(response.body(), StandardCharsets.UTF_8);
		var answer = new Condition.Answer(response.statusCode(), ms, response.headers().map(), body, parse(body));
		List<String> conditions = http.conditions();
		if (conditions.stream().noneMatch(c -> c.trim().startsWith("status"))) {
			conditions = new ArrayList<>(conditions);
			conditions.add(0, "status < 400");
		}
		for (String text : conditions) {
			Optional<String> failure = Condition.parse(text).failure(answer);
			if (failure.isPresent()) {
				return Outcome.failure(check.id(), start, ms, failure.get());
			}
		}
		return Outcome.success(check.id(), start, ms, "HTTP " + response.statusCode());
	}

	private Optional<JsonNode> parse(String body) {
		String trimmed = body.stripLeading();
		if (!(trimmed.startsWith("{") || trimmed.startsWith("["))) {
			return Optional.empty();
		}
		try {
			return Optional.of(json.readTree(body));
		}
		catch (RuntimeException ex) {
			return Optional.empty();
		}
	}

	Outcome tcp(Check check, Instant start) {
		long began = System.nanoTime();
		try (Socket socket = new Socket()) {
			socket.connect(new InetSocketAddress(check.tcp().host(), check.tcp().port()), check.timeoutMs());
			double ms = (System.nanoTime() - began) / 1e6;
			return Outcome.success(check.id(), start, ms, "connected");
		}
		catch (IOException ex) {
			return Outcome.failure(check.id(), start, null, describe(ex, check.timeoutMs()));
		}
	}

	Outcome tls(Check check, Instant start) {
		CheckSettings.Tls tls = check.tls();
		long began = System.nanoTime();
		long deadline = began + check.timeoutMs() * 1_000_000L;
		try (Socket plain = new Socket()) {
			plain.connect(new InetSocketAddress(tls.host(), tls.port()), check.timeoutMs());
			plain.setSoTimeout((int) Math.max(1, (deadline - System.nanoTime()) / 1_000_000L));
			try (SSLSocket socket = (SSLSocket) trustAll.getSocketFactory()
				.createSocket(plain, tls.host(), tls.port(), true)) {
				socket.startHandshake();
				double ms = (System.nanoTime() - began) / 1e6;
				var chain = socket.getSession().getPeerCertificates();
				return certificates(check, start, ms, chain);
			}
		}
		catch (IOException ex) {
			return Outcome.failure(check.id(), start, null, describe(ex, check.timeoutMs()));
		}
	}

	private Outcome certificates(Check check, Instant start, double ms, java.security.cert.Certificate[] chain) {
		CheckSettings.Tls tls = check.tls();
		Instant now = clock.instant();
		List<Certificate> seen = new ArrayList<>();
		long fewestDays = Long.MAX_VALUE;
		String soonest = null;
		for (int i = 0; i < chain.length; i++) {
			if (chain[i] instanceof X509Certificate x509) {
				Instant notAfter = x509.getNotAfter().toInstant();
				seen.add(new Certificate(check.id(), i, x509.getSubjectX500Principal().getName(),
						x509.getIssuerX500Principal().getName(), notAfter, now));
				long days = Math.floorDiv(Duration.between(now, notAfter).toSeconds(), 86_400);
				if (days < fewestDays) {
					fewestDays = days;
					soonest = x509.getSubjectX500Principal().getName();
				}
			}
		}
		if (seen.isEmpty()) {
			return Outcome.failure(check.id(), start, ms, "the server presented no X.509 certificate");
		}
		String severity = fewestDays <= tls.criticalDays() ? "critical"
				: fewestDays <= tls.warnDays() ? "medium" : null;
		String message = (fewestDays < 0 ? "certificate " + soonest + " expired " + -fewestDays + " days ago"
				: "certificate " + soonest + " expires in " + fewestDays + " days") + " (" + seen.size()
				+ " in the chain)";
		return new Outcome(check.id(), start, severity == null, ms, message, severity, seen, false);
	}

	static String describe(Throwable error, int timeoutMs) {
		if (error instanceof CappedBody.TooLarge) {
			return error.getMessage();
		}
		if (error instanceof HttpConnectTimeoutException) {
			return "connect timed out";
		}
		if (error instanceof HttpTimeoutException || error instanceof SocketTimeoutException) {
			return "timed out after " + timeoutMs + " ms";
		}
		if (error instanceof ConnectException) {
			return "connection refused";
		}
		if (error instanceof SSLException) {
			return "TLS: " + error.getMessage();
		}
		if (error instanceof java.net.UnknownHostException) {
			return "unknown host " + error.getMessage();
		}
		if (error instanceof IOException && error.getCause() instanceof CappedBody.TooLarge tooLarge) {
			return tooLarge.getMessage();
		}
		return error.getClass().getSimpleName() + (error.getMessage() == null ? "" : ": " + error.getMessage());
	}

	@Override
	public void destroy() {
		for (HttpClient client : clients) {
			client.shutdownNow();
		}
		executor.shutdownNow();
	}

}
