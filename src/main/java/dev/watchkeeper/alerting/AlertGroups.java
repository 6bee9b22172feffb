package dev.watchkeeper.alerting;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.stereotype.Component;

/**
 * Puts alerts that start firing into their aggregation groups, durably and in the
 * transaction that stored them: a new group is first due after its route's
 * {@code group_wait} (at once if the alert started that long ago), as in Alertmanager.
 */
@Component
class AlertGroups {

	private final AlertGroupStore store;

	private final AlertStore alerts;

	private final DispatchSignal signal;

	AlertGroups(AlertGroupStore store, AlertStore alerts, DispatchSignal signal) {
		this.store = store;
		this.alerts = alerts;
		this.signal = signal;
	}

	void track(List<Alert> fired, Route root, Instant now) {
		if (fired.isEmpty()) {
			return;
		}
		Map<String, AlertGroupStore.NewGroup> groups = new LinkedHashMap<>();
		boolean dueNow = false;
		for (Alert alert : fired) {
			for (Route route : root.match(alert.labels())) {
				Instant first = GroupFlush.firstFlushAt(route, alert.startsAt(), now);
				dueNow |= !first.isAfter(now);
				String key = route.groupKey(alert.labels());
				groups.merge(key,
						new AlertGroupStore.NewGroup(key, route.id(), route.receiver(),
								route.groupLabels(alert.labels()), first),
						(a, b) -> a.firstFlushAt().isAfter(b.firstFlushAt()) ? b : a);
			}
		}
		store.upsert(List.copyOf(groups.values()), now);
		// a group due later is found by the dispatcher's poll like any other: waking it
		// after every intake commit would only have it look and find nothing due
		if (dueNow) {
			signal.wakeAfterCommit();
		}
	}

	/**
	 * Makes the groups these firing alerts belong to due now (creating any that went
	 * away), so the next flush decides about them at once; returns how many groups.
	 */
	int makeDue(List<Alert> firing, Route root, Instant now) {
		Map<String, AlertGroupStore.NewGroup> groups = new LinkedHashMap<>();
		for (Alert alert : firing) {
			for (Route route : root.match(alert.labels())) {
				String key = route.groupKey(alert.labels());
				groups.putIfAbsent(key, new AlertGroupStore.NewGroup(key, route.id(), route.receiver(),
						route.groupLabels(alert.labels()), now));
			}
		}
		if (groups.isEmpty()) {
			return 0;
		}
		store.upsert(List.copyOf(groups.values()), now);
		store.makeDue(groups.keySet(), now);
		signal.wakeAfterCommit();
		return groups.size();
	}

	/**
	 * After a configuration change: every firing alert joins its groups under the new
	 * routes.
	 */
	void regroup(Route root, Instant now) {
		track(alerts.firing(now), root, now);
	}

}
