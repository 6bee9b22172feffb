package dev.watchkeeper.monitoring;

import java.time.Duration;
import java.time.Instant;

/**
 * How one outcome moves a check's state: N consecutive failures take it down, M
 * consecutive successes bring a down check up (a new check is up at its first success),
 * and what that means for its alert.
 *
 * @param status the new status
 * @param failures consecutive failures now
 * @param successes consecutive successes now
 * @param changed whether the status changed
 * @param alert what to do with the check's alert
 * @param alertSeverity the severity of the firing alert, if any
 */
record Transition(String status, int failures, int successes, boolean changed, AlertAction alert,
		String alertSeverity) {

	enum AlertAction {

		NONE, FIRE, REFRESH, RESOLVE,
		/** The severity changed while down: resolve the old alert, fire the new. */
		REPLACE

	}

	static Transition of(String status, int failures, int successes, int failureThreshold, int successThreshold,
			String firingSeverity, Instant alertRefreshedAt, Outcome outcome, String severity, Duration refresh) {
		int f = outcome.ok() ? 0 : failures + 1;
		int s = outcome.ok() ? successes + 1 : 0;
		String next = status;
		if (!outcome.ok() && (f >= failureThreshold || outcome.downNow())) {
			next = "down";
		}
		else if (outcome.ok() && (!"down".equals(status) || s >= successThreshold)) {
			next = "up";
		}
		boolean changed = !next.equals(status);
		AlertAction alert = AlertAction.NONE;
		String alertSeverity = null;
		if ("down".equals(next)) {
			alertSeverity = severity;
			if (changed) {
				alert = AlertAction.FIRE;
			}
			else if (firingSeverity != null && !firingSeverity.equals(severity)) {
				alert = AlertAction.REPLACE;
			}
			else if (alertRefreshedAt == null || !alertRefreshedAt.plus(refresh).isAfter(outcome.at())) {
				alert = AlertAction.REFRESH;
			}
		}
		else if (changed && "down".equals(status)) {
			alert = AlertAction.RESOLVE;
		}
		return new Transition(next, f, s, changed, alert, alertSeverity);
	}

}
