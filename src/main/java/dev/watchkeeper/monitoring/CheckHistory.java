package dev.watchkeeper.monitoring;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.github.kagkarlsson.scheduler.task.Task;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.FixedDelay;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import dev.watchkeeper.platform.DomainException;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The history of checks: raw results (kept {@code raw-retention}), per-minute, per-hour
 * and per-day roll-ups with up-ratio and latency percentiles (kept
 * {@code rollup-retention}), uptime, and the certificates TLS checks saw. Roll-ups are
 * computed from the raw results once a period is complete (a minute after its end, when
 * late results are in) by a recurring cluster-wide task; pruning is another.
 */
@Component
public class CheckHistory {

	private static final Logger log = LoggerFactory.getLogger(CheckHistory.class);

	/** How long after a period's end its results are taken as complete. */
	static final Duration SETTLE = Duration.ofMinutes(1);

	private final HistoryStore store;

	private final MonitoringSettings settings;

	private final Clock clock;

	CheckHistory(HistoryStore store, MonitoringSettings settings, Clock clock) {
		this.store = store;
		this.settings = settings;
		this.clock = clock;
	}

	/** The latest results of a check, newest first. */
	public List<Result> results(UUID checkId, int limit) {
		return store.results(checkId, Math.max(1, Math.min(limit, 1000)));
	}

	/**
	 * Roll-ups of a check in [from, to).
	 * @param resolution m (minute), h (hour) or d (day)
	 */
	public List<Rollup> rollups(UUID checkId, String resolution, Instant from, Instant to) {
		if (!HistoryStore.UNITS.containsKey(resolution)) {
			throw DomainException.invalid("resolution", "must be m, h or d");
		}
		if (from != null && to != null && !from.isBefore(to)) {
			throw DomainException.invalid("from", "must be before to");
		}
		Instant end = to != null ? to : clock.instant();
		Instant start = from != null ? from : end.minus(switch (resolution) {
			case "m" -> Duration.ofHours(24);
			case "h" -> Duration.ofDays(30);
			default -> Duration.ofDays(400);
		});
		return store.rollups(checkId, resolution, start, end);
	}

	/** Uptime of each check over 24 h, 7 d, 30 d and 90 d. */
	public Map<UUID, Uptime> uptime(Collection<UUID> checkIds) {
		return store.uptime(checkIds, clock.instant());
	}

	public Uptime uptime(UUID checkId) {
		return uptime(List.of(checkId)).getOrDefault(checkId, new Uptime(checkId, null, null, null, null));
	}

	/** The latest latencies of each check, oldest first (null for failed runs). */
	public Map<UUID, List<Double>> latencies(Collection<UUID> checkIds, int perCheck) {
		return store.latencies(checkIds, perCheck);
	}

	/** Certificates TLS checks saw, soonest expiry first. */
	public List<Certificate> certificates() {
		return store.certificates(1000);
	}

	public List<Certificate> certificates(UUID checkId) {
		return store.certificates(checkId);
	}

	/** Rolls up every period completed since the last run, at each resolution. */
	@Transactional
	public void rollUp() {
		Instant now = clock.instant();
		for (var resolution : List.of("m", "h", "d")) {
			ChronoUnit unit = switch (resolution) {
				case "m" -> ChronoUnit.MINUTES;
				case "h" -> ChronoUnit.HOURS;
				default -> ChronoUnit.DAYS;
			};
			Instant end = now.minus(SETTLE).truncatedTo(unit);
			Instant from = store.mark(resolution)
				.or(() -> store.oldestResult().map(oldest -> oldest.truncatedTo(unit)))
				.orElse(end);
			if (end.isAfter(from)) {
				store.rollUp(resolution, from, end);
			}
		}
	}

	/** Deletes what is older than its retention. */
	@Transactional
	public int prune() {
		Instant now = clock.instant();
		int deleted = store.prune(now.minus(settings.rawRetention()), now.minus(settings.rollupRetention()));
		if (deleted > 0) {
			log.info("Pruned {} check results, pings and roll-ups past their retention", deleted);
		}
		return deleted;
	}

	/** The recurring tasks, run by one node at a time. */
	@Configuration(proxyBeanMethods = false)
	static class Jobs {

		@Bean
		Task<Void> checkRollupTask(ObjectProvider<CheckHistory> history) {
			return Tasks.recurring("monitoring-rollups", FixedDelay.ofMinutes(1))
				.execute((instance, context) -> history.getObject().rollUp());
		}

		@Bean
		Task<Void> checkPruneTask(ObjectProvider<CheckHistory> history) {
			return Tasks.recurring("monitoring-prune", FixedDelay.ofHours(1))
				.execute((instance, context) -> history.getObject().prune());
		}

	}

}
