package dev.watchkeeper.monitoring.metrics.promql;

/** A valid query that cannot be evaluated on the data, with Prometheus's message. */
public class QueryException extends RuntimeException {

	private static final long serialVersionUID = 1L;

	public QueryException(String message) {
		super(message);
	}

}
