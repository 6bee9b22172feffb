package dev.watchkeeper.maintenance;

import java.time.Instant;
import java.util.UUID;

import com.github.kagkarlsson.scheduler.SchedulerClient;
import com.github.kagkarlsson.scheduler.exceptions.ExecutionException;
import com.github.kagkarlsson.scheduler.exceptions.TaskInstanceCurrentlyExecutingException;
import com.github.kagkarlsson.scheduler.exceptions.TaskInstanceNotFoundException;
import com.github.kagkarlsson.scheduler.task.TaskDescriptor;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * One persistent db-scheduler timer per window, keyed by the window's id: it fires at the
 * window's next reminder, start or end, and after each sets itself to the one after (see
 * {@link WindowClock}). Scheduling joins the caller's transaction, so a timer exists
 * exactly when the change that set it commits, fires once across nodes and survives a
 * restart.
 */
@Component
class WindowTimers {

	static final TaskDescriptor<Void> WINDOW = TaskDescriptor.of("maintenance-window");

	private final ObjectProvider<SchedulerClient> scheduler;

	WindowTimers(ObjectProvider<SchedulerClient> scheduler) {
		this.scheduler = scheduler;
	}

	/** Sets the window's timer to fire at {@code at}, moving it if it exists. */
	void schedule(UUID windowId, Instant at) {
		try {
			scheduler.getObject()
				.schedule(WINDOW.instance(windowId.toString()).build(), at,
						SchedulerClient.ScheduleOptions.WHEN_EXISTS_RESCHEDULE);
		}
		catch (TaskInstanceCurrentlyExecutingException ex) {
			// firing now: its handler waits for the window's lock, then reads this change
		}
		catch (ExecutionException ex) {
			// a node claimed it between the scheduler's read and its update: as above
		}
	}

	/** Removes the window's timer if it is pending. */
	void cancel(UUID windowId) {
		try {
			scheduler.getObject().cancel(WINDOW.instanceId(windowId.toString()));
		}
		catch (TaskInstanceNotFoundException | TaskInstanceCurrentlyExecutingException ex) {
			// fired already, never set, or firing now: the handler finds the window
			// cancelled
		}
		catch (ExecutionException ex) {
			// a node claimed it between the read and the delete: its handler finds the
			// window cancelled
		}
	}

}
