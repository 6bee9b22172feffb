package dev.watchkeeper.notification;

import java.time.Duration;

/**
 * What one attempt to send came to.
 *
 * @param outcome succeeded, retry (a passing problem) or failed (retrying cannot help)
 * @param statusCode the peer's HTTP status, if it answered
 * @param error what went wrong, for the delivery log
 * @param retryAfter the wait the peer asked for ({@code Retry-After}), if any
 */
record SendResult(Outcome outcome, Integer statusCode, String error, Duration retryAfter) {

	enum Outcome {

		SUCCEEDED, RETRY, FAILED

	}

	static SendResult succeeded(Integer statusCode) {
		return new SendResult(Outcome.SUCCEEDED, statusCode, null, null);
	}

	static SendResult retry(Integer statusCode, String error, Duration retryAfter) {
		return new SendResult(Outcome.RETRY, statusCode, error, retryAfter);
	}

	static SendResult failed(Integer statusCode, String error) {
		return new SendResult(Outcome.FAILED, statusCode, error, null);
	}

}
