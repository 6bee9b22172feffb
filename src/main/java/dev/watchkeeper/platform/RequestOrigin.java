package dev.watchkeeper.platform;

import java.util.Optional;

/**
 * Where the current change comes from: the request id, the W3C trace id, the client
 * address and user agent. Set for the duration of each HTTP request; empty for work that
 * no request started (timers, start-up).
 *
 * @param requestId the {@code X-Request-ID} accepted or generated for the request
 * @param traceId the W3C trace id from {@code traceparent}, or a new one
 * @param ipAddress the client address
 * @param userAgent the client's {@code User-Agent}
 */
public record RequestOrigin(String requestId, String traceId, String ipAddress, String userAgent) {

	private static final ThreadLocal<RequestOrigin> CURRENT = new ThreadLocal<>();

	public static Optional<RequestOrigin> current() {
		return Optional.ofNullable(CURRENT.get());
	}

	/** Runs {@code work} with this origin as the current one. */
	public void runWith(ThrowingRunnable work) throws Exception {
		RequestOrigin previous = CURRENT.get();
		CURRENT.set(this);
		try {
			work.run();
		}
		finally {
			if (previous == null) {
				CURRENT.remove();
			}
			else {
				CURRENT.set(previous);
			}
		}
	}

	@FunctionalInterface
	public interface ThrowingRunnable {

		void run() throws Exception;

	}

}
