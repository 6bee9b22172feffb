package dev.watchkeeper.monitoring.metrics.web;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.watchkeeper.monitoring.metrics.Metrics;
import dev.watchkeeper.monitoring.metrics.promql.Expr;
import dev.watchkeeper.monitoring.metrics.promql.Numbers;
import dev.watchkeeper.monitoring.metrics.promql.ParseException;
import dev.watchkeeper.monitoring.metrics.promql.Parser;
import dev.watchkeeper.monitoring.metrics.promql.QueryException;
import dev.watchkeeper.monitoring.metrics.promql.Value;
import dev.watchkeeper.monitoring.metrics.promql.ValueType;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * Runs a PromQL expression over a recent range and charts it, with the latest values
 * below.
 */
@Controller
class ExplorePage {

	static final List<String> RANGES = List.of("15m", "1h", "6h", "24h");

	/** The most series drawn; the table lists them all. */
	private static final int MAX_CHARTED = 30;

	private static final int POINTS = 240;

	private static final DateTimeFormatter CLOCK = DateTimeFormatter.ofPattern("HH:mm:ss").withZone(ZoneOffset.UTC);

	private final Metrics metrics;

	private final JsonMapper json;

	ExplorePage(Metrics metrics, JsonMapper json) {
		this.metrics = metrics;
		this.json = json;
	}

	/** One row of the latest values. */
	record Row(String series, String value) {
	}

	/** What the page shows. */
	record ExploreView(String query, String range, List<String> ranges, String error, String chart, List<Row> latest,
			int seriesCount, boolean truncated) {
	}

	@GetMapping("/monitoring/explore")
	String explore(@RequestParam(defaultValue = "") String query, @RequestParam(defaultValue = "1h") String range,
			Model model) {
		String chosen = RANGES.contains(range) ? range : "1h";
		model.addAttribute("view", view(query.strip(), chosen));
		return "monitoring/explore";
	}

	private ExploreView view(String query, String range) {
		if (query.isEmpty()) {
			return new ExploreView(query, range, RANGES, null, null, List.of(), 0, false);
		}
		try {
			Expr expr = Parser.parse(query);
			if (expr.type() != ValueType.SCALAR && expr.type() != ValueType.VECTOR) {
				return new ExploreView(query, range, RANGES,
						"Only scalar and instant-vector expressions can be charted; got a " + expr.type().description()
								+ ".",
						null, List.of(), 0, false);
			}
			Instant end = metrics.now();
			long span = Duration.ofMillis(Parser.parseDuration(range)).toMillis();
			long step = Math.max(1000, span / POINTS / 1000 * 1000);
			Value.Matrix matrix = metrics.queryRange(expr, end.minusMillis(span), end, step);
			return new ExploreView(query, range, RANGES, null,
					chart(matrix, end.toEpochMilli() - span, end.toEpochMilli(), step), latest(matrix),
					matrix.series().size(), matrix.series().size() > MAX_CHARTED);
		}
		catch (ParseException | QueryException ex) {
			return new ExploreView(query, range, RANGES, ex.getMessage(), null, List.of(), 0, false);
		}
	}

	private String chart(Value.Matrix matrix, long start, long end, long step) {
		List<String> labels = new ArrayList<>();
		for (long t = start; t <= end; t += step) {
			labels.add(CLOCK.format(Instant.ofEpochMilli(t)));
		}
		List<Map<String, Object>> datasets = new ArrayList<>();
		for (Value.Series s : matrix.series().subList(0, Math.min(MAX_CHARTED, matrix.series().size()))) {
			Double[] data = new Double[labels.size()];
			for (int i = 0; i < s.size(); i++) {
				int slot = (int) ((s.timestamps()[i] - start) / step);
				double v = s.values()[i];
				if (slot >= 0 && slot < data.length && Double.isFinite(v)) {
					data[slot] = v;
				}
			}
			Map<String, Object> dataset = new LinkedHashMap<>();
			dataset.put("label", s.labels().toString());
			dataset.put("data", data);
			datasets.add(dataset);
		}
		Map<String, Object> spec = new LinkedHashMap<>();
		spec.put("labels", labels);
		spec.put("datasets", datasets);
		return json.writeValueAsString(spec);
	}

	private static List<Row> latest(Value.Matrix matrix) {
		List<Row> rows = new ArrayList<>();
		for (Value.Series s : matrix.series()) {
			rows.add(new Row(s.labels().toString(), Numbers.format(s.values()[s.size() - 1])));
		}
		return rows;
	}

}
