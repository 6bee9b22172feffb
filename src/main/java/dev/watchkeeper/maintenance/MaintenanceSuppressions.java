package dev.watchkeeper.maintenance;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;

import dev.watchkeeper.alerting.AlertSuppressions;

import org.springframework.stereotype.Component;

/**
 * Suppresses an alert while a window in force affects the service its {@code service}
 * label names (by catalog slug). Alerts of other services, and alerts without the label,
 * are never touched.
 */
@Component
class MaintenanceSuppressions implements AlertSuppressions {

	private final LiveWindows windows;

	private final MaintenanceSettings settings;

	MaintenanceSuppressions(LiveWindows windows, MaintenanceSettings settings) {
		this.windows = windows;
		this.settings = settings;
	}

	@Override
	public Optional<String> suppressedBy(Map<String, String> labels, Instant at) {
		String slug = labels.get(settings.serviceLabel());
		if (slug == null || slug.isEmpty()) {
			return Optional.empty();
		}
		for (LiveWindows.Live live : windows.bySlug(slug)) {
			boolean active = live.slots(at.minus(Duration.ofDays(1)), at.plusSeconds(1))
				.stream()
				.anyMatch(slot -> slot.contains(at));
			if (active) {
				return Optional.of("maintenance \"" + live.window().title() + "\" (" + live.window().id() + ")");
			}
		}
		return Optional.empty();
	}

}
