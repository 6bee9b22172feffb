package dev.watchkeeper.incident;

import java.time.Duration;

/**
 * How fast incidents were answered.
 *
 * @param incidents incidents declared in the period
 * @param acknowledged of those, how many were acknowledged
 * @param resolved of those, how many were resolved
 * @param mtta mean time to acknowledge, over the acknowledged ones; null without any
 * @param mttr mean time to resolve, over the resolved ones; null without any
 * @param acknowledgeMeasured incidents acknowledged or past their acknowledgement target
 * @param acknowledgedWithinTarget of those, acknowledged by the target
 * @param resolveMeasured incidents resolved or past their resolution target
 * @param resolvedWithinTarget of those, resolved by the target
 * @param acknowledgedWithinTargetShare acknowledged within target, 0 to 1; null when
 * nothing could be measured yet
 * @param resolvedWithinTargetShare resolved within target, 0 to 1; null when nothing
 * could be measured yet
 */
public record ResponseStats(long incidents, long acknowledged, long resolved, Duration mtta, Duration mttr,
		long acknowledgeMeasured, long acknowledgedWithinTarget, long resolveMeasured, long resolvedWithinTarget,
		Double acknowledgedWithinTargetShare, Double resolvedWithinTargetShare) {

	static ResponseStats of(long incidents, long acknowledged, long resolved, Duration mtta, Duration mttr,
			long acknowledgeMeasured, long acknowledgedWithinTarget, long resolveMeasured, long resolvedWithinTarget) {
		return new ResponseStats(incidents, acknowledged, resolved, mtta, mttr, acknowledgeMeasured,
				acknowledgedWithinTarget, resolveMeasured, resolvedWithinTarget,
				share(acknowledgedWithinTarget, acknowledgeMeasured), share(resolvedWithinTarget, resolveMeasured));
	}

	private static Double share(long part, long whole) {
		return whole == 0 ? null : (double) part / whole;
	}

}
