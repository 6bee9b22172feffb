package dev.watchkeeper.monitoring.metrics.promql;

import java.util.List;

import dev.watchkeeper.monitoring.metrics.Labels;

/** The result of evaluating an expression. */
public sealed interface Value {

	ValueType type();

	/** A scalar at the evaluation time. */
	record Scalar(double value) implements Value {
		public ValueType type() {
			return ValueType.SCALAR;
		}
	}

	/** A string. */
	record StringValue(String value) implements Value {
		public ValueType type() {
			return ValueType.STRING;
		}
	}

	/** One element of an instant vector. */
	record Sample(Labels labels, double value) {
	}

	/** An instant vector. */
	record Vector(List<Sample> samples) implements Value {
		public ValueType type() {
			return ValueType.VECTOR;
		}
	}

	/** One series of a range vector: {@code size} points in parallel arrays. */
	record Series(Labels labels, long[] timestamps, double[] values, int size) {
	}

	/** A range vector (and the result of a range query). */
	record Matrix(List<Series> series) implements Value {
		public ValueType type() {
			return ValueType.MATRIX;
		}
	}

}
