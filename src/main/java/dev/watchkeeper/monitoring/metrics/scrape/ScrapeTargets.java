package dev.watchkeeper.monitoring.metrics.scrape;

import java.net.URI;
import java.net.URISyntaxException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.UUID;
import java.util.regex.Pattern;

import dev.watchkeeper.monitoring.metrics.promql.Parser;
import dev.watchkeeper.platform.AuditableEvent;
import dev.watchkeeper.platform.DomainException;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Scrape targets: kept in the database, scraped by the scheduler of one node each, with
 * the outcome of their last scrape.
 */
@Service
public class ScrapeTargets {

	static final Duration DEFAULT_INTERVAL = Duration.ofSeconds(15);

	private static final Pattern LABEL_NAME = Pattern.compile("[a-zA-Z_][a-zA-Z0-9_]*");

	private final ScrapeTargetStore store;

	private final ScrapeScheduler scheduler;

	private final Clock clock;

	private final ApplicationEventPublisher events;

	ScrapeTargets(ScrapeTargetStore store, ScrapeScheduler scheduler, Clock clock, ApplicationEventPublisher events) {
		this.store = store;
		this.scheduler = scheduler;
		this.clock = clock;
		this.events = events;
	}

	/**
	 * The outcome of a target's last scrape on this node.
	 *
	 * @param up whether it succeeded
	 * @param durationSeconds how long it took
	 * @param samples samples read
	 * @param error why it failed, or null
	 */
	public record Status(UUID targetId, boolean up, Instant lastScrape, double durationSeconds, int samples,
			String error) {
	}

	/** A change to a target, for the audit trail. */
	public record TargetChanged(String action, UUID id, String url, String job) implements AuditableEvent {

		@Override
		public String targetType() {
			return "scrape_target";
		}

		@Override
		public String targetId() {
			return id.toString();
		}

		@Override
		public String summary() {
			return switch (action) {
				case "scrape_target.created" -> "Added scrape target " + url + " (job " + job + ")";
				case "scrape_target.deleted" -> "Removed scrape target " + url + " (job " + job + ")";
				default -> "Changed scrape target " + url + " (job " + job + ")";
			};
		}

	}

	@Transactional(readOnly = true)
	public List<ScrapeTarget> list() {
		return store.all();
	}

	@Transactional(readOnly = true)
	public ScrapeTarget get(UUID id) {
		return store.find(id).orElseThrow(() -> DomainException.notFound("Scrape target", id));
	}

	/** The last scrape of a target by this node, if it scraped it. */
	public Optional<Status> status(UUID id) {
		return scheduler.status(id);
	}

	/** The last scrape of this node's own {@code /metrics}, if it scrapes itself. */
	public Optional<Status> selfStatus() {
		return scheduler.status(ScrapeScheduler.SELF);
	}

	/** The last scrape of every target this node scrapes, the self-scrape included. */
	public List<Status> statuses() {
		return scheduler.statuses();
	}

	@Transactional
	public ScrapeTarget create(ScrapeTargetDraft draft) {
		Instant now = clock.instant();
		ScrapeTarget target = validate(UUID.randomUUID(), draft, now, now);
		store.insert(target);
		events.publishEvent(new TargetChanged("scrape_target.created", target.id(), target.url(), target.job()));
		afterCommit();
		return target;
	}

	@Transactional
	public ScrapeTarget replace(UUID id, ScrapeTargetDraft draft) {
		ScrapeTarget previous = get(id);
		ScrapeTarget target = validate(id, draft, previous.createdAt(), clock.instant());
		store.update(target);
		events.publishEvent(new TargetChanged("scrape_target.updated", id, target.url(), target.job()));
		afterCommit();
		return target;
	}

	@Transactional
	public void delete(UUID id) {
		ScrapeTarget previous = get(id);
		store.delete(id);
		events.publishEvent(new TargetChanged("scrape_target.deleted", id, previous.url(), previous.job()));
		afterCommit();
	}

	private void afterCommit() {
		if (TransactionSynchronizationManager.isSynchronizationActive()) {
			TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
				@Override
				public void afterCommit() {
					scheduler.refresh();
				}
			});
		}
		else {
			scheduler.refresh();
		}
	}

	private ScrapeTarget validate(UUID id, ScrapeTargetDraft draft, Instant created, Instant now) {
		if (draft == null) {
			throw DomainException.invalid("body", "a scrape target is required");
		}
		Map<String, String> errors = new LinkedHashMap<>();
		String url = draft.url() == null ? "" : draft.url().strip();
		try {
			URI uri = new URI(url);
			if (!"http".equalsIgnoreCase(uri.getScheme()) && !"https".equalsIgnoreCase(uri.getScheme())) {
				errors.put("url", "must be an http or https URL");
			}
			else if (uri.getHost() == null) {
				errors.put("url", "must name a host");
			}
		}
		catch (URISyntaxException ex) {
			errors.put("url", "is not a valid URL: " + ex.getReason());
		}
		String job = draft.job() == null ? "" : draft.job().strip();
		if (job.isEmpty() || job.length() > 200) {
			errors.put("job", "is required, at most 200 characters");
		}
		Duration interval = duration("interval", draft.interval(), DEFAULT_INTERVAL, errors);
		Duration defaultTimeout = Duration.ofSeconds(10);
		if (interval != null && interval.multipliedBy(4).dividedBy(5).compareTo(defaultTimeout) < 0) {
			defaultTimeout = interval.multipliedBy(4).dividedBy(5);
		}
		Duration timeout = duration("timeout", draft.timeout(), defaultTimeout, errors);
		if (interval != null
				&& (interval.compareTo(Duration.ofSeconds(1)) < 0 || interval.compareTo(Duration.ofHours(1)) > 0)) {
			errors.put("interval", "must be between 1s and 1h");
		}
		if (interval != null && timeout != null
				&& (timeout.compareTo(interval) >= 0 || timeout.compareTo(Duration.ofMillis(100)) < 0)) {
			errors.put("timeout", "must be at least 100ms and shorter than the interval");
		}
		Map<String, String> labels = new TreeMap<>();
		if (draft.labels() != null) {
			draft.labels().forEach((name, value) -> {
				if (name == null || !LABEL_NAME.matcher(name).matches() || name.startsWith("__")) {
					errors.put("labels." + name, "is not a valid label name");
				}
				else if (List.of("job", "instance", "service", "environment").contains(name)) {
					errors.put("labels." + name, "is set by its own field");
				}
				else if (value == null || value.isEmpty()) {
					errors.put("labels." + name, "must have a value");
				}
				else {
					labels.put(name, value);
				}
			});
		}
		String service = blankToNull(draft.service());
		String environment = blankToNull(draft.environment());
		if (errors.isEmpty() && store.exists(url, job, id)) {
			throw DomainException.conflict("scrape-target-exists",
					"a scrape target with URL " + url + " and job " + job + " exists");
		}
		if (!errors.isEmpty()) {
			throw DomainException.invalid(errors);
		}
		return new ScrapeTarget(id, url, job, service, environment, interval, timeout, Map.copyOf(labels),
				draft.enabled() == null || draft.enabled(), created, now);
	}

	private static String blankToNull(String s) {
		return s == null || s.isBlank() ? null : s.strip();
	}

	private static Duration duration(String field, String text, Duration fallback, Map<String, String> errors) {
		if (text == null || text.isBlank()) {
			return fallback;
		}
		try {
			return Duration.ofMillis(Parser.parseDuration(text.strip()));
		}
		catch (RuntimeException ex) {
			errors.put(field, "is not a duration such as 15s or 1m30s");
			return null;
		}
	}

}
