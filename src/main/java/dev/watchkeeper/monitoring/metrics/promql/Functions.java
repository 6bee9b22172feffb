package dev.watchkeeper.monitoring.metrics.promql;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.DoubleUnaryOperator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

import dev.watchkeeper.monitoring.metrics.LabelMatcher;
import dev.watchkeeper.monitoring.metrics.Labels;
import dev.watchkeeper.monitoring.metrics.promql.Value.Sample;
import dev.watchkeeper.monitoring.metrics.promql.Value.Scalar;
import dev.watchkeeper.monitoring.metrics.promql.Value.Vector;

/**
 * Function calls: dispatch to range functions, and the functions over instant vectors.
 */
final class Functions {

	private static final Pattern LABEL_NAME = Pattern.compile("[a-zA-Z_][a-zA-Z0-9_]*");

	private Functions() {
	}

	static Value call(Evaluation ev, Expr.Call c, long t) {
		String name = c.function().name();
		List<Expr> args = c.args();
		switch (name) {
			case "time":
				return new Scalar(t / 1000.0);
			case "vector":
				return new Vector(List.of(new Sample(Labels.EMPTY, ev.scalar(args.get(0), t))));
			case "scalar": {
				List<Sample> v = ev.vector(args.get(0), t).samples();
				return new Scalar(v.size() == 1 ? v.get(0).value() : Double.NaN);
			}
			case "absent":
				return absent(ev.vector(args.get(0), t).samples().isEmpty(), args.get(0));
			case "absent_over_time":
				return absent(ev.windows(args.get(0), t).isEmpty(), args.get(0));
			case "timestamp":
				return timestamp(ev, args.get(0), t);
			case "histogram_quantile":
				return Histograms.quantile(ev.scalar(args.get(0), t), ev.vector(args.get(1), t));
			case "label_replace":
				return labelReplace(ev.vector(args.get(0), t), strings(ev, args, t));
			case "label_join":
				return labelJoin(ev.vector(args.get(0), t), strings(ev, args, t));
			case "sort":
				return sorted(ev.vector(args.get(0), t), false);
			case "sort_desc":
				return sorted(ev.vector(args.get(0), t), true);
			default:
				break;
		}
		if (c.function().args().contains(ValueType.MATRIX)) {
			return rangeFunction(ev, c, t);
		}
		return simple(ev, c, t);
	}

	private static Value rangeFunction(Evaluation ev, Expr.Call c, long t) {
		String name = c.function().name();
		double param = 0;
		Expr rangeArg;
		if (name.equals("quantile_over_time")) {
			param = ev.scalar(c.args().get(0), t);
			rangeArg = c.args().get(1);
		}
		else {
			rangeArg = c.args().get(0);
			if (name.equals("predict_linear")) {
				param = ev.scalar(c.args().get(1), t);
			}
		}
		long[] bounds = bounds(unwrap(rangeArg), t);
		return RangeFunctions.apply(name, ev.windows(rangeArg, t), bounds[0], bounds[1], param);
	}

	private static Expr unwrap(Expr e) {
		return (e instanceof Expr.Paren p) ? unwrap(p.expr()) : e;
	}

	private static long[] bounds(Expr rangeArg, long t) {
		return switch (rangeArg) {
			case Expr.MatrixSelector ms ->
				new long[] { t - ms.selector().offsetMillis() - ms.rangeMillis(), t - ms.selector().offsetMillis() };
			case Expr.Subquery sq -> new long[] { t - sq.offsetMillis() - sq.rangeMillis(), t - sq.offsetMillis() };
			default -> throw new QueryException("expected a range vector");
		};
	}

	private static Value simple(Evaluation ev, Expr.Call c, long t) {
		String name = c.function().name();
		List<Sample> in = ev.vector(c.args().get(0), t).samples();
		DoubleUnaryOperator f = switch (name) {
			case "abs" -> Math::abs;
			case "ceil" -> Math::ceil;
			case "floor" -> Math::floor;
			case "exp" -> Math::exp;
			case "ln" -> Math::log;
			case "log2" -> (v) -> Math.log(v) / Math.log(2);
			case "log10" -> Math::log10;
			case "sqrt" -> Math::sqrt;
			case "sgn" -> Math::signum;
			case "round" -> {
				double toNearest = (c.args().size() > 1) ? ev.scalar(c.args().get(1), t) : 1;
				double inverse = 1.0 / toNearest;
				yield (v) -> Math.floor(v * inverse + 0.5) / inverse;
			}
			case "clamp" -> {
				double min = ev.scalar(c.args().get(1), t);
				double max = ev.scalar(c.args().get(2), t);
				if (max < min) {
					yield null;
				}
				yield (v) -> Math.max(min, Math.min(max, v));
			}
			case "clamp_min" -> {
				double min = ev.scalar(c.args().get(1), t);
				yield (v) -> Math.max(min, v);
			}
			case "clamp_max" -> {
				double max = ev.scalar(c.args().get(1), t);
				yield (v) -> Math.min(max, v);
			}
			default -> throw new QueryException("function \"" + name + "\" is not supported");
		};
		List<Sample> out = new ArrayList<>(in.size());
		if (f == null) {
			return new Vector(out);
		}
		for (Sample s : in) {
			out.add(new Sample(s.labels().withoutMetricName(), f.applyAsDouble(s.value())));
		}
		return new Vector(out);
	}

