package dev.watchkeeper.monitoring.metrics.promql;

/**
 * A query that is not valid PromQL. The message names the position as Prometheus does:
 * {@code <line>:<column>: parse error: <problem>}.
 */
public class ParseException extends RuntimeException {

	private static final long serialVersionUID = 1L;

	private final int position;

	public ParseException(String query, int position, String problem) {
		super(locate(query, position) + " parse error: " + problem);
		this.position = position;
	}

	/** Offset into the query, counted from zero. */
	public int position() {
		return position;
	}

	private static String locate(String query, int position) {
		if (position < 0 || position > query.length()) {
			return "invalid position:";
		}
		int line = 1;
		int lastBreak = -1;
		for (int i = 0; i < position; i++) {
			if (query.charAt(i) == '\n') {
				line++;
				lastBreak = i;
			}
		}
		return line + ":" + (position - lastBreak) + ":";
	}

}
