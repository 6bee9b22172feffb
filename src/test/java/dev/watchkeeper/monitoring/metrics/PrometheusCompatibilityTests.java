package dev.watchkeeper.monitoring.metrics;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import dev.watchkeeper.monitoring.metrics.promql.Engine;
import dev.watchkeeper.monitoring.metrics.promql.Value;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Loads the same generated series into the real Prometheus 2.42 (backfilled with
 * promtool) and into the metric store, then compares the answers of the handbook's rules
 * and of every kind of expression at many instants and over ranges: equal within a
 * relative 1e-9.
 */
class PrometheusCompatibilityTests {

	private static final double TOLERANCE = 1e-9;

	static final List<String> QUERIES = List.of(
			// the handbook's alert rules
			"up{job=\"backend\"} == 0", "database_up == 0", "rate(http_requests_total{status=~\"5..\"}[5m]) > 0.05",
			"histogram_quantile(0.95, sum by (le) (rate(http_request_duration_seconds_bucket[5m]))) > 0.5",
			"histogram_quantile(0.95, sum by (le) (rate(http_request_duration_seconds_bucket[5m])))",
			"histogram_quantile(0.5, rate(http_request_duration_seconds_bucket[5m]))",
			"histogram_quantile(0.99, sum by (instance, le) (increase(http_request_duration_seconds_bucket[10m])))",
			// error ratio
			"sum by (instance) (rate(http_requests_total{status=~\"5..\"}[5m])) / sum by (instance) (rate(http_requests_total[5m]))",
			"sum(rate(http_requests_total{status=~\"5..\"}[5m])) / sum(rate(http_requests_total[5m])) > 0.01",
			"rate(http_request_duration_seconds_sum[5m]) / rate(http_request_duration_seconds_count[5m])",
			// rates and deltas
			"rate(http_requests_total[5m])", "rate(http_requests_total[1m])", "irate(http_requests_total[1m])",
			"increase(http_requests_total[10m])", "delta(node_memory_used_bytes[10m])",
			"idelta(node_memory_used_bytes[5m])", "deriv(node_memory_used_bytes[10m])",
			"resets(http_requests_total[30m])", "changes(up[30m])", "rate(http_requests_total[5m] offset 10m)",
			// over time
			"avg_over_time(node_memory_used_bytes[10m])", "min_over_time(node_memory_used_bytes[10m])",
			"max_over_time(node_memory_used_bytes[10m])", "sum_over_time(up[10m])",
			"count_over_time(node_memory_used_bytes[10m])", "last_over_time(node_memory_used_bytes[10m])",
			"quantile_over_time(0.9, node_memory_used_bytes[10m])", "stddev_over_time(node_memory_used_bytes[10m])",
			"stdvar_over_time(up[10m])", "present_over_time(node_memory_used_bytes[5m])",
			"absent(nonexistent{job=\"x\"})", "absent_over_time(node_memory_used_bytes{instance=\"c\"}[5m])",
			"absent(up{job=\"backend\"})", "max_over_time(rate(http_requests_total{status=\"200\"}[1m])[10m:1m])",
			// aggregations
			"sum by (job) (up)", "avg without (instance) (node_memory_used_bytes)",
			"min by (job) (node_memory_used_bytes)", "max(node_memory_used_bytes)",
			"count by (status) (http_requests_total)", "topk(3, rate(http_requests_total[5m]))",
			"bottomk by (instance) (2, rate(http_requests_total[5m]))",
			"quantile by (method) (0.9, rate(http_requests_total[5m]))",
			"stddev by (job) (rate(http_requests_total[5m]))", "stdvar(rate(http_requests_total[5m]))",
			"count_values(\"state\", up)", "group by (instance) (up)", "avg(rate(http_requests_total[5m]))",
			// operators and vector matching
			"sum by (job) (rate(http_requests_total[5m])) * on(job) group_left(team) service_owner",
			"sum by (job, instance) (rate(http_requests_total[5m])) / ignoring(instance) group_left sum by (job) (rate(http_requests_total[5m]))",
			"service_owner * on(job) group_right(team) sum by (job, instance) (rate(http_requests_total[5m]))",
			"up and on(instance) database_up == 1", "up or database_up", "up unless on(instance) (database_up == 0)",
			"node_memory_used_bytes offset 10m", "-rate(http_requests_total[5m])", "2 ^ up", "up % 2 + 1",
			"up > bool 0", "1 - up", "node_memory_used_bytes > 1e9", "rate(http_requests_total[5m]) >= bool 1",
			"(up == 1) + on(instance) (database_up == 1)",
			// functions
			"clamp(node_memory_used_bytes / 1e9, 0.99, 1.01)", "clamp_min(node_memory_used_bytes / 1e9, 1)",
			"clamp_max(node_memory_used_bytes / 1e9, 1)", "abs(delta(node_memory_used_bytes[10m]))",
			"ceil(rate(http_requests_total[5m]))", "floor(rate(http_requests_total[5m]))",
			"round(rate(http_requests_total[5m]), 0.5)", "round(node_memory_used_bytes)",
			"sqrt(rate(http_requests_total[5m]))", "exp(up)", "ln(rate(http_requests_total[5m]))",
			"log2(node_memory_used_bytes)", "log10(node_memory_used_bytes)", "scalar(sum(up))", "vector(1)", "time()",
			"timestamp(up)", "sum(up) * scalar(count(up))",
			"label_replace(up, \"host\", \"$1\", \"instance\", \"(.*)\")",
			"label_join(up, \"id\", \"/\", \"job\", \"instance\")", "sort_desc(rate(http_requests_total[5m]))",
			"sort(node_memory_used_bytes)");

