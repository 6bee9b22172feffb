package dev.watchkeeper.incident;

import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;

import org.springframework.boot.test.context.TestComponent;
import org.springframework.context.event.EventListener;

/** Remembers every event of {@link IncidentEvents} the application publishes. */
@TestComponent
class IncidentEventRecorder {

	private final List<Object> events = new CopyOnWriteArrayList<>();

	@EventListener
	void on(Object event) {
		if (event.getClass().getEnclosingClass() == IncidentEvents.class) {
			events.add(event);
		}
	}

	/** The events of this type about this incident, in order. */
	<T> List<T> of(Class<T> type, UUID incidentId) {
		return events.stream()
			.filter(type::isInstance)
			.map(type::cast)
			.filter(event -> incidentId.equals(incidentOf(event)))
			.toList();
	}

	private static UUID incidentOf(Object event) {
		try {
			return (UUID) event.getClass().getMethod("incidentId").invoke(event);
		}
		catch (ReflectiveOperationException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
