package dev.watchkeeper.monitoring.metrics.web;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;

import dev.watchkeeper.monitoring.metrics.LabelMatcher;
import dev.watchkeeper.monitoring.metrics.Metrics;
import dev.watchkeeper.monitoring.metrics.TextExposition;
import dev.watchkeeper.monitoring.metrics.promql.Expr;
import dev.watchkeeper.monitoring.metrics.promql.ParseException;
import dev.watchkeeper.monitoring.metrics.promql.Parser;
import dev.watchkeeper.monitoring.metrics.promql.QueryException;
import dev.watchkeeper.monitoring.metrics.promql.Value;
import dev.watchkeeper.platform.DomainException;
import dev.watchkeeper.platform.web.Problems;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.ExampleObject;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Prometheus's HTTP query API over the embedded metric store, so that Grafana and other
 * Prometheus clients can use Watchkeeper as a data source, plus the text-format import.
 * Reading needs any signed-in role (a viewer's API token); importing needs a responder or
 * an integration key, decided by the machine chain before the body is read.
 */
@RestController
@Tag(name = "Metrics (Prometheus API)")
@RequestMapping("/prometheus/api/v1")
class PrometheusApiController {

	private static final String VECTOR_EXAMPLE = """
			{"status":"success","data":{"resultType":"vector","result":[{"metric":{"job":"backend"},"value":[1764000000,"0.021"]}]}}""";

	private static final String MATRIX_EXAMPLE = """
			{"status":"success","data":{"resultType":"matrix","result":[{"metric":{"job":"backend"},"values":[[1764000000,"0.021"],[1764000015,"0.019"]]}]}}""";

	private static final String ERROR_EXAMPLE = """
			{"status":"error","errorType":"bad_data","error":"invalid parameter \\"query\\": 1:14: parse error: unexpected \\")\\""}""";

	private static final long MAX_TIME = 253_402_300_799_000L;

	private static final long MIN_TIME = -62_135_596_800_000L;

	private final Metrics metrics;

	PrometheusApiController(Metrics metrics) {
		this.metrics = metrics;
	}

	@RequestMapping(path = "/query", method = { RequestMethod.GET, RequestMethod.POST },
			produces = MediaType.APPLICATION_JSON_VALUE)
	@Operation(summary = "Evaluate PromQL at one instant",
			description = "As Prometheus's /api/v1/query; parameters in the query string or a form body. "
					+ "400 bad_data names the position of a parse error; 422 execution for errors on the data.")
	@ApiResponse(responseCode = "200", content = @Content(examples = @ExampleObject(value = VECTOR_EXAMPLE)))
	@ApiResponse(responseCode = "400", content = @Content(examples = @ExampleObject(value = ERROR_EXAMPLE)))
	ResponseEntity<String> query(
			@Parameter(example = "sum by (job) (rate(http_requests_total[5m]))") @RequestParam(
					required = false) String query,
			@Parameter(description = "RFC 3339 or Unix seconds; default now",
					example = "1764000000") @RequestParam(required = false) String time) {
		Expr expr = parseQuery(query);
		long at = (time == null || time.isEmpty()) ? metrics.now().toEpochMilli() : parseTime("time", time);
		Value value = metrics.query(expr, Instant.ofEpochMilli(at));
		return ok(PrometheusJson.success(value, at));
	}

	@RequestMapping(path = "/query_range", method = { RequestMethod.GET, RequestMethod.POST },
			produces = MediaType.APPLICATION_JSON_VALUE)
	@Operation(summary = "Evaluate PromQL over a range of time",
			description = "As Prometheus's /api/v1/query_range (what Grafana calls): the expression at every step "
					+ "from start to end, at most 11,000 points per series.")
	@ApiResponse(responseCode = "200", content = @Content(examples = @ExampleObject(value = MATRIX_EXAMPLE)))
	@ApiResponse(responseCode = "400", content = @Content(examples = @ExampleObject(value = ERROR_EXAMPLE)))
	ResponseEntity<String> queryRange(
			@Parameter(example = "sum by (job) (rate(http_requests_total[5m]))") @RequestParam(
					required = false) String query,
			@Parameter(example = "1764000000") @RequestParam(required = false) String start,
			@Parameter(example = "1764003600") @RequestParam(required = false) String end,
			@Parameter(description = "a duration (15s) or seconds",
					example = "15s") @RequestParam(required = false) String step) {
		long from = parseTime("start", required("start", start));
		long to = parseTime("end", required("end", end));
		if (to < from) {
			throw new BadData("end timestamp must not be before start time");
		}
		long stepMillis = parseStep(required("step", step));
		if (stepMillis <= 0) {
			throw new BadData("zero or negative query resolution step widths are not accepted. Try a positive integer");
		}
		if ((to - from) / stepMillis > 11_000) {
			throw new BadData(
					"exceeded maximum resolution of 11,000 points per timeseries. Try decreasing the query resolution (?step=XX)");
		}
		Expr expr = parseQuery(query);
		if (expr.type() != dev.watchkeeper.monitoring.metrics.promql.ValueType.SCALAR
				&& expr.type() != dev.watchkeeper.monitoring.metrics.promql.ValueType.VECTOR) {
			throw new BadData("invalid parameter \"query\": invalid expression type \"" + expr.type().description()
					+ "\" for range query, must be Scalar or instant Vector");
		}
		Value.Matrix result = metrics.queryRange(expr, Instant.ofEpochMilli(from), Instant.ofEpochMilli(to),
				stepMillis);
		return ok(PrometheusJson.success(result, to));
	}

	@RequestMapping(path = "/series", method = { RequestMethod.GET, RequestMethod.POST },
			produces = MediaType.APPLICATION_JSON_VALUE)
	@Operation(summary = "Series matching selectors",
			description = "As Prometheus's /api/v1/series: the label sets of series with samples between start and end.")
	ResponseEntity<String> series(
			@Parameter(description = "one or more series selectors", example = "up") @RequestParam(name = "match[]",
					required = false) List<String> match,
			@RequestParam(required = false) String start, @RequestParam(required = false) String end) {
		if (match == null || match.isEmpty()) {
			throw new BadData("no match[] parameter provided");
		}
		long[] range = range(start, end);
		List<dev.watchkeeper.monitoring.metrics.Labels> out = new ArrayList<>();
		for (List<LabelMatcher> matchers : selectors(match)) {
			for (var labels : metrics.series(matchers, Instant.ofEpochMilli(range[0]),
					Instant.ofEpochMilli(range[1]))) {
				if (!out.contains(labels)) {
					out.add(labels);
				}
			}
		}
		out.sort(null);
		return ok(PrometheusJson.labelSets(out));
	}

	@RequestMapping(path = "/labels", method = { RequestMethod.GET, RequestMethod.POST },
			produces = MediaType.APPLICATION_JSON_VALUE)
	@Operation(summary = "Label names", description = "As Prometheus's /api/v1/labels.")
	ResponseEntity<String> labels(@RequestParam(name = "match[]", required = false) List<String> match,
			@RequestParam(required = false) String start, @RequestParam(required = false) String end) {
		long[] range = range(start, end);
		java.util.TreeSet<String> names = new java.util.TreeSet<>();
		for (List<LabelMatcher> matchers : selectorsOrAll(match)) {
			names.addAll(metrics.labelNames(matchers, Instant.ofEpochMilli(range[0]), Instant.ofEpochMilli(range[1])));
		}
		return ok(PrometheusJson.strings(List.copyOf(names)));
	}

	@RequestMapping(path = "/label/{name}/values", method = RequestMethod.GET,
			produces = MediaType.APPLICATION_JSON_VALUE)
	@Operation(summary = "Values of one label", description = "As Prometheus's /api/v1/label/<name>/values.")
	ResponseEntity<String> labelValues(@PathVariable String name,
			@RequestParam(name = "match[]", required = false) List<String> match,
			@RequestParam(required = false) String start, @RequestParam(required = false) String end) {
		if (!name.matches("[a-zA-Z_][a-zA-Z0-9_]*")) {
			throw new BadData("invalid label name: \"" + name + "\"");
		}
		long[] range = range(start, end);
		java.util.TreeSet<String> values = new java.util.TreeSet<>();
		for (List<LabelMatcher> matchers : selectorsOrAll(match)) {
			values.addAll(metrics.labelValues(name, matchers, Instant.ofEpochMilli(range[0]),
					Instant.ofEpochMilli(range[1])));
		}
		return ok(PrometheusJson.strings(List.copyOf(values)));
	}

	@PostMapping(path = "/import/prometheus")
	@Operation(summary = "Import samples in the text exposition format",
			description = "As VictoriaMetrics's /api/v1/import/prometheus: one sample a line, "
					+ "`name{label=\"value\"} value [timestamp-ms]`; a line without a timestamp takes the current time. "
					+ "All lines are checked before any is stored: 400 names the first bad line. 204 when stored; "
					+ "samples older than a series' last sample are skipped and counted.")
	@ApiResponse(responseCode = "204", description = "imported")
	ResponseEntity<Void> importText(
			@RequestBody(required = false) @io.swagger.v3.oas.annotations.parameters.RequestBody(
					content = @Content(mediaType = "text/plain", examples = @ExampleObject(
							value = "http_requests_total{job=\"backend\",status=\"500\"} 3 1764000000000\n"))) String body) {
		try {
			metrics.importText(body == null ? "" : body);
		}
		catch (TextExposition.FormatException ex) {
			throw DomainException.invalid("body", ex.getMessage());
		}
		return ResponseEntity.noContent().build();
	}

	/**
	 * Prometheus clients expect 400 for bad input, as Prometheus and VictoriaMetrics
	 * answer.
	 */
	@ExceptionHandler(DomainException.class)
	ResponseEntity<ProblemDetail> invalid(DomainException ex) {
		return Problems.of(ex, HttpStatus.BAD_REQUEST);
	}

	private static Expr parseQuery(String query) {
		if (query == null || query.isEmpty()) {
			throw new BadData("invalid parameter \"query\": missing");
		}
		try {
			return Parser.parse(query);
		}
		catch (ParseException ex) {
			throw new BadData("invalid parameter \"query\": " + ex.getMessage());
		}
	}

	private static String required(String name, String value) {
		if (value == null || value.isEmpty()) {
			throw new BadData("invalid parameter \"" + name + "\": missing");
		}
		return value;
	}

	private long[] range(String start, String end) {
		long from = (start == null || start.isEmpty()) ? MIN_TIME : parseTime("start", start);
		long to = (end == null || end.isEmpty()) ? MAX_TIME : parseTime("end", end);
		return new long[] { from, to };
	}

	static long parseTime(String name, String value) {
		try {
			double seconds = Double.parseDouble(value);
			if (Double.isFinite(seconds)) {
				return Math.round(seconds * 1000);
			}
		}
		catch (NumberFormatException ex) {
			// not a number: try RFC 3339
		}
		try {
			return OffsetDateTime.parse(value).toInstant().toEpochMilli();
		}
		catch (DateTimeParseException ex) {
			throw new BadData(
					"invalid parameter \"" + name + "\": cannot parse \"" + value + "\" to a valid timestamp");
		}
	}

	static long parseStep(String value) {
		try {
			double seconds = Double.parseDouble(value);
			if (Double.isFinite(seconds)) {
				return Math.round(seconds * 1000);
			}
		}
		catch (NumberFormatException ex) {
			// not a number: try a duration
		}
		try {
			return Parser.parseDuration(value);
		}
		catch (IllegalArgumentException | ArithmeticException ex) {
			throw new BadData("invalid parameter \"step\": cannot parse \"" + value + "\" to a valid duration");
		}
	}

	private static List<List<LabelMatcher>> selectorsOrAll(List<String> match) {
		if (match == null || match.isEmpty()) {
			return List.of(List.of());
		}
		return selectors(match);
	}

	private static List<List<LabelMatcher>> selectors(List<String> match) {
		List<List<LabelMatcher>> out = new ArrayList<>();
		for (String m : match) {
			Expr e;
			try {
				e = Parser.parse(m);
			}
			catch (ParseException ex) {
				throw new BadData("invalid parameter \"match[]\": " + ex.getMessage());
			}
			if (!(e instanceof Expr.VectorSelector vs)) {
				throw new BadData("invalid parameter \"match[]\": " + m + " is not a series selector");
			}
			out.add(vs.matchers());
		}
		return out;
	}

	private static ResponseEntity<String> ok(String json) {
		return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON).body(json);
	}

	@ExceptionHandler(BadData.class)
	ResponseEntity<String> badData(BadData ex) {
		return badData(ex.getMessage());
	}

	@ExceptionHandler(QueryException.class)
	ResponseEntity<String> failedQuery(QueryException ex) {
		return error(HttpStatus.UNPROCESSABLE_CONTENT, "execution", ex.getMessage());
	}

	private static ResponseEntity<String> badData(String message) {
		return error(HttpStatus.BAD_REQUEST, "bad_data", message);
	}

	private static ResponseEntity<String> error(HttpStatus status, String type, String message) {
		return ResponseEntity.status(status)
			.contentType(MediaType.APPLICATION_JSON)
			.body(PrometheusJson.error(type, message));
	}

	/** A parameter Prometheus would answer with bad_data. */
	static final class BadData extends RuntimeException {

		private static final long serialVersionUID = 1L;

		BadData(String message) {
			super(message);
		}

	}

}
