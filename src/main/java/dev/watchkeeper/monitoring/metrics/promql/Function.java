package dev.watchkeeper.monitoring.metrics.promql;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static dev.watchkeeper.monitoring.metrics.promql.ValueType.MATRIX;
import static dev.watchkeeper.monitoring.metrics.promql.ValueType.SCALAR;
import static dev.watchkeeper.monitoring.metrics.promql.ValueType.STRING;
import static dev.watchkeeper.monitoring.metrics.promql.ValueType.VECTOR;

/**
 * A PromQL function's signature. {@code optional} arguments may be left off from the end;
 * {@code variadic} repeats the last argument type any number of times.
 */
public record Function(String name, List<ValueType> args, int optional, boolean variadic, ValueType returns) {

	private static final Map<String, Function> FUNCTIONS = new HashMap<>();

	static {
		for (String n : List.of("abs", "ceil", "floor", "exp", "ln", "log2", "log10", "sqrt", "sgn", "sort",
				"sort_desc", "absent")) {
			define(n, VECTOR, 0, false, VECTOR);
		}
		define("timestamp", VECTOR, 0, false, VECTOR);
		define("round", List.of(VECTOR, SCALAR), 1, false, VECTOR);
		define("clamp", List.of(VECTOR, SCALAR, SCALAR), 0, false, VECTOR);
		define("clamp_min", List.of(VECTOR, SCALAR), 0, false, VECTOR);
		define("clamp_max", List.of(VECTOR, SCALAR), 0, false, VECTOR);
		for (String n : List.of("rate", "irate", "increase", "delta", "idelta", "changes", "resets", "deriv",
				"avg_over_time", "min_over_time", "max_over_time", "sum_over_time", "count_over_time", "last_over_time",
				"stddev_over_time", "stdvar_over_time", "present_over_time", "absent_over_time")) {
			define(n, MATRIX, 0, false, VECTOR);
		}
		define("quantile_over_time", List.of(SCALAR, MATRIX), 0, false, VECTOR);
		define("predict_linear", List.of(MATRIX, SCALAR), 0, false, VECTOR);
		define("histogram_quantile", List.of(SCALAR, VECTOR), 0, false, VECTOR);
		define("scalar", VECTOR, 0, false, SCALAR);
		define("vector", SCALAR, 0, false, VECTOR);
		define("time", List.of(), 0, false, SCALAR);
		define("label_replace", List.of(VECTOR, STRING, STRING, STRING, STRING), 0, false, VECTOR);
		define("label_join", List.of(VECTOR, STRING, STRING, STRING), 1, true, VECTOR);
	}

	private static void define(String name, ValueType arg, int optional, boolean variadic, ValueType returns) {
		define(name, List.of(arg), optional, variadic, returns);
	}

	private static void define(String name, List<ValueType> args, int optional, boolean variadic, ValueType returns) {
		FUNCTIONS.put(name, new Function(name, args, optional, variadic, returns));
	}

	static Function byName(String name) {
		return FUNCTIONS.get(name);
	}

}