	private static final long HOUR = 3_600_000;

	private static RealPrometheus prometheus;

	private static Engine engine;

	private static long start;

	private static long end;

	@BeforeAll
	static void loadBoth(@TempDir Path work) throws Exception {
		long now = System.currentTimeMillis();
		start = (now - 3 * HOUR) / HOUR * HOUR;
		end = start + 2 * HOUR;
		List<GeneratedSeries.Series> series = GeneratedSeries.generate(start, end, 42);
		MetricStore store = new MetricStore(Clock.systemUTC(), Duration.ofDays(1), 1L << 30);
		for (GeneratedSeries.Series s : series) {
			for (int i = 0; i < s.timestamps().length; i++) {
				store.append(s.labels(), s.timestamps()[i], s.values()[i]);
			}
		}
		engine = new Engine(store, 300_000);
		prometheus = RealPrometheus.start(work, GeneratedSeries.openMetrics(series));
	}

	@AfterAll
	static void stopPrometheus() {
		if (prometheus != null) {
			prometheus.close();
		}
	}

	@Test
	void instantQueriesGivePrometheusAnswersAtManyInstants() throws Exception {
		List<String> mismatches = new ArrayList<>();
		int compared = 0;
		for (String query : QUERIES) {
			for (int k = 0; k < 24; k++) {
				long t = start + 20 * 60_000 + k * 317_000L;
				JsonNode theirs = prometheus.get("/api/v1/query", "query", query, "time", seconds(t));
				Map<String, double[]> expected = fromPrometheus(theirs);
				Map<String, double[]> actual = fromEngine(engine.instant(query, t), t);
				compare(query + " @ " + seconds(t), expected, actual, mismatches);
				compared += expected.size();
			}
		}
		assertThat(mismatches).isEmpty();
		assertThat(compared).isGreaterThan(10_000);
	}

	@Test
	void rangeQueriesGivePrometheusAnswers() throws Exception {
		List<String> mismatches = new ArrayList<>();
		int compared = 0;
		for (String query : QUERIES) {
			if (query.startsWith("sort")) {
				continue;
			}
			for (long step : new long[] { 60_000, 37_000 }) {
				long from = start + 10 * 60_000;
				long to = end + 7 * 60_000;
				JsonNode theirs = prometheus.get("/api/v1/query_range", "query", query, "start", seconds(from), "end",
						seconds(to), "step", seconds(step));
				Map<String, double[]> expected = fromPrometheus(theirs);
				Map<String, double[]> actual = fromMatrix(engine.range(query, from, to, step));
				compare(query + " range step " + step, expected, actual, mismatches);
				compared += expected.size();
			}
		}
		assertThat(mismatches).isEmpty();
		assertThat(compared).isGreaterThan(1000);
	}

