package dev.watchkeeper.bench;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;

import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class LoopbackHttpTests {

	private HttpServer server;

	@BeforeEach
	void startServer() throws IOException {
		server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
		server.createContext("/fixed", exchange -> {
			byte[] body = "{\"ok\":true}".getBytes(StandardCharsets.UTF_8);
			exchange.getResponseHeaders()
				.add("X-Auth", String.valueOf(exchange.getRequestHeaders().getFirst("Authorization")));
			exchange.sendResponseHeaders(200, body.length);
			exchange.getResponseBody().write(body);
			exchange.close();
		});
		server.createContext("/chunked", exchange -> {
			exchange.sendResponseHeaders(503, 0);
			for (int i = 0; i < 100; i++) {
				exchange.getResponseBody().write("0123456789".getBytes(StandardCharsets.UTF_8));
				exchange.getResponseBody().flush();
			}
			exchange.close();
		});
		server.createContext("/echo", exchange -> {
			byte[] body = exchange.getRequestBody().readAllBytes();
			exchange.getResponseHeaders()
				.add("X-Method",
						exchange.getRequestMethod() + " " + exchange.getRequestHeaders().getFirst("Content-Type"));
			exchange.sendResponseHeaders(200, body.length);
			exchange.getResponseBody().write(body);
			exchange.close();
		});
		server.start();
	}

	@AfterEach
	void stopServer() {
		server.stop(0);
	}

	private URI url(String path) {
		return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + path);
	}

	@Test
	void readsFixedLengthResponsesOverOneKeptAliveConnection() throws IOException {
		try (var http = new LoopbackHttp(url("/fixed?x=1"), "wk_secret", 5000)) {
			for (int i = 0; i < 5; i++) {
				var response = http.get();
				assertThat(response.status()).isEqualTo(200);
				assertThat(response.bytes()).isEqualTo(11);
				assertThat(response.keepAlive()).isTrue();
			}
		}
	}

	@Test
	void readsChunkedResponsesWithTheirStatus() throws IOException {
		try (var http = new LoopbackHttp(url("/chunked"), null, 5000)) {
			var first = http.get();
			var second = http.get();
			assertThat(first.status()).isEqualTo(503);
			assertThat(first.bytes()).isEqualTo(1000);
			assertThat(second.bytes()).isEqualTo(1000);
		}
	}

	@Test
	void postsJsonBodiesOverOneConnection() throws IOException {
		try (var http = new LoopbackHttp(url("/echo"), "wk_secret", 5000)) {
			for (String body : new String[] { "[{\"labels\":{\"alertname\":\"A\"}}]", "[]", "ünïcode" }) {
				var response = http.post(body.getBytes(StandardCharsets.UTF_8));
				assertThat(response.status()).isEqualTo(200);
				assertThat(response.bytes()).as("the server read exactly the body")
					.isEqualTo(body.getBytes(StandardCharsets.UTF_8).length);
			}
		}
	}

}
