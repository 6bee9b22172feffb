package dev.watchkeeper.maintenance;

import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

import com.github.kagkarlsson.scheduler.task.CompletionHandler;
import com.github.kagkarlsson.scheduler.task.Task;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The module's db-scheduler task; the scheduler picks up every {@link Task} bean. The
 * handler's answer decides what becomes of the window's timer: fire again at the instant
 * it names, or be removed.
 */
@Configuration(proxyBeanMethods = false)
class MaintenanceTasks {

	@Bean
	Task<Void> maintenanceWindowTask(ObjectProvider<WindowClock> clock) {
		return Tasks.custom(WindowTimers.WINDOW).execute((instance, context) -> {
			Optional<Instant> next = clock.getObject().fire(UUID.fromString(instance.getId()));
			if (next.isPresent()) {
				Instant at = next.get();
				return (complete, operations) -> operations.reschedule(complete, at);
			}
			return new CompletionHandler.OnCompleteRemove<>();
		});
	}

}
