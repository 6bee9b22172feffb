package dev.watchkeeper.monitoring.metrics;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.watchkeeper.monitoring.metrics.promql.Engine;
import dev.watchkeeper.monitoring.metrics.promql.Expr;
import dev.watchkeeper.monitoring.metrics.promql.Parser;
import dev.watchkeeper.monitoring.metrics.promql.Value;

/**
 * Runs test scripts in Prometheus's promqltest format: {@code load <step>} with series in
 * expansion notation ({@code 0+10x100}, {@code _}, {@code stale}), {@code clear}, and
 * {@code eval instant at <time> <expr>}, {@code eval_fail} and {@code eval_ordered}
 * followed by the expected series.
 */
final class PromqlScript {

	private static final double EPSILON = 0.000001;

	private static final double MIN_NORMAL = Double.MIN_NORMAL;

	/** One eval command with its expectations, runnable against a store loaded so far. */
	record Eval(String name, int line, Runnable check) {
	}

	private final String file;

	private MetricStore store = newStore();

	PromqlScript(String file) {
		this.file = file;
	}

	private static MetricStore newStore() {
		return new MetricStore(Clock.systemUTC(), Duration.ofDays(100_000), Long.MAX_VALUE);
	}

	/** Parses the script; loads happen as the returned evals run, in order. */
	List<Eval> parse(String text) {
		String[] lines = text.split("\n", -1);
		List<Eval> evals = new ArrayList<>();
		int i = 0;
		while (i < lines.length) {
			String line = stripComment(lines[i]).strip();
			int lineNo = i + 1;
			i++;
			if (line.isEmpty()) {
				continue;
			}
			if (line.equals("clear")) {
				evals.add(new Eval("clear", lineNo, () -> store = newStore()));
				continue;
			}
			List<String> block = new ArrayList<>();
			while (i < lines.length && !stripComment(lines[i]).isBlank()) {
				block.add(stripComment(lines[i]).strip());
				i++;
			}
			if (line.startsWith("load ")) {
				long step = Parser.parseDuration(line.substring(5).strip());
				List<String> series = List.copyOf(block);
				evals.add(new Eval("load", lineNo, () -> load(step, series, lineNo)));
			}
			else if (line.startsWith("eval")) {
				evals.add(eval(line, block, lineNo));
			}
			else {
				throw new IllegalArgumentException(file + ":" + lineNo + ": unknown command: " + line);
			}
		}
		return evals;
	}

	private static String stripComment(String line) {
		return line.strip().startsWith("#") ? "" : line;
	}

	private void load(long step, List<String> series, int lineNo) {
		for (String def : series) {
			int split = seriesEnd(def);
			Labels labels = labels(def.substring(0, split));
			List<Double> values = expand(def.substring(split).strip(), lineNo);
			for (int k = 0; k < values.size(); k++) {
				Double v = values.get(k);
				if (v != null) {
					store.append(labels, k * step, v);
				}
			}
		}
	}

	/**
	 * Where the series description ends: after the closing brace, or at the first space.
	 */
	private static int seriesEnd(String def) {
		int brace = def.indexOf('}');
		if (brace >= 0) {
			return brace + 1;
		}
		int space = def.indexOf(' ');
		return (space < 0) ? def.length() : space;
	}

	static Labels labels(String desc) {
		Expr e = Parser.parse(desc);
		if (!(e instanceof Expr.VectorSelector vs)) {
			throw new IllegalArgumentException("not a series description: " + desc);
		}
		Map<String, String> map = new LinkedHashMap<>();
		for (LabelMatcher m : vs.matchers()) {
			map.put(m.name(), m.value());
		}
		return Labels.of(map);
	}

	/** Expands {@code 1+2x3 _ stale 5x2 _x2 -1-1x2}; null stands for a missing sample. */
	static List<Double> expand(String spec, int lineNo) {
		List<Double> out = new ArrayList<>();
		for (String item : spec.split("\\s+")) {
			if (item.isEmpty()) {
				continue;
			}
			if (item.equals("_")) {
				out.add(null);
			}
			else if (item.startsWith("_x")) {
				int n = Integer.parseInt(item.substring(2));
				for (int k = 0; k < n; k++) {
					out.add(null);
				}
			}
			else if (item.equals("stale")) {
				out.add(StaleMarker.VALUE);
			}
			else if (item.contains("x")) {
				int x = item.lastIndexOf('x');
				int n = Integer.parseInt(item.substring(x + 1));
				String head = item.substring(0, x);
				int op = Math.max(head.lastIndexOf('+'), head.lastIndexOf('-'));
				while (op > 0 && (head.charAt(op - 1) == 'e' || head.charAt(op - 1) == 'E')) {
					op = Math.max(head.lastIndexOf('+', op - 1), head.lastIndexOf('-', op - 1));
				}
				double start;
				double delta = 0;
				if (op > 0) {
					start = number(head.substring(0, op));
					delta = number(head.substring(op));
				}
				else {
					start = number(head);
				}
				for (int k = 0; k <= n; k++) {
					out.add(start + k * delta);
				}
			}
			else {
				out.add(number(item));
			}
		}
		return out;
	}

