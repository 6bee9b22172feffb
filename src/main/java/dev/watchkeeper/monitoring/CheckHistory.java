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

	private final ObjectProvider<PlannedDowntime> downtime;

	CheckHistory(HistoryStore store, MonitoringSettings settings, Clock clock,
			ObjectProvider<PlannedDowntime> downtime) {
		this.downtime = downtime;
		this.store = store;
		this.settings = settings;
		this.clock = clock;
	}

	/** The latest results of a check, newest first. */
	public List<Result> results(UUID checkId, int limit) {
		return store.results(checkId, Math.max(1, Math.min(limit, 1000)));
	}

	/**
	 * Roll-ups of a check in [from, to), leaving out runs inside planned downtime of its
	 * service.
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
		List<Rollup> rollups = store.rollups(checkId, resolution, start, end);
		var planned = planned(List.of(checkId), start, end).getOrDefault(checkId, List.of());
		return planned.isEmpty() ? rollups : withoutPlanned(checkId, resolution, rollups, planned);
	}

	/**
	 * Roll-ups with the runs inside planned downtime left out: a minute inside it goes;
	 * an hour or day that overlaps it counts only its minutes outside, and goes if none
	 * had runs.
	 */
	private List<Rollup> withoutPlanned(UUID checkId, String resolution, List<Rollup> rollups,
			List<PlannedDowntime.Interval> planned) {
		Duration length = switch (resolution) {
			case "m" -> Duration.ofMinutes(1);
			case "h" -> Duration.ofHours(1);
			default -> Duration.ofDays(1);
		};
		List<Rollup> kept = new java.util.ArrayList<>();
		for (Rollup rollup : rollups) {
			Instant from = rollup.bucket();
			Instant to = from.plus(length);
			if (!overlaps(planned, from, to)) {
				kept.add(rollup);
				continue;
			}
			if ("m".equals(resolution)) {
				continue;
			}
			int total = 0;
			int up = 0;
			for (Rollup minute : store.rollups(checkId, "m", from, to)) {
				if (!overlaps(planned, minute.bucket(), minute.bucket().plus(Duration.ofMinutes(1)))) {
					total += minute.total();
					up += minute.up();
				}
			}
			if (total > 0) {
				kept.add(new Rollup(from, total, up, rollup.p50Ms(), rollup.p95Ms(), rollup.p99Ms()));
			}
		}
		return kept;
	}

	private static boolean overlaps(List<PlannedDowntime.Interval> planned, Instant from, Instant to) {
		return planned.stream().anyMatch(i -> i.start().isBefore(to) && i.end().isAfter(from));
	}

	/**
	 * Uptime of each check over 24 h, 7 d, 30 d and 90 d, leaving out runs inside planned
	 * downtime of the check's service.
	 */
	public Map<UUID, Uptime> uptime(Collection<UUID> checkIds) {
		Instant now = clock.instant();
		return store.uptime(checkIds, now, planned(checkIds, now.minus(Duration.ofDays(90)), now));
	}

	/** Planned downtime per check, from every provider. */
	private Map<UUID, List<PlannedDowntime.Interval>> planned(Collection<UUID> checkIds, Instant from, Instant to) {
		List<PlannedDowntime> providers = downtime.orderedStream().toList();
		Map<UUID, List<PlannedDowntime.Interval>> byCheck = new java.util.HashMap<>();
		if (providers.isEmpty() || checkIds.isEmpty()) {
			return byCheck;
		}
		Map<UUID, List<PlannedDowntime.Interval>> byService = new java.util.HashMap<>();
		store.services(checkIds).forEach((check, service) -> {
			var windows = byService.computeIfAbsent(service,
					id -> providers.stream().flatMap(p -> p.windows(id, from, to).stream()).toList());
			if (!windows.isEmpty()) {
				byCheck.put(check, windows);
			}
		});
		return byCheck;
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
