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

/** The escalation's db-scheduler tasks: a step's timeout and a contact's delay. */
@Configuration(proxyBeanMethods = false)
class EscalationTasks {

	@Bean
	Task<Void> incidentEscalationStepTask(ObjectProvider<Escalations> escalations) {
		return task(Escalations.STEP, id -> escalations.getObject().stepDue(UUID.fromString(id)));
	}

	@Bean
	Task<Void> incidentPageTask(ObjectProvider<Escalations> escalations) {
		return task(Escalations.PAGE, key -> escalations.getObject().pageDue(key));
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
