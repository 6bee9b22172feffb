package dev.watchkeeper.monitoring;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import dev.watchkeeper.alerting.Alerts;
import dev.watchkeeper.alerting.PostableAlert;
import dev.watchkeeper.catalog.ServiceId;
import dev.watchkeeper.catalog.Services;

import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Records outcomes in one transaction: locks their checks, moves each check's state
 * ({@link Transition}), writes results and states in batches and posts the alerts of
 * every down/up change through the alerting facade, all or nothing.
 */
@Component
class CheckOutcomes {

	private final CheckRuns runs;

	private final Alerts alerts;

	private final Services services;

	private final MonitoringSettings settings;

	CheckOutcomes(CheckRuns runs, Alerts alerts, Services services, MonitoringSettings settings) {
		this.runs = runs;
		this.alerts = alerts;
		this.services = services;
		this.settings = settings;
	}

	/** A check's state while a batch is applied. */
	private static final class Working {

		final CheckRuns.Locked locked;

		String status;

		int failures;

		int successes;

		Instant changedAt;

		Instant refreshedAt;

		String alertSeverity;

		Outcome last;

		Working(CheckRuns.Locked locked) {
			this.locked = locked;
			var state = locked.check().state();
			this.status = state.status();
			this.failures = state.consecutiveFailures();
			this.successes = state.consecutiveSuccesses();
			this.changedAt = state.statusChangedAt();
			this.refreshedAt = locked.alertRefreshedAt();
			this.alertSeverity = locked.alertSeverity();
		}

	}

	/** Records the outcomes; those of checks deleted meanwhile are dropped. */
	@Transactional
	public List<Transition> record(List<Outcome> outcomes) {
		Set<UUID> ids = new LinkedHashSet<>();
		outcomes.forEach(o -> ids.add(o.checkId()));
		Map<UUID, CheckRuns.Locked> locked = runs.lock(ids);
		Map<UUID, Working> working = new HashMap<>();
		Map<UUID, CheckAlerts.ServiceRef> refs = new HashMap<>();
		List<Outcome> kept = new ArrayList<>();
		List<PostableAlert> posts = new ArrayList<>();
		List<Transition> transitions = new ArrayList<>();
		for (Outcome outcome : outcomes) {
			CheckRuns.Locked row = locked.get(outcome.checkId());
			if (row == null) {
				continue;
			}
			Check check = row.check();
			Working w = working.computeIfAbsent(check.id(), id -> new Working(row));
			String severity = outcome.alertSeverity() != null ? outcome.alertSeverity() : check.severity();
			Transition t = Transition.of(w.status, w.failures, w.successes, check.failureThreshold(),
					check.successThreshold(), w.alertSeverity, w.refreshedAt, outcome, severity,
					settings.alertRefresh());
			Instant downSince = t.changed() && "down".equals(t.status()) ? outcome.at() : w.changedAt;
			var service = refs.computeIfAbsent(check.serviceId(), this::service);
			posts.addAll(CheckAlerts.of(check, service, outcome, t, downSince == null ? outcome.at() : downSince,
					w.alertSeverity, settings.alertRefresh()));
			if (t.changed()) {
				w.changedAt = outcome.at();
			}
			if (t.alert() != Transition.AlertAction.NONE) {
				w.refreshedAt = t.alert() == Transition.AlertAction.RESOLVE ? null : outcome.at();
			}
			w.alertSeverity = t.alertSeverity();
			w.status = t.status();
			w.failures = t.failures();
			w.successes = t.successes();
			w.last = outcome;
			kept.add(outcome);
			transitions.add(t);
			if (check.kind() == CheckKind.TLS && !outcome.certificates().isEmpty()) {
				runs.replaceCertificates(check.id(), outcome.certificates());
			}
		}
		runs.write(kept,
				working.values()
					.stream()
					.map(w -> new CheckRuns.StateWrite(w.locked.check().id(), w.status, w.failures, w.successes,
							w.changedAt, w.last, w.refreshedAt, w.alertSeverity))
					.toList());
		if (!posts.isEmpty()) {
			alerts.receive(posts, CheckAlerts.SOURCE);
		}
		return transitions;
	}

	/**
	 * Resolves the alert of a down check that is being paused or deleted, in the caller's
	 * transaction, before the change.
	 */
	@Transactional
	public void withdraw(UUID checkId, Instant at, String reason) {
		CheckRuns.Locked locked = runs.lock(List.of(checkId)).get(checkId);
		if (locked == null || !"down".equals(locked.check().state().status())) {
			return;
		}
		Check check = locked.check();
		var resolve = new Transition("pending", 0, 0, true, Transition.AlertAction.RESOLVE, null);
		Outcome outcome = Outcome.success(checkId, at, null, reason);
		Instant since = check.state().statusChangedAt() != null ? check.state().statusChangedAt() : at;
		alerts.receive(CheckAlerts.of(check, service(check.serviceId()), outcome, resolve, since,
				locked.alertSeverity(), settings.alertRefresh()), CheckAlerts.SOURCE);
	}

	private CheckAlerts.ServiceRef service(UUID id) {
		return services.find(new ServiceId(id))
			.map(s -> new CheckAlerts.ServiceRef(s.slug(), s.runbookUrl()))
			.orElseGet(() -> new CheckAlerts.ServiceRef(id.toString(), null));
	}

}
