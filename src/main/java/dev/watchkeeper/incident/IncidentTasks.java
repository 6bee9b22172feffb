package dev.watchkeeper.incident;

import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;

import com.github.kagkarlsson.scheduler.task.CompletionHandler;
import com.github.kagkarlsson.scheduler.task.Task;
import com.github.kagkarlsson.scheduler.task.TaskDescriptor;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The module's db-scheduler tasks; the scheduler picks up every {@link Task} bean. A
 * handler's answer decides what becomes of the task's row: run again at the instant it
 * names, or be removed.
 */
@Configuration(proxyBeanMethods = false)
class IncidentTasks {

	@Bean
	Task<Void> incidentAcknowledgeSlaTask(ObjectProvider<Deadlines> deadlines) {
		return task(IncidentTimers.ACKNOWLEDGE_SLA, id -> deadlines.getObject().acknowledgeDue(UUID.fromString(id)));
	}

	@Bean
	Task<Void> incidentResolveSlaTask(ObjectProvider<Deadlines> deadlines) {
		return task(IncidentTimers.RESOLVE_SLA, id -> deadlines.getObject().resolveDue(UUID.fromString(id)));
	}

	@Bean
	Task<Void> incidentUpdateDueTask(ObjectProvider<Deadlines> deadlines) {
		return task(IncidentTimers.UPDATE_DUE, id -> deadlines.getObject().updateDue(UUID.fromString(id)));
	}

	@Bean
	Task<Void> postmortemReminderTask(ObjectProvider<Deadlines> deadlines) {
		return task(IncidentTimers.POSTMORTEM_REMINDER, id -> deadlines.getObject().postmortemReminder(id));
	}

	@Bean
	Task<Void> actionItemOverdueTask(ObjectProvider<Deadlines> deadlines) {
		return task(IncidentTimers.ACTION_ITEM_OVERDUE,
				id -> deadlines.getObject().actionItemOverdue(UUID.fromString(id)));
	}

	private static Task<Void> task(TaskDescriptor<Void> descriptor, Function<String, Optional<Instant>> handler) {
		return Tasks.custom(descriptor).execute((instance, context) -> {
			Optional<Instant> next = handler.apply(instance.getId());
			if (next.isPresent()) {
				Instant at = next.get();
				return (complete, operations) -> operations.reschedule(complete, at);
			}
			return new CompletionHandler.OnCompleteRemove<>();
		});
	}

}
