package dev.watchkeeper.notification;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.springframework.boot.test.context.TestComponent;
import org.springframework.context.event.EventListener;

/** Remembers every {@link DeliveryFailed} the application publishes. */
@TestComponent
class DeliveryFailedRecorder {

	final List<DeliveryFailed> events = new CopyOnWriteArrayList<>();

	@EventListener
	void on(DeliveryFailed event) {
		events.add(event);
	}

}
