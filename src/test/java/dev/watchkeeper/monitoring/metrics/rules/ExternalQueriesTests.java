package dev.watchkeeper.monitoring.metrics.rules;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;

import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ExternalQueriesTests {

	private final AtomicReference<String> answer = new AtomicReference<>("");

	private final AtomicReference<Integer> status = new AtomicReference<>(200);

	private final AtomicReference<String> asked = new AtomicReference<>();

	private HttpServer server;

	private ExternalQueries queries;

	@BeforeEach
	void start() throws IOException {
		server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
		server.createContext("/prom/api/v1/query", (exchange) -> {
			asked.set(exchange.getRequestURI().getRawQuery());
			byte[] body = answer.get().getBytes(StandardCharsets.UTF_8);
			exchange.sendResponseHeaders(status.get(), body.length);
			try (OutputStream out = exchange.getResponseBody()) {
				out.write(body);
			}
		});
		server.start();
		queries = new ExternalQueries(HttpClient.newHttpClient(), JsonMapper.builder().build(), Duration.ofSeconds(2));
	}

	@AfterEach
	void stop() {
		server.stop(0);
	}

	private URI base() {
		return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/prom/");
	}

	@Test
	void readsAVectorOrAScalarAndAsksAtTheEvaluationTime() {
		answer.set("""
				{"status":"success","data":{"resultType":"vector","result":[
				 {"metric":{"__name__":"up","job":"node"},"value":[1764000000.5,"0"]},
				 {"metric":{"job":"db"},"value":[1764000000.5,"+Inf"]}]}}""");
		List<AlertState.Result> results = queries.query(base(), "up == 0", Instant.ofEpochMilli(1_764_000_000_500L));
		assertThat(results).containsExactly(new AlertState.Result(Map.of("__name__", "up", "job", "node"), 0),
				new AlertState.Result(Map.of("job", "db"), Double.POSITIVE_INFINITY));
		assertThat(asked.get()).isEqualTo("query=up+%3D%3D+0&time=1764000000.500");

		answer.set("""
				{"status":"success","data":{"resultType":"scalar","result":[1764000000,"3.5"]}}""");
		assertThat(queries.query(base(), "scalar(x)", Instant.EPOCH))
			.containsExactly(new AlertState.Result(Map.of(), 3.5));
	}

	@Test
	void errorsOfTheRemoteApiNameWhatWentWrong() {
		status.set(400);
		answer.set("""
				{"status":"error","errorType":"bad_data","error":"1:5: parse error: unexpected end of input"}""");
		assertThatThrownBy(() -> queries.query(base(), "sum(", Instant.EPOCH))
			.hasMessageContaining("answered HTTP 400: bad_data 1:5: parse error");

		status.set(502);
		answer.set("<html>bad gateway</html>");
		assertThatThrownBy(() -> queries.query(base(), "up", Instant.EPOCH))
			.hasMessageContaining("answered HTTP 502 without JSON");

		status.set(200);
		answer.set("""
				{"status":"success","data":{"resultType":"matrix","result":[]}}""");
		assertThatThrownBy(() -> queries.query(base(), "up[5m]", Instant.EPOCH))
			.hasMessageContaining("answered a matrix");
	}

}
