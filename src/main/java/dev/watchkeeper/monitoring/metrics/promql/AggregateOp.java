package dev.watchkeeper.monitoring.metrics.promql;

import java.util.Locale;

/** The aggregation operators. */
public enum AggregateOp {

	SUM, AVG, MIN, MAX, COUNT, GROUP, STDDEV, STDVAR, TOPK, BOTTOMK, QUANTILE, COUNT_VALUES;

	public String keyword() {
		return name().toLowerCase(Locale.ROOT);
	}

	/** The type of the parameter, or null when the operator takes none. */
	public ValueType parameter() {
		return switch (this) {
			case TOPK, BOTTOMK, QUANTILE -> ValueType.SCALAR;
			case COUNT_VALUES -> ValueType.STRING;
			default -> null;
		};
	}

	static AggregateOp byKeyword(String word) {
		for (AggregateOp op : values()) {
			if (op.keyword().equals(word)) {
				return op;
			}
		}
		return null;
	}

}
