package dev.watchkeeper.incident;

import java.time.Instant;

import com.github.kagkarlsson.scheduler.SchedulerClient;
import com.github.kagkarlsson.scheduler.exceptions.ExecutionException;
import com.github.kagkarlsson.scheduler.exceptions.TaskInstanceCurrentlyExecutingException;
import com.github.kagkarlsson.scheduler.exceptions.TaskInstanceNotFoundException;
import com.github.kagkarlsson.scheduler.task.TaskDescriptor;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * The module's deadlines as persistent db-scheduler tasks, one per deadline and keyed by
 * what it is about (an incident, a post-mortem reminder, an action item), so a deadline
 * fires once across nodes and after a restart. Scheduling and cancelling join the
 * caller's transaction: a deadline exists exactly when the change that set it commits.
 * <p>
 * A task that is running while the state changes is left alone: its handler reads the
 * state under the incident's row lock and sets its own next run from what it finds.
 */
@Component
class IncidentTimers {

	static final TaskDescriptor<Void> ACKNOWLEDGE_SLA = TaskDescriptor.of("incident-acknowledge-sla");

	static final TaskDescriptor<Void> RESOLVE_SLA = TaskDescriptor.of("incident-resolve-sla");

	static final TaskDescriptor<Void> UPDATE_DUE = TaskDescriptor.of("incident-update-due");

	static final TaskDescriptor<Void> POSTMORTEM_REMINDER = TaskDescriptor.of("postmortem-reminder");

	static final TaskDescriptor<Void> ACTION_ITEM_OVERDUE = TaskDescriptor.of("action-item-overdue");

	private final ObjectProvider<SchedulerClient> scheduler;

	/**
	 * The scheduler is looked up on first use: it is built from the task beans, whose
	 * handlers use this class.
	 */
	IncidentTimers(ObjectProvider<SchedulerClient> scheduler) {
		this.scheduler = scheduler;
	}

	/** Sets the deadline, moving it if it exists. */
	void schedule(TaskDescriptor<Void> task, String instance, Instant at) {
		try {
			scheduler.getObject()
				.schedule(task.instance(instance).build(), at, SchedulerClient.ScheduleOptions.WHEN_EXISTS_RESCHEDULE);
		}
		catch (TaskInstanceCurrentlyExecutingException ex) {
			// the running handler sets the next run from the state it reads
		}
		catch (com.github.kagkarlsson.scheduler.exceptions.ExecutionException ex) {
			// a node claimed the execution between the scheduler's read and its update:
			// as
			// above, its handler reads the state this transaction commits and sets the
			// next
			// run from it
		}
	}

	/** Removes the deadline if it is still pending. */
	void cancel(TaskDescriptor<Void> task, String instance) {
		try {
			scheduler.getObject().cancel(task.instanceId(instance));
		}
		catch (TaskInstanceNotFoundException | TaskInstanceCurrentlyExecutingException ex) {
			// fired already, never set, or firing now: the handler finds nothing to do
		}
		catch (ExecutionException ex) {
			// a node claimed it between the read and the delete: it is firing now, and
			// its
			// handler waits for the incident's lock, then finds nothing to do
		}
	}

	/** When the deadline is set to fire, if it is pending. */
	java.util.Optional<Instant> scheduled(TaskDescriptor<Void> task, String instance) {
		return scheduler.getObject()
			.getScheduledExecution(task.instanceId(instance))
			.map(execution -> execution.getExecutionTime());
	}

}
