package dev.watchkeeper.alerting;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import dev.watchkeeper.platform.DomainException;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

/**
 * Stores posted alerts set-based, several requests at once: one statement takes a lock
 * per fingerprint of all of them, one merges each fingerprint's first post into the
 * stored alert and says which were stored and firing, one inserts the new ones (and one
 * more writes alerts posted twice); alerts that start or stop firing add one statement
 * for their groups and one for their history. The requests are merged in the order given,
 * exactly as if each had been stored alone one after another, and each gets its own
 * receipt. Runs in the caller's transaction.
 */
@Component
class AlertIntake {

	private final AlertStore store;

	private final AlertingSettings settings;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	private final AlertingConfigs configs;

	private final AlertGroups groups;

	private final AlertHistory history;

	AlertIntake(AlertStore store, AlertingSettings settings, ApplicationEventPublisher events, Clock clock,
			AlertingConfigs configs, AlertGroups groups, AlertHistory history) {
		this.store = store;
		this.settings = settings;
		this.events = events;
		this.clock = clock;
		this.configs = configs;
		this.groups = groups;
		this.history = history;
	}

	/**
	 * One request's alerts, validated, with their identity worked out; its times are
	 * fixed when it is stored.
	 */
	record Batch(List<Posted> alerts, String source) {
	}

	/**
	 * A valid posted alert with its fingerprint, sorted maps and the hash of its
	 * annotations (a refresh with the same annotations does not rewrite them).
	 */
	record Posted(String fingerprint, Map<String, String> labels, Map<String, String> annotations, long annotationsHash,
			Instant startsAt, Instant endsAt, String generatorUrl) {
	}

	/**
	 * Validates a request, all or nothing, first giving each alert the
	 * {@code addedLabels} it lacks.
	 * @throws DomainException naming every invalid field
	 */
	Batch prepare(List<PostableAlert> alerts, String source, Map<String, String> addedLabels) {
		List<PostableAlert> labelled = withAddedLabels(alerts, addedLabels);
		Map<String, String> errors = AlertValidation.check(labelled, settings.maxBatch());
		if (!errors.isEmpty()) {
			throw DomainException.invalid(errors);
		}
		List<Posted> posted = new ArrayList<>(labelled.size());
		for (PostableAlert alert : labelled) {
			Map<String, String> labels = new TreeMap<>(alert.labels());
			Map<String, String> annotations = alert.annotations() == null ? new TreeMap<>()
					: new TreeMap<>(alert.annotations());
			posted.add(new Posted(Fingerprint.of(labels), labels, annotations, Fingerprint.hash(annotations),
					alert.startsAt(), alert.endsAt(), alert.generatorURL()));
		}
		return new Batch(List.copyOf(posted), source);
	}

	private static List<PostableAlert> withAddedLabels(List<PostableAlert> alerts, Map<String, String> added) {
		if (added.isEmpty() || alerts == null) {
			return alerts;
		}
		return alerts.stream().map(posted -> {
			if (posted == null || posted.labels() == null) {
				return posted;
			}
			Map<String, String> labels = new TreeMap<>(posted.labels());
			added.forEach(labels::putIfAbsent);
			return new PostableAlert(labels, posted.annotations(), posted.startsAt(), posted.endsAt(),
					posted.generatorURL());
		}).toList();
	}

