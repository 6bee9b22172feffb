package dev.watchkeeper.maintenance;

import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.UUID;

import org.springframework.stereotype.Component;

/** Answers {@link Maintenance} from the windows in force. */
@Component
class MaintenanceReads implements Maintenance {

	/** Longer than any window may last, so one that started earlier is still found. */
	private static final Duration LONGEST = Duration.ofDays(2);

	private final LiveWindows windows;

	MaintenanceReads(LiveWindows windows) {
		this.windows = windows;
	}

	@Override
	public List<MaintenanceOccurrence> active(Collection<UUID> serviceIds, Instant at) {
		return windows.occurrences(at.minus(LONGEST), at.plusSeconds(1))
			.stream()
			.filter(o -> o.activeAt(at))
			.filter(o -> affects(o, serviceIds))
			.toList();
	}

	@Override
	public List<MaintenanceOccurrence> upcoming(Collection<UUID> serviceIds, Instant at, Instant until) {
		return windows.occurrences(at, until)
			.stream()
			.filter(o -> o.startsAt().isAfter(at))
			.filter(o -> affects(o, serviceIds))
			.toList();
	}

	@Override
	public List<MaintenanceOccurrence> between(Instant from, Instant to) {
		return windows.occurrences(from, to);
	}

	private static boolean affects(MaintenanceOccurrence occurrence, Collection<UUID> serviceIds) {
		return serviceIds.isEmpty() || occurrence.serviceIds().stream().anyMatch(serviceIds::contains);
	}

}