	private static Value absent(boolean empty, Expr arg) {
		if (!empty) {
			return new Vector(List.of());
		}
		Expr inner = unwrap(arg);
		List<LabelMatcher> matchers = switch (inner) {
			case Expr.VectorSelector vs -> vs.matchers();
			case Expr.MatrixSelector ms -> ms.selector().matchers();
			default -> List.of();
		};
		Map<String, String> labels = new HashMap<>();
		List<String> dropped = new ArrayList<>();
		for (LabelMatcher m : matchers) {
			if (m.name().equals(Labels.METRIC_NAME)) {
				continue;
			}
			if (m.type() == LabelMatcher.Type.EQUAL && !labels.containsKey(m.name())) {
				labels.put(m.name(), m.value());
			}
			else {
				dropped.add(m.name());
			}
		}
		dropped.forEach(labels::remove);
		return new Vector(List.of(new Sample(Labels.of(labels), 1)));
	}

	private static Value timestamp(Evaluation ev, Expr arg, long t) {
		if (arg instanceof Expr.VectorSelector vs) {
			Vector v = ev.instant(vs, t);
			List<long[]> times = ev.instantTimes(vs, t);
			List<Sample> out = new ArrayList<>(times.size());
			for (int i = 0; i < times.size(); i++) {
				out.add(new Sample(v.samples().get(i).labels().withoutMetricName(), times.get(i)[0] / 1000.0));
			}
			return new Vector(out);
		}
		List<Sample> out = new ArrayList<>();
		for (Sample s : ev.vector(arg, t).samples()) {
			out.add(new Sample(s.labels().withoutMetricName(), t / 1000.0));
		}
		return new Vector(out);
	}

	private static List<String> strings(Evaluation ev, List<Expr> args, long t) {
		List<String> out = new ArrayList<>();
		for (Expr e : args.subList(1, args.size())) {
			out.add(((Value.StringValue) ev.eval(e, t)).value());
		}
		return out;
	}

	private static Value labelReplace(Vector in, List<String> args) {
		String dst = args.get(0);
		String replacement = args.get(1);
		String src = args.get(2);
		Pattern regex;
		try {
			regex = LabelMatcher.compileAnchored(args.get(3));
		}
		catch (PatternSyntaxException ex) {
			throw new QueryException("invalid regular expression in label_replace(): " + args.get(3));
		}
		if (!LABEL_NAME.matcher(dst).matches()) {
			throw new QueryException("invalid destination label name in label_replace(): " + dst);
		}
		Map<Labels, Labels> done = new HashMap<>();
		List<Sample> out = new ArrayList<>();
		for (Sample s : in.samples()) {
			Labels result = done.computeIfAbsent(s.labels(), (labels) -> {
				Matcher m = regex.matcher(labels.get(src));
				if (!m.matches()) {
					return labels;
				}
				return labels.toBuilder().set(dst, expand(replacement, m)).build();
			});
			out.add(new Sample(result, s.value()));
		}
		return new Vector(out);
	}

	/**
	 * Go's Regexp.Expand: $1, ${1}, $name and ${name}; $$ is a dollar; unknown groups
	 * expand to "".
	 */
	static String expand(String template, Matcher m) {
		StringBuilder sb = new StringBuilder();
		int i = 0;
		while (i < template.length()) {
			char c = template.charAt(i);
			if (c != '$' || i + 1 >= template.length()) {
				sb.append(c);
				i++;
				continue;
			}
			if (template.charAt(i + 1) == '$') {
				sb.append('$');
				i += 2;
				continue;
			}
			String name;
			int next;
			if (template.charAt(i + 1) == '{') {
				int close = template.indexOf('}', i + 2);
				name = (close < 0) ? null : template.substring(i + 2, close);
				if (name == null || name.isEmpty() || !name.chars().allMatch(Functions::isWordChar)) {
					sb.append(c);
					i++;
					continue;
				}
				next = close + 1;
			}
			else {
				int j = i + 1;
				while (j < template.length() && isWordChar(template.charAt(j))) {
					j++;
				}
				if (j == i + 1) {
					sb.append(c);
					i++;
					continue;
				}
				name = template.substring(i + 1, j);
				next = j;
			}
			sb.append(group(m, name));
			i = next;
		}
		return sb.toString();
	}

	private static boolean isWordChar(int c) {
		return Character.isLetterOrDigit(c) && c < 128 || c == '_';
	}

	private static String group(Matcher m, String name) {
		String value = null;
		try {
			if (name.chars().allMatch(Character::isDigit)) {
				int index = Integer.parseInt(name);
				value = (index <= m.groupCount()) ? m.group(index) : null;
			}
			else {
				value = m.group(name);
			}
		}
		catch (IllegalArgumentException ex) {
			value = null;
		}
		return (value == null) ? "" : value;
	}

	private static Value labelJoin(Vector in, List<String> args) {
		String dst = args.get(0);
		String separator = args.get(1);
		List<String> sources = args.subList(2, args.size());
		for (String src : sources) {
			if (!LABEL_NAME.matcher(src).matches()) {
				throw new QueryException("invalid source label name in label_join(): " + src);
			}
		}
		if (!LABEL_NAME.matcher(dst).matches()) {
			throw new QueryException("invalid destination label name in label_join(): " + dst);
		}
		List<Sample> out = new ArrayList<>();
		for (Sample s : in.samples()) {
			List<String> values = new ArrayList<>();
			for (String src : sources) {
				values.add(s.labels().get(src));
			}
			out.add(new Sample(s.labels().toBuilder().set(dst, String.join(separator, values)).build(), s.value()));
		}
		return new Vector(out);
	}

	private static Value sorted(Vector in, boolean descending) {
		List<Sample> out = new ArrayList<>(in.samples());
		Comparator<Sample> order = descending ? (a, b) -> Aggregations.compareNaNLast(b.value(), a.value(), false)
				: (a, b) -> Aggregations.compareNaNLast(a.value(), b.value(), true);
		out.sort(order);
		return new Vector(out);
	}

}
