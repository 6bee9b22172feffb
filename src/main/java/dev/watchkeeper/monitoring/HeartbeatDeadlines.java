package dev.watchkeeper.monitoring;

import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

import com.github.kagkarlsson.scheduler.SchedulerClient;
import com.github.kagkarlsson.scheduler.exceptions.ExecutionException;
import com.github.kagkarlsson.scheduler.exceptions.TaskInstanceCurrentlyExecutingException;
import com.github.kagkarlsson.scheduler.exceptions.TaskInstanceNotFoundException;
import com.github.kagkarlsson.scheduler.task.CompletionHandler;
import com.github.kagkarlsson.scheduler.task.Task;
import com.github.kagkarlsson.scheduler.task.TaskDescriptor;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * A heartbeat's "late" deadline as a persistent db-scheduler task keyed by the check, so
 * it fires once across nodes and after a restart. Setting and cancelling join the
 * caller's transaction: a deadline exists exactly when the ping that set it commits.
 */
@Configuration(proxyBeanMethods = false)
class HeartbeatDeadlines {

	static final TaskDescriptor<Void> LATE = TaskDescriptor.of("heartbeat-late");

	private final ObjectProvider<SchedulerClient> scheduler;

	/** The scheduler is looked up on first use: it is built from the task beans. */
	HeartbeatDeadlines(ObjectProvider<SchedulerClient> scheduler) {
		this.scheduler = scheduler;
	}

	@Bean
	Task<Void> heartbeatLateTask(ObjectProvider<Heartbeats> heartbeats) {
		return Tasks.custom(LATE).execute((instance, context) -> {
			Optional<Instant> next = heartbeats.getObject().deadlinePassed(UUID.fromString(instance.getId()));
			if (next.isPresent()) {
				Instant at = next.get();
				return (complete, operations) -> operations.reschedule(complete, at);
			}
			return new CompletionHandler.OnCompleteRemove<>();
		});
	}

	/** Sets the deadline, moving it if it exists. */
	void schedule(UUID checkId, Instant at) {
		try {
			scheduler.getObject()
				.schedule(LATE.instance(checkId.toString()).build(), at,
						SchedulerClient.ScheduleOptions.WHEN_EXISTS_RESCHEDULE);
		}
		catch (TaskInstanceCurrentlyExecutingException | ExecutionException ex) {
			// the running handler reads the state this transaction commits (it waits for
			// the check's row lock) and sets the next deadline from it
		}
	}

	/** Removes the deadline if it is pending. */
	void cancel(UUID checkId) {
		try {
			scheduler.getObject().cancel(LATE.instanceId(checkId.toString()));
		}
		catch (TaskInstanceNotFoundException | TaskInstanceCurrentlyExecutingException | ExecutionException ex) {
			// fired already, never set, or firing now: the handler finds nothing to do
		}
	}

	/** When the deadline is set, if it is. */
	Optional<Instant> scheduled(UUID checkId) {
		return scheduler.getObject()
			.getScheduledExecution(LATE.instanceId(checkId.toString()))
			.map(execution -> execution.getExecutionTime());
	}

}