	static double number(String s) {
		return switch (s) {
			case "Inf", "+Inf", "inf", "+inf" -> Double.POSITIVE_INFINITY;
			case "-Inf", "-inf" -> Double.NEGATIVE_INFINITY;
			case "NaN", "nan" -> Double.NaN;
			default -> Double.parseDouble(s);
		};
	}

	private Eval eval(String line, List<String> expected, int lineNo) {
		String[] words = line.split("\\s+", 5);
		String kind = words[0];
		if (words.length < 5 || !words[1].equals("instant") || !words[2].equals("at")) {
			throw new IllegalArgumentException(file + ":" + lineNo + ": expected eval instant at <time> <expr>");
		}
		long at = Parser.parseDuration(words[3]);
		String query = words[4];
		String name = file + ":" + lineNo + ": " + query;
		return new Eval(name, lineNo, () -> check(kind, query, at, expected, name));
	}

	private void check(String kind, String query, long at, List<String> expected, String name) {
		Value result;
		try {
			result = new Engine(store, 300_000).instant(query, at);
		}
		catch (RuntimeException ex) {
			if (kind.equals("eval_fail")) {
				return;
			}
			throw new AssertionError(name + ": unexpected error: " + ex.getMessage(), ex);
		}
		if (kind.equals("eval_fail")) {
			throw new AssertionError(name + ": expected an error, got " + result);
		}
		switch (result) {
			case Value.Scalar s -> {
				if (expected.size() != 1 || !almostEqual(number(expected.get(0).strip()), s.value())) {
					throw new AssertionError(name + ": expected scalar " + expected + ", got " + s.value());
				}
			}
			case Value.Vector v -> checkVector(v, expected, kind.equals("eval_ordered"), name);
			default -> throw new AssertionError(name + ": unsupported result type " + result.type());
		}
	}

	private static void checkVector(Value.Vector v, List<String> expected, boolean ordered, String name) {
		Map<Labels, Double> want = new LinkedHashMap<>();
		for (String line : expected) {
			int split = seriesEnd(line);
			String desc = line.substring(0, split);
			want.put(desc.equals("{}") ? Labels.EMPTY : labels(desc), number(line.substring(split).strip()));
		}
		if (v.samples().size() != want.size()) {
			throw new AssertionError(name + ": expected " + want.size() + " samples " + want + ", got "
					+ v.samples().size() + " " + describe(v));
		}
		List<Labels> order = new ArrayList<>(want.keySet());
		for (int k = 0; k < v.samples().size(); k++) {
			Value.Sample s = v.samples().get(k);
			Double w = want.get(s.labels());
			if (w == null) {
				throw new AssertionError(name + ": unexpected series " + s.labels() + " " + s.value() + " in "
						+ describe(v) + ", expected " + want);
			}
			if (!almostEqual(w, s.value())) {
				throw new AssertionError(name + ": " + s.labels() + " expected " + w + ", got " + s.value());
			}
			if (ordered && !order.get(k).equals(s.labels())) {
				throw new AssertionError(name + ": expected " + order.get(k) + " at position " + k + ", got "
						+ s.labels() + " in " + describe(v));
			}
		}
	}

	private static String describe(Value.Vector v) {
		StringBuilder sb = new StringBuilder("[");
		for (Value.Sample s : v.samples()) {
			sb.append(s.labels()).append(' ').append(s.value()).append("; ");
		}
		return sb.append(']').toString();
	}

	static boolean almostEqual(double a, double b) {
		if (Double.isNaN(a) && Double.isNaN(b)) {
			return true;
		}
		if (a == b) {
			return true;
		}
		double diff = Math.abs(a - b);
		if (a == 0 || b == 0 || diff < MIN_NORMAL) {
			return diff < EPSILON * MIN_NORMAL;
		}
		return diff / (Math.abs(a) + Math.abs(b)) < EPSILON;
	}

}
