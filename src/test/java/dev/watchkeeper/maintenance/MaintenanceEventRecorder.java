package dev.watchkeeper.maintenance;

import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;

import org.springframework.boot.test.context.TestComponent;
import org.springframework.context.event.EventListener;

/** Remembers every event of {@link MaintenanceEvents} the application publishes. */
@TestComponent
class MaintenanceEventRecorder {

	private final List<Object> events = new CopyOnWriteArrayList<>();

	@EventListener
	void on(Object event) {
		if (event.getClass().getEnclosingClass() == MaintenanceEvents.class) {
			events.add(event);
		}
	}

	/** The events about this window, in order, as {@code Kind@startsAt}. */
	List<String> of(UUID windowId) {
		return events.stream().filter(e -> windowId.equals(windowOf(e))).map(e -> {
			try {
				return e.getClass().getSimpleName() + "@" + e.getClass().getMethod("startsAt").invoke(e);
			}
			catch (ReflectiveOperationException ex) {
				throw new IllegalStateException(ex);
			}
		}).toList();
	}

	private static UUID windowOf(Object event) {
		try {
			return (UUID) event.getClass().getMethod("windowId").invoke(event);
		}
		catch (ReflectiveOperationException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
