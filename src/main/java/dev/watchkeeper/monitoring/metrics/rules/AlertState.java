package dev.watchkeeper.monitoring.metrics.rules;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Function;

import dev.watchkeeper.alerting.PostableAlert;

/**
 * The alerts of one alerting rule, moved through Prometheus's states exactly as its
 * {@code AlertingRule.Eval} and {@code sendAlerts} do: a new result is pending, firing
 * once it has been active for {@code for}, kept firing for {@code keep_firing_for} after
 * its result disappears, then resolved; a resolved alert is kept (and resent) for 15
 * minutes. Alerts are sent when firing or newly resolved, again every resend delay, with
 * {@code endsAt} four times the larger of the resend delay and the evaluation interval
 * ahead, or the resolution time once resolved.
 */
final class AlertState {

	static final Duration RESOLVED_RETENTION = Duration.ofMinutes(15);

	/** Where an alert is. */
	enum State {

		INACTIVE, PENDING, FIRING;

		String label() {
			return name().toLowerCase(java.util.Locale.ROOT);
		}

	}

	/** One series of an alerting rule's result, with its labels and value. */
	record Result(Map<String, String> labels, double value) {
	}

	/** One alert of the rule. */
	static final class Active {

		final Map<String, String> labels;

		Map<String, String> annotations;

		double value;

		State state = State.PENDING;

		Instant activeAt;

		Instant firedAt;

		Instant resolvedAt;

		Instant lastSentAt;

		Instant validUntil;

		Instant keepFiringSince;

		Instant restoredStart;

		Active(Map<String, String> labels) {
			this.labels = labels;
		}

		State state() {
			return state;
		}

		Map<String, String> labels() {
			return labels;
		}

		Map<String, String> annotations() {
			return annotations;
		}

		double value() {
			return value;
		}

		Instant activeAt() {
			return activeAt;
		}

	}

	/**
	 * Two results of the rule have the same labels once the rule's labels are applied.
	 */
	static final class DuplicateLabelsException extends RuntimeException {

		private static final long serialVersionUID = 1L;

		DuplicateLabelsException() {
			super("vector contains metrics with the same labelset after applying alert labels", null, false, false);
		}

	}

	private final String name;

	private final Duration holdDuration;

	private final Duration keepFiringFor;

	private final Map<String, Template> labelTemplates = new TreeMap<>();

	private final Map<String, Template> annotationTemplates = new TreeMap<>();

	private final Map<Map<String, String>, Active> active = new LinkedHashMap<>();

	AlertState(String name, Duration holdDuration, Duration keepFiringFor, Map<String, String> labels,
			Map<String, String> annotations) {
		this.name = name;
		this.holdDuration = holdDuration;
		this.keepFiringFor = keepFiringFor;
		labels.forEach((k, v) -> labelTemplates.put(k, Template.parse(v)));
		annotations.forEach((k, v) -> annotationTemplates.put(k, Template.parse(v)));
	}

