package dev.watchkeeper.monitoring.metrics.rules;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import dev.watchkeeper.platform.AuditableEvent;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Alert and recording rules in Prometheus's rule-file format: the file in force (stored,
 * else the one shipped with Watchkeeper), replacing it after validation, and the state of
 * every rule.
 */
@Service
public class AlertRules {

	private final RuleFileStore store;

	private final RuleEvaluator evaluator;

	private final RuleSettings settings;

	private final Clock clock;

	private final ApplicationEventPublisher events;

	AlertRules(RuleFileStore store, RuleEvaluator evaluator, RuleSettings settings, Clock clock,
			ApplicationEventPublisher events) {
		this.store = store;
		this.evaluator = evaluator;
		this.settings = settings;
		this.clock = clock;
		this.events = events;
	}

	/**
	 * The rule file in force.
	 *
	 * @param content as posted (YAML or JSON)
	 * @param shipped true when no file is stored and Watchkeeper's own rules apply
	 * @param updatedAt when it was stored; null when shipped
	 */
	public record Document(String content, boolean shipped, Instant updatedAt) {
	}

	/** An alert of a rule, pending or firing. */
	public record ActiveAlert(Map<String, String> labels, Map<String, String> annotations, String state,
			Instant activeAt, double value) {
	}

	/**
	 * A rule and its last evaluation on this node.
	 *
	 * @param type {@code alerting} or {@code recording}
	 * @param state {@code inactive}, {@code pending} or {@code firing}; null for a
	 * recording rule
	 * @param health {@code ok}, {@code err}, or {@code unknown} before the first
	 * evaluation
	 */
	public record RuleStatus(String type, String name, String expr, Duration forDuration, Duration keepFiringFor,
			Map<String, String> labels, Map<String, String> annotations, String state, String health, String lastError,
			Instant lastEvaluation, double evaluationSeconds, List<ActiveAlert> alerts) {
	}

	/**
	 * A group and its last evaluation on this node.
	 *
	 * @param source the external query API it evaluates against; null for the embedded
	 * store
	 */
	public record GroupStatus(String name, Duration interval, String source, Instant lastEvaluation,
			double evaluationSeconds, List<RuleStatus> rules) {
	}

	/** A change of the rule file, for the audit trail. */
	public record RuleFileChanged(String action, int groups, int rules) implements AuditableEvent {

		@Override
		public String targetType() {
			return "rule_file";
		}

		@Override
		public String targetId() {
			return "rules";
		}

		@Override
		public String summary() {
			return "rule_file.reset".equals(action) ? "Restored the shipped alert rules"
					: "Replaced the alert rules (" + groups + " groups, " + rules + " rules)";
		}

		@Override
		public Map<String, Object> after() {
			return Map.of("groups", groups, "rules", rules);
		}

	}

	@Transactional(readOnly = true)
	public Document document() {
		return store.find()
			.map((s) -> new Document(s.content(), false, s.updatedAt()))
			.orElseGet(() -> new Document(RuleEvaluator.shipped(), true, null));
	}

	/**
	 * Checks a rule file without storing it.
	 * @throws dev.watchkeeper.platform.DomainException naming every problem
	 */
	public RuleFile validate(String content) {
		return RuleFileParser.parse(content, settings.evaluationInterval());
	}

	/**
	 * Replaces the rule file, all or nothing: an invalid file is refused with every
	 * problem named (group, rule, field, and for expressions line and column).
	 */
	@Transactional
	public RuleFile replace(String content) {
		RuleFile file = validate(content);
		store.save(content, clock.instant());
		int rules = file.groups().stream().mapToInt((g) -> g.rules().size()).sum();
		events.publishEvent(new RuleFileChanged("rule_file.replaced", file.groups().size(), rules));
		reloadAfterCommit();
		return file;
	}

	/** Drops the stored rule file, so that the shipped rules apply again. */
	@Transactional
	public void reset() {
		store.delete();
		RuleFile file = validate(RuleEvaluator.shipped());
		int rules = file.groups().stream().mapToInt((g) -> g.rules().size()).sum();
		events.publishEvent(new RuleFileChanged("rule_file.reset", file.groups().size(), rules));
		reloadAfterCommit();
	}

	/** Every group and rule in force, with the last evaluation on this node. */
	public List<GroupStatus> status() {
		List<GroupStatus> out = new ArrayList<>();
		for (RuleEvaluator.GroupRuntime g : evaluator.groups()) {
			List<RuleStatus> rules = new ArrayList<>();
			for (RuleEvaluator.RuleRuntime r : g.rules) {
				RuleFile.Rule rule = r.rule;
				List<ActiveAlert> active = new ArrayList<>();
				String state = null;
				if (r.alerts != null) {
					for (AlertState.Active a : r.alerts.current()) {
						active.add(new ActiveAlert(Map.copyOf(a.labels()), Map.copyOf(a.annotations()),
								a.state().label(), a.activeAt(), a.value()));
					}
					state = r.alerts.state().label();
				}
				String health = r.lastEvaluation == null ? "unknown" : r.lastError == null ? "ok" : "err";
				rules.add(new RuleStatus(rule.alerting() ? "alerting" : "recording", rule.name(), rule.expr(),
						rule.forDuration(), rule.keepFiringFor(), rule.labels(), rule.annotations(), state, health,
						r.lastError, r.lastEvaluation, r.lastSeconds, List.copyOf(active)));
			}
			out.add(new GroupStatus(g.group.name(), g.group.interval(),
					g.group.source() == null ? null : g.group.source().url().toString(), g.lastEvaluation,
					g.lastSeconds, List.copyOf(rules)));
		}
		return out;
	}

	private void reloadAfterCommit() {
		if (TransactionSynchronizationManager.isSynchronizationActive()) {
			TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
				@Override
				public void afterCommit() {
					evaluator.reload();
				}
			});
		}
		else {
			evaluator.reload();
		}
	}

}
