package dev.watchkeeper.bench;

import java.io.InputStream;
import java.net.InetSocketAddress;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;

import com.sun.net.httpserver.HttpServer;

/**
 * A loopback HTTP peer for benchmarks that answers every request with 204, so deliveries
 * succeed at once and cost the benchmark nothing but the request. Stops by itself after
 * the given number of seconds.
 *
 * <pre>
 * WebhookSink PORT SECONDS
 * </pre>
 */
public final class WebhookSink {

	private WebhookSink() {
	}

	public static void main(String[] args) throws Exception {
		if (args.length != 2) {
			System.err.println("usage: WebhookSink PORT SECONDS");
			System.exit(2);
		}
		int port = Integer.parseInt(args[0]);
		long seconds = Long.parseLong(args[1]);
		if (seconds < 1 || seconds > 3600) {
			throw new IllegalArgumentException("SECONDS must be 1..3600");
		}
		AtomicLong received = new AtomicLong();
		HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 256);
		server.createContext("/", exchange -> {
			try (InputStream body = exchange.getRequestBody()) {
				body.transferTo(java.io.OutputStream.nullOutputStream());
			}
			received.incrementAndGet();
			exchange.sendResponseHeaders(204, -1);
			exchange.close();
		});
		server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
		server.start();
		Thread.sleep(seconds * 1000);
		server.stop(0);
		System.out.println("received " + received.get());
	}

}
