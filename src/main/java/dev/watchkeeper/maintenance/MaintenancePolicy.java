package dev.watchkeeper.maintenance;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * The rules every window is checked against, kept as data (handbook 003 by default).
 *
 * @param maxDuration the longest a window (each occurrence) may last; 4 h
 * @param minNotice how far ahead scheduled work must be announced; 48 h
 * @param reminderBefore how long before a start the reminder goes out; 24 h
 * @param followUpAfter when the follow-up (post-mortem) of emergency work is due after
 * its end; 48 h
 * @param defaultWindow the handbook's default window in Alertmanager's time-interval
 * syntax (first Sunday of the month, 02:00–06:00 UTC)
 * @param updatedAt when it last changed
 * @param updatedBy who changed it
 */
public record MaintenancePolicy(Duration maxDuration, Duration minNotice, Duration reminderBefore,
		Duration followUpAfter, List<Map<String, Object>> defaultWindow, Instant updatedAt, String updatedBy) {

	public MaintenancePolicy {
		defaultWindow = List.copyOf(defaultWindow);
	}

	/** A duration as people write it: 4 h, 48 h, 90 min, 1 h 30 min. */
	public static String words(Duration duration) {
		long minutes = duration.toMinutes();
		long hours = minutes / 60;
		long rest = minutes % 60;
		if (hours == 0) {
			return rest + " min";
		}
		return rest == 0 ? hours + " h" : hours + " h " + rest + " min";
	}

}
