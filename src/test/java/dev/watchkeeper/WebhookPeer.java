package dev.watchkeeper;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Predicate;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import com.sun.net.httpserver.HttpServer;

/**
 * A webhook receiver on 127.0.0.1 that keeps what it is sent and checks Standard Webhooks
 * signatures on its own (HMAC-SHA256 over {@code id.timestamp.body}, keyed with the
 * base64 part of {@code whsec_…}), as a user's receiver would.
 */
public final class WebhookPeer implements AutoCloseable {

	/** One request as received. */
	public record Received(String id, String timestamp, String signature, String body) {
	}

	private final HttpServer server;

	private final List<Received> received = new CopyOnWriteArrayList<>();

	private WebhookPeer(HttpServer server) {
		this.server = server;
	}

	public static WebhookPeer start() throws IOException {
		HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
		var peer = new WebhookPeer(server);
		server.createContext("/hook", exchange -> {
			var headers = exchange.getRequestHeaders();
			peer.received.add(new Received(headers.getFirst("webhook-id"), headers.getFirst("webhook-timestamp"),
					headers.getFirst("webhook-signature"),
					new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8)));
			exchange.sendResponseHeaders(204, -1);
			exchange.close();
		});
		server.start();
		return peer;
	}

	public String url() {
		return "http://127.0.0.1:" + server.getAddress().getPort() + "/hook";
	}

	/** Waits for a request whose body satisfies {@code matches}; fails after the wait. */
	public Received await(String what, Duration wait, Predicate<String> matches) throws InterruptedException {
		long deadline = System.nanoTime() + wait.toNanos();
		while (System.nanoTime() < deadline) {
			for (Received request : received) {
				if (matches.test(request.body())) {
					return request;
				}
			}
			Thread.sleep(100);
		}
		throw new AssertionError("No webhook " + what + " within " + wait + "; received: " + received);
	}

	/**
	 * Waits until {@code count} requests have arrived (or the wait is over) and returns
	 * the bodies received by then, in order.
	 */
	public List<String> awaitBodies(int count, Duration wait) throws InterruptedException {
		long deadline = System.nanoTime() + wait.toNanos();
		while (received.size() < count && System.nanoTime() < deadline) {
			Thread.sleep(50);
		}
		return received.stream().map(Received::body).toList();
	}

	/** Whether the request carries a valid signature for this secret. */
	public static boolean signedWith(String secret, Received request) throws GeneralSecurityException {
		if (request.id() == null || request.timestamp() == null || request.signature() == null) {
			return false;
		}
		byte[] key = Base64.getDecoder().decode(secret.substring("whsec_".length()));
		Mac mac = Mac.getInstance("HmacSHA256");
		mac.init(new SecretKeySpec(key, "HmacSHA256"));
		byte[] expected = mac.doFinal(
				(request.id() + "." + request.timestamp() + "." + request.body()).getBytes(StandardCharsets.UTF_8));
		for (String candidate : request.signature().split(" ")) {
			if (candidate.startsWith("v1,")
					&& MessageDigest.isEqual(expected, Base64.getDecoder().decode(candidate.substring(3)))) {
				return true;
			}
		}
		return false;
	}

	/** A fresh secret in the form Watchkeeper accepts. */
	public static String newSecret() {
		byte[] bytes = new byte[32];
		new java.security.SecureRandom().nextBytes(bytes);
		return "whsec_" + Base64.getEncoder().encodeToString(bytes);
	}

	/**
	 * The routing that sends alerts labelled {@code run=<run>} to this peer's channel at
	 * once ({@code group_wait: 0s}) and reports changes every second; everything else
	 * goes to a receiver without channels.
	 */
	public static String routingFor(String run, String channel) {
		return """
				route:
				  receiver: default
				  group_by: [alertname]
				  routes:
				    - matchers: ['run="%s"']
				      receiver: peer
				      group_wait: 0s
				      group_interval: 1s
				      repeat_interval: 4h
				receivers:
				  - name: default
				  - name: peer
				    channels: [%s]
				""".formatted(run, channel);
	}

	@Override
	public void close() {
		server.stop(0);
	}

}