	/** Stores the batches in order, in the caller's transaction; a receipt per batch. */
	List<Alerts.Receipt> store(List<Batch> batches) {
		Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
		// each fingerprint's first post is merged into the stored alert by the database,
		// in one statement that also says which alerts were stored and firing
		Map<String, AlertStore.Upsert> firsts = new LinkedHashMap<>();
		for (Batch batch : batches) {
			for (Posted next : batch.alerts()) {
				firsts.computeIfAbsent(next.fingerprint(),
						fingerprint -> new AlertStore.Upsert(merge(next, null, batch.source(), now),
								next.endsAt() != null, next.annotationsHash()));
			}
		}
		store.lockAll(firsts.keySet());
		Map<String, AlertStore.Refreshed> refreshed = store.refresh(firsts.values(), now);
		// the alerts as later posts of the same fingerprint see them
		Map<String, AlertStore.Stored> current = new HashMap<>();
		// new alerts and those posted again: the database gets their final state
		Map<String, AlertStore.Upsert> latest = new LinkedHashMap<>();
		List<Object> published = new ArrayList<>();
		Map<String, Alert> started = new LinkedHashMap<>();
		List<AlertHistory.Entry> transitions = new ArrayList<>();
		List<Alerts.Receipt> receipts = new ArrayList<>(batches.size());
		for (Batch batch : batches) {
			int fired = 0;
			int resolved = 0;
			List<String> fingerprints = new ArrayList<>(batch.alerts().size());
			for (Posted next : batch.alerts()) {
				AlertStore.Stored previous = current.get(next.fingerprint());
				boolean wasFiring;
				Alert alert;
				if (previous != null) {
					wasFiring = previous.firingAt(now);
					alert = merge(next, previous, batch.source(), now);
					latest.put(alert.fingerprint(),
							new AlertStore.Upsert(alert, next.endsAt() != null, next.annotationsHash()));
				}
				else if (refreshed.get(next.fingerprint()) instanceof AlertStore.Refreshed stored) {
					wasFiring = stored.wasFiringAt(now);
					Alert posted = firsts.get(next.fingerprint()).alert();
					alert = new Alert(posted.fingerprint(), posted.labels(), posted.annotations(), posted.severity(),
							stored.startsAt(), posted.endsAt(), posted.generatorUrl(), posted.source(),
							stored.receivedAt(), now);
				}
				else {
					wasFiring = false;
					alert = firsts.get(next.fingerprint()).alert();
					latest.put(alert.fingerprint(), firsts.get(next.fingerprint()));
				}
				current.put(alert.fingerprint(), AlertStore.Stored.of(alert));
				fingerprints.add(alert.fingerprint());
				boolean isFiring = alert.firingAt(now);
				if (isFiring && !wasFiring) {
					fired++;
					published.add(new AlertEvents.AlertFired(alert));
					started.put(alert.fingerprint(), alert);
					transitions.add(new AlertHistory.Entry(alert.fingerprint(), now, "fired",
							"Started firing (received through " + batch.source() + ")"));
				}
				else if (!isFiring && wasFiring) {
					resolved++;
					published.add(new AlertEvents.AlertResolved(alert));
					transitions.add(new AlertHistory.Entry(alert.fingerprint(), now, "resolved",
							"Resolved by its sender at " + alert.endsAt()));
				}
			}
			receipts.add(new Alerts.Receipt(batch.alerts().size(), fired, resolved, fingerprints));
		}
		store.saveAll(latest.values(), refreshed.keySet(), now);
		// the groups of newly firing alerts, due after their group_wait, in this
		// transaction: a crash cannot lose the decision to notify
		if (!started.isEmpty()) {
			groups.track(List.copyOf(started.values()), configs.current().config().root(), now);
		}
		history.record(transitions);
		published.forEach(events::publishEvent);
		return receipts;
	}

	/**
	 * The alert after this post: it continues the stored occurrence if that is still
	 * firing or ended no earlier than this one starts, else it is a new occurrence.
	 */
	private Alert merge(Posted next, AlertStore.Stored previous, String source, Instant now) {
		Instant startsAt = next.startsAt() != null ? next.startsAt().truncatedTo(ChronoUnit.MICROS) : now;
		Instant endsAt = next.endsAt() != null ? next.endsAt().truncatedTo(ChronoUnit.MICROS)
				: now.plus(settings.resolveTimeout());
		boolean continues = previous != null && (previous.firingAt(now) || !startsAt.isAfter(previous.endsAt()));
		Instant firstStart = continues && previous.startsAt().isBefore(startsAt) ? previous.startsAt() : startsAt;
		Instant receivedAt = continues ? previous.receivedAt() : now;
		return new Alert(next.fingerprint(), next.labels(), next.annotations(),
				settings.severityOf(next.labels().get("severity")), firstStart, endsAt, next.generatorUrl(), source,
				receivedAt, now);
	}

}
