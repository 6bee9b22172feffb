package dev.watchkeeper.monitoring.metrics.promql;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import dev.watchkeeper.monitoring.metrics.Labels;
import dev.watchkeeper.monitoring.metrics.promql.Expr.Cardinality;
import dev.watchkeeper.monitoring.metrics.promql.Expr.VectorMatching;
import dev.watchkeeper.monitoring.metrics.promql.Value.Sample;
import dev.watchkeeper.monitoring.metrics.promql.Value.Scalar;
import dev.watchkeeper.monitoring.metrics.promql.Value.Vector;

/** Arithmetic, comparison and set operators with Prometheus's vector matching. */
final class BinaryOperations {

	private BinaryOperations() {
	}

	static Value apply(Evaluation ev, Expr.Binary b, long t) {
		Value lhs = ev.eval(b.lhs(), t);
		Value rhs = ev.eval(b.rhs(), t);
		if (lhs instanceof Scalar l && rhs instanceof Scalar r) {
			double v = arithmeticOrCompare(b.op(), l.value(), r.value());
			if (b.op().isComparison()) {
				v = compare(b.op(), l.value(), r.value()) ? 1 : 0;
			}
			return new Scalar(v);
		}
		if (lhs instanceof Vector l && rhs instanceof Scalar r) {
			return vectorScalar(b, l, r.value(), false);
		}
		if (lhs instanceof Scalar l && rhs instanceof Vector r) {
			return vectorScalar(b, r, l.value(), true);
		}
		Vector l = (Vector) lhs;
		Vector r = (Vector) rhs;
		return switch (b.op()) {
			case AND -> and(ev, l, r, b.matching());
			case OR -> or(ev, l, r, b.matching());
			case UNLESS -> unless(ev, l, r, b.matching());
			default -> vectorVector(ev, b, l, r);
		};
	}

	private static Vector vectorScalar(Expr.Binary b, Vector vector, double scalar, boolean scalarOnLeft) {
		BinaryOp op = b.op();
		List<Sample> out = new ArrayList<>(vector.samples().size());
		for (Sample s : vector.samples()) {
			double lv = scalarOnLeft ? scalar : s.value();
			double rv = scalarOnLeft ? s.value() : scalar;
			double value;
			boolean keep = true;
			if (op.isComparison()) {
				keep = compare(op, lv, rv);
				value = s.value();
			}
			else {
				value = arithmeticOrCompare(op, lv, rv);
			}
			if (b.returnBool()) {
				value = keep ? 1 : 0;
				keep = true;
			}
			if (keep) {
				Labels labels = (op.dropsMetricName() || b.returnBool()) ? s.labels().withoutMetricName() : s.labels();
				out.add(new Sample(labels, value));
			}
		}
		return new Vector(out);
	}

	private static Vector vectorVector(Evaluation ev, Expr.Binary b, Vector lhs, Vector rhs) {
		VectorMatching m = b.matching();
		BinaryOp op = b.op();
		if (m.card() == Cardinality.ONE_TO_MANY) {
			Vector swap = lhs;
			lhs = rhs;
			rhs = swap;
		}
		Map<Labels, Sample> rightSigs = new HashMap<>();
		for (Sample rs : rhs.samples()) {
			Labels sig = sig(ev, rs.labels(), m);
			Sample dupl = rightSigs.putIfAbsent(sig, rs);
			if (dupl != null) {
				String oneSide = (m.card() == Cardinality.ONE_TO_MANY) ? "left" : "right";
				throw new QueryException("found duplicate series for the match group " + matchedLabels(rs.labels(), m)
						+ " on the " + oneSide + " hand-side of the operation: [" + rs.labels() + ", " + dupl.labels()
						+ "];many-to-many matching not allowed: matching labels must be unique on one side");
			}
		}
		Map<Labels, Set<Labels>> matched = new HashMap<>();
		List<Sample> out = new ArrayList<>();
		for (Sample ls : lhs.samples()) {
			Labels sig = sig(ev, ls.labels(), m);
			Sample rs = rightSigs.get(sig);
			if (rs == null) {
				continue;
			}
			double vl = ls.value();
			double vr = rs.value();
			if (m.card() == Cardinality.ONE_TO_MANY) {
				vl = rs.value();
				vr = ls.value();
			}
			double value;
			boolean keep = true;
			if (op.isComparison()) {
				keep = compare(op, vl, vr);
				value = vl;
			}
			else {
				value = arithmeticOrCompare(op, vl, vr);
			}
			if (b.returnBool()) {
				value = keep ? 1 : 0;
			}
			else if (!keep) {
				continue;
			}
			Labels metric = resultMetric(ls.labels(), rs.labels(), op, m);
			if (b.returnBool()) {
				metric = metric.withoutMetricName();
			}
			Set<Labels> inserted = matched.get(sig);
			if (m.card() == Cardinality.ONE_TO_ONE) {
				if (inserted != null) {
					throw new QueryException(
							"multiple matches for labels: many-to-one matching must be explicit (group_left/group_right)");
				}
				matched.put(sig, Set.of());
			}
			else {
				if (inserted == null) {
					inserted = new HashSet<>();
					matched.put(sig, inserted);
				}
				if (!inserted.add(metric)) {
					throw new QueryException("multiple matches for labels: grouping labels must ensure unique matches");
				}
			}
			out.add(new Sample(metric, value));
		}
		return new Vector(out);
	}

