package dev.watchkeeper.monitoring.metrics.promql;

import java.util.List;

import dev.watchkeeper.monitoring.metrics.LabelMatcher;

/** The PromQL syntax tree. Positions are character offsets into the query. */
public sealed interface Expr {

	ValueType type();

	/** A number literal. */
	record NumberLiteral(double value) implements Expr {
		public ValueType type() {
			return ValueType.SCALAR;
		}
	}

	/** A string literal. */
	record StringLiteral(String value) implements Expr {
		public ValueType type() {
			return ValueType.STRING;
		}
	}

	/** An instant vector selector; offset in milliseconds. */
	record VectorSelector(String name, List<LabelMatcher> matchers, long offsetMillis) implements Expr {
		public ValueType type() {
			return ValueType.VECTOR;
		}
	}

	/** A range vector selector: a vector selector over a range in milliseconds. */
	record MatrixSelector(VectorSelector selector, long rangeMillis) implements Expr {
		public ValueType type() {
			return ValueType.MATRIX;
		}
	}

	/** A subquery: the inner expression evaluated at steps over a range. */
	record Subquery(Expr expr, long rangeMillis, long stepMillis, long offsetMillis) implements Expr {
		public ValueType type() {
			return ValueType.MATRIX;
		}
	}

	/** A function call. */
	record Call(Function function, List<Expr> args) implements Expr {
		public ValueType type() {
			return function.returns();
		}
	}

	/** An aggregation with optional parameter and grouping. */
	record Aggregate(AggregateOp op, Expr expr, Expr param, List<String> grouping, boolean without) implements Expr {
		public ValueType type() {
			return ValueType.VECTOR;
		}
	}

	/** A binary operation; {@code matching} is null unless both sides are vectors. */
	record Binary(BinaryOp op, Expr lhs, Expr rhs, boolean returnBool, VectorMatching matching) implements Expr {
		public ValueType type() {
			return (lhs.type() == ValueType.SCALAR && rhs.type() == ValueType.SCALAR) ? ValueType.SCALAR
					: ValueType.VECTOR;
		}
	}

	/** Unary minus. */
	record Negation(Expr expr) implements Expr {
		public ValueType type() {
			return expr.type();
		}
	}

	/** Parentheses, kept so that printing and type errors match the query. */
	record Paren(Expr expr) implements Expr {
		public ValueType type() {
			return expr.type();
		}
	}

	/** Cardinality of a vector match. */
	enum Cardinality {

		ONE_TO_ONE, MANY_TO_ONE, ONE_TO_MANY, MANY_TO_MANY

	}

	/** How the two sides of a binary vector operation are matched. */
	record VectorMatching(Cardinality card, List<String> labels, boolean on, List<String> include) {
	}

}
