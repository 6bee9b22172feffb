package dev.watchkeeper.maintenance;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import dev.watchkeeper.monitoring.PlannedDowntime;

import org.springframework.stereotype.Component;

/** Windows in force are planned downtime of their services: uptime leaves them out. */
@Component
class MaintenanceDowntime implements PlannedDowntime {

	private final LiveWindows windows;

	MaintenanceDowntime(LiveWindows windows) {
		this.windows = windows;
	}

	@Override
	public List<Interval> windows(UUID serviceId, Instant from, Instant to) {
		List<Schedule.Slot> slots = new ArrayList<>();
		for (LiveWindows.Live live : windows.byService(serviceId)) {
			slots.addAll(live.slots(from, to));
		}
		return Schedule.join(slots)
			.stream()
			.map(s -> new Interval(s.start().isBefore(from) ? from : s.start(), s.end().isAfter(to) ? to : s.end()))
			.toList();
	}

}