	private static Labels resultMetric(Labels lhs, Labels rhs, BinaryOp op, VectorMatching m) {
		Labels out = lhs;
		if (op.dropsMetricName()) {
			out = out.withoutMetricName();
		}
		if (m.card() == Cardinality.ONE_TO_ONE) {
			if (m.on()) {
				out = out.filter(m.labels()::contains);
			}
			else {
				out = out.filter((n) -> !m.labels().contains(n));
			}
		}
		if (!m.include().isEmpty()) {
			Labels.Builder builder = out.toBuilder();
			for (String name : m.include()) {
				builder.set(name, rhs.get(name));
			}
			out = builder.build();
		}
		return out;
	}

	/**
	 * The labels two samples must share to match: the on-list, or all but the
	 * ignoring-list and the name.
	 */
	static Labels signature(Labels labels, VectorMatching m) {
		return signatureOf(labels, m);
	}

	private static Labels sig(Evaluation ev, Labels labels, VectorMatching m) {
		return ev.derive(m, labels, (l) -> signatureOf(l, m));
	}

	private static Labels signatureOf(Labels labels, VectorMatching m) {
		if (m.on()) {
			return labels.filter(m.labels()::contains);
		}
		return labels.filter((n) -> !n.equals(Labels.METRIC_NAME) && !m.labels().contains(n));
	}

	private static String matchedLabels(Labels labels, VectorMatching m) {
		if (m.on()) {
			return labels.filter(m.labels()::contains).toString();
		}
		return labels.filter((n) -> !n.equals(Labels.METRIC_NAME) && !m.labels().contains(n)).toString();
	}

	private static Vector and(Evaluation ev, Vector lhs, Vector rhs, VectorMatching m) {
		Set<Labels> right = new HashSet<>();
		for (Sample s : rhs.samples()) {
			right.add(sig(ev, s.labels(), m));
		}
		List<Sample> out = new ArrayList<>();
		for (Sample s : lhs.samples()) {
			if (right.contains(sig(ev, s.labels(), m))) {
				out.add(s);
			}
		}
		return new Vector(out);
	}

	private static Vector or(Evaluation ev, Vector lhs, Vector rhs, VectorMatching m) {
		Set<Labels> left = new HashSet<>();
		List<Sample> out = new ArrayList<>(lhs.samples());
		for (Sample s : lhs.samples()) {
			left.add(sig(ev, s.labels(), m));
		}
		for (Sample s : rhs.samples()) {
			if (!left.contains(sig(ev, s.labels(), m))) {
				out.add(s);
			}
		}
		return new Vector(out);
	}

	private static Vector unless(Evaluation ev, Vector lhs, Vector rhs, VectorMatching m) {
		Set<Labels> right = new HashSet<>();
		for (Sample s : rhs.samples()) {
			right.add(sig(ev, s.labels(), m));
		}
		List<Sample> out = new ArrayList<>();
		for (Sample s : lhs.samples()) {
			if (!right.contains(sig(ev, s.labels(), m))) {
				out.add(s);
			}
		}
		return new Vector(out);
	}

	static boolean compare(BinaryOp op, double l, double r) {
		return switch (op) {
			case EQL -> l == r;
			case NEQ -> l != r;
			case GTR -> l > r;
			case LSS -> l < r;
			case GTE -> l >= r;
			case LTE -> l <= r;
			default -> throw new IllegalArgumentException(op.symbol());
		};
	}

	static double arithmeticOrCompare(BinaryOp op, double l, double r) {
		return switch (op) {
			case ADD -> l + r;
			case SUB -> l - r;
			case MUL -> l * r;
			case DIV -> l / r;
			case MOD -> l % r;
			case POW -> pow(l, r);
			default -> l;
		};
	}

	/**
	 * Go's math.Pow, which differs from Java's for a base of 1 or -1 with NaN or infinite
	 * exponents.
	 */
	static double pow(double x, double y) {
		if (y == 0 || x == 1) {
			return 1;
		}
		if (x == -1 && Double.isInfinite(y)) {
			return 1;
		}
		return Math.pow(x, y);
	}

}