	/**
	 * Evaluates the rule's result at {@code ts}.
	 * @param restore for an alert that would start pending, the start of the same alert
	 * if it was firing before a restart; empty otherwise
	 */
	synchronized void eval(List<Result> results, Instant ts, Function<Map<String, String>, Optional<Instant>> restore) {
		Map<Map<String, String>, Active> seen = new LinkedHashMap<>();
		for (Result r : results) {
			Map<String, String> templateLabels = r.labels();
			TreeMap<String, String> labels = new TreeMap<>(r.labels());
			labels.remove("__name__");
			labelTemplates.forEach((k, t) -> {
				String v = t.expand(templateLabels, r.value());
				if (v.isEmpty()) {
					labels.remove(k);
				}
				else {
					labels.put(k, v);
				}
			});
			labels.put("alertname", name);
			Map<String, String> annotations = new TreeMap<>();
			annotationTemplates.forEach((k, t) -> annotations.put(k, t.expand(templateLabels, r.value())));
			Map<String, String> key = Map.copyOf(labels);
			if (seen.containsKey(key)) {
				throw new DuplicateLabelsException();
			}
			Active a = active.get(key);
			if (a != null && a.state != State.INACTIVE) {
				a.value = r.value();
				a.annotations = annotations;
				seen.put(key, a);
				continue;
			}
			a = new Active(new TreeMap<>(labels));
			a.value = r.value();
			a.annotations = annotations;
			a.activeAt = ts;
			a.state = State.PENDING;
			Optional<Instant> restored = restore.apply(a.labels);
			if (restored.isPresent()) {
				a.activeAt = restored.get().minus(holdDuration);
				a.restoredStart = restored.get();
			}
			seen.put(key, a);
			active.put(key, a);
		}
		var it = active.entrySet().iterator();
		while (it.hasNext()) {
			var entry = it.next();
			Active a = entry.getValue();
			if (!seen.containsKey(entry.getKey())) {
				boolean keepFiring = false;
				if (a.state == State.FIRING && !keepFiringFor.isZero()) {
					if (a.keepFiringSince == null) {
						a.keepFiringSince = ts;
					}
					if (Duration.between(a.keepFiringSince, ts).compareTo(keepFiringFor) < 0) {
						keepFiring = true;
					}
				}
				if (a.state == State.PENDING || (a.resolvedAt != null
						&& Duration.between(a.resolvedAt, ts).compareTo(RESOLVED_RETENTION) > 0)) {
					it.remove();
				}
				if (a.state != State.INACTIVE && !keepFiring) {
					a.state = State.INACTIVE;
					a.resolvedAt = ts;
				}
				if (!keepFiring) {
					continue;
				}
			}
			else {
				a.keepFiringSince = null;
			}
			if (a.state == State.PENDING && Duration.between(a.activeAt, ts).compareTo(holdDuration) >= 0) {
				a.state = State.FIRING;
				a.firedAt = a.restoredStart != null ? a.restoredStart : ts;
			}
		}
	}

	/**
	 * The alerts to send now, each marked sent: firing ones when first firing and again
	 * every resend delay, resolved ones once resolved and again every resend delay while
	 * they are kept.
	 */
	synchronized List<PostableAlert> toSend(Instant ts, Duration interval, Duration resendDelay, String generatorUrl) {
		List<PostableAlert> out = new ArrayList<>();
		for (Active a : active.values()) {
			if (!needsSending(a, ts, resendDelay)) {
				continue;
			}
			a.lastSentAt = ts;
			Duration delta = interval.compareTo(resendDelay) > 0 ? interval : resendDelay;
			a.validUntil = ts.plus(delta.multipliedBy(4));
			Instant endsAt = a.resolvedAt != null ? a.resolvedAt : a.validUntil;
			out.add(new PostableAlert(Map.copyOf(a.labels), Map.copyOf(a.annotations), a.firedAt, endsAt,
					generatorUrl));
		}
		return out;
	}

	/** Forgets that these alerts were sent, so the next evaluation sends them again. */
	synchronized void unsent(Instant ts) {
		for (Active a : active.values()) {
			if (ts.equals(a.lastSentAt)) {
				a.lastSentAt = null;
			}
		}
	}

	private static boolean needsSending(Active a, Instant ts, Duration resendDelay) {
		if (a.state == State.PENDING) {
			return false;
		}
		if (a.lastSentAt == null) {
			return true;
		}
		if (a.resolvedAt != null && a.resolvedAt.isAfter(a.lastSentAt)) {
			return true;
		}
		return a.lastSentAt.plus(resendDelay).isBefore(ts);
	}

	/** The pending and firing alerts. */
	synchronized List<Active> current() {
		List<Active> out = new ArrayList<>();
		for (Active a : active.values()) {
			if (a.state != State.INACTIVE) {
				out.add(a);
			}
		}
		return out;
	}

	/**
	 * The rule's state: firing if any alert fires, else pending if any is, else inactive.
	 */
	synchronized State state() {
		State max = State.INACTIVE;
		for (Active a : active.values()) {
			if (a.state.ordinal() > max.ordinal()) {
				max = a.state;
			}
		}
		return max;
	}

}
