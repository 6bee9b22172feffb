package dev.watchkeeper.alerting;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Something outside alerting that keeps alerts from notices for a while, such as planned
 * maintenance. A suppressed alert is treated like a silenced one: it is kept and shown as
 * suppressed, never dropped, and not notified while suppressed. Implementations must be
 * fast (the dispatcher asks once per alert per flush) and must not write.
 */
public interface AlertSuppressions {

	/**
	 * What suppresses an alert with these labels at {@code at}.
	 * @return empty when nothing does; otherwise a short name of what does, e.g.
	 * {@code maintenance "Database upgrade" (3f0c…)}
	 */
	Optional<String> suppressedBy(Map<String, String> labels, Instant at);

	/** Asks each in turn; the first answer wins. */
	static AlertSuppressions of(List<AlertSuppressions> all) {
		if (all.isEmpty()) {
			return (labels, at) -> Optional.empty();
		}
		return (labels, at) -> {
			for (AlertSuppressions suppressions : all) {
				var by = suppressions.suppressedBy(labels, at);
				if (by.isPresent()) {
					return by;
				}
			}
			return Optional.empty();
		};
	}

}
