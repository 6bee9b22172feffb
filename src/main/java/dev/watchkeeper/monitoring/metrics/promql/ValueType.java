package dev.watchkeeper.monitoring.metrics.promql;

/** The four types a PromQL expression can have, named as Prometheus names them. */
public enum ValueType {

	SCALAR("scalar"), VECTOR("instant vector"), MATRIX("range vector"), STRING("string");

	private final String description;

	ValueType(String description) {
		this.description = description;
	}

	public String description() {
		return description;
	}

	/** The name Prometheus's HTTP API uses in {@code resultType}. */
	public String resultType() {
		return switch (this) {
			case SCALAR -> "scalar";
			case VECTOR -> "vector";
			case MATRIX -> "matrix";
			case STRING -> "string";
		};
	}

}