	private static String seconds(long millis) {
		return Double.toString(millis / 1000.0);
	}

	/** Series as label text → (time, value) pairs flattened. */
	private static Map<String, double[]> fromPrometheus(JsonNode response) {
		assertThat(response.path("status").asString()).as(response.toString()).isEqualTo("success");
		JsonNode data = response.path("data");
		Map<String, double[]> out = new TreeMap<>();
		String type = data.path("resultType").asString();
		if (type.equals("scalar")) {
			out.put("{}", point(data.path("result")));
			return out;
		}
		for (JsonNode series : data.path("result")) {
			Map<String, String> labels = new TreeMap<>();
			series.path("metric").properties().forEach((e) -> labels.put(e.getKey(), e.getValue().asString()));
			String key = Labels.of(labels).toString();
			if (type.equals("vector")) {
				out.put(key, point(series.path("value")));
			}
			else {
				JsonNode values = series.path("values");
				double[] flat = new double[values.size() * 2];
				for (int i = 0; i < values.size(); i++) {
					double[] p = point(values.get(i));
					flat[2 * i] = p[0];
					flat[2 * i + 1] = p[1];
				}
				out.put(key, flat);
			}
		}
		return out;
	}

	private static double[] point(JsonNode pair) {
		return new double[] { Math.round(pair.get(0).asDouble() * 1000), PromqlScript.number(pair.get(1).asString()) };
	}

	private static Map<String, double[]> fromEngine(Value value, long t) {
		Map<String, double[]> out = new TreeMap<>();
		switch (value) {
			case Value.Scalar s -> out.put("{}", new double[] { t, s.value() });
			case Value.Vector v ->
				v.samples().forEach((s) -> out.put(s.labels().toString(), new double[] { t, s.value() }));
			default -> throw new AssertionError("unexpected result type " + value.type());
		}
		return out;
	}

	private static Map<String, double[]> fromMatrix(Value.Matrix m) {
		Map<String, double[]> out = new TreeMap<>();
		for (Value.Series s : m.series()) {
			double[] flat = new double[s.size() * 2];
			for (int i = 0; i < s.size(); i++) {
				flat[2 * i] = s.timestamps()[i];
				flat[2 * i + 1] = s.values()[i];
			}
			out.put(s.labels().toString(), flat);
		}
		return out;
	}

	private static void compare(String what, Map<String, double[]> expected, Map<String, double[]> actual,
			List<String> mismatches) {
		if (!expected.keySet().equals(actual.keySet())) {
			mismatches
				.add(what + ": series differ: prometheus " + expected.keySet() + " watchkeeper " + actual.keySet());
			return;
		}
		for (Map.Entry<String, double[]> e : expected.entrySet()) {
			double[] want = e.getValue();
			double[] got = actual.get(e.getKey());
			if (want.length != got.length) {
				mismatches
					.add(what + " " + e.getKey() + ": " + want.length / 2 + " points, watchkeeper " + got.length / 2);
				continue;
			}
			for (int i = 0; i < want.length; i++) {
				if (!close(want[i], got[i])) {
					mismatches.add(
							what + " " + e.getKey() + " [" + i + "]: prometheus " + want[i] + " watchkeeper " + got[i]);
					break;
				}
			}
		}
	}

	static boolean close(double a, double b) {
		if (Double.isNaN(a) || Double.isNaN(b)) {
			return Double.isNaN(a) && Double.isNaN(b);
		}
		if (a == b) {
			return true;
		}
		return Math.abs(a - b) <= TOLERANCE * Math.max(Math.abs(a), Math.abs(b));
	}

}
