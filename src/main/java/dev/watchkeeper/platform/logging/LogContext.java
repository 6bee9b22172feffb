package dev.watchkeeper.platform.logging;

/** Names of the per-request values every log line carries (handbook 004 §3.3). */
public final class LogContext {

	public static final String REQUEST_ID = "request_id";

	public static final String USER_ID = "user_id";

	public static final String TRACE_ID = "trace_id";

	public static final String SPAN_ID = "span_id";

	public static final String IP_ADDRESS = "ip_address";

	public static final String USER_AGENT = "user_agent";

	private LogContext() {
	}

}
