package dev.watchkeeper.incident;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Semaphore;

import dev.watchkeeper.alerting.AlertEvents;
import dev.watchkeeper.catalog.Service;
import dev.watchkeeper.catalog.Services;
import dev.watchkeeper.platform.Actor;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Async;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.event.TransactionalEventListener;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Opens incidents from alert groups whose receiver asks for one ({@code incident: true}):
 * the first firing notice of a group opens an incident for the alerts' service, with the
 * severity of its most severe alert, and pages through the service's escalation policy;
 * later notices of the group attach to that incident while it is open instead of opening
 * another, and their alerts' firing and resolving go on its timeline. A notice delivered
 * twice (the event is at least once) changes nothing twice.
 */
@Component
class AlertIncidents {

	/** Who opens incidents from alerts, as timelines show it. */
	static final Actor ALERTING = new Actor(Actor.Kind.SYSTEM, "alerting", "Alerting", null);

	private final Incidents incidents;

	private final IncidentLedger ledger;

	private final SeverityPolicy severities;

	private final Services services;

	private final JdbcClient jdbc;

	private final JsonMapper json;

	private final ServiceIncidentSettings settings;

	private final TransactionTemplate transactions;

	AlertIncidents(Incidents incidents, IncidentLedger ledger, SeverityPolicy severities, Services services,
			JdbcClient jdbc, JsonMapper json, ServiceIncidentSettings settings, PlatformTransactionManager manager) {
		this.settings = settings;
		this.transactions = new TransactionTemplate(manager);
		this.transactions.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
		this.incidents = incidents;
		this.ledger = ledger;
		this.severities = severities;
		this.services = services;
		this.jdbc = jdbc;
		this.json = json;
	}

	/**
	 * How many notices are taken in at once. A minute's worth of large groups falling due
	 * together would otherwise each hold a database connection and a core while alert
	 * intake waits for both; the others wait here, holding neither.
	 */
	static final int AT_ONCE = 2;

	private final Semaphore working = new Semaphore(AT_ONCE);

	/**
	 * Takes the notice in after the flush that sent it committed, in a transaction of its
	 * own (as {@code @ApplicationModuleListener} does), at most {@link #AT_ONCE} at a
	 * time. The event publication registry keeps it until this returns.
	 */
	@Async
	@TransactionalEventListener
	void on(AlertEvents.AlertGroupEscalated notice) throws InterruptedException {
		working.acquire();
		try {
			transactions.executeWithoutResult(status -> take(notice));
		}
		finally {
			working.release();
		}
	}

	/**
	 * Takes a group's notice in, in the caller's transaction; the incident it fed, if
	 * any.
	 */
	Optional<UUID> take(AlertEvents.AlertGroupEscalated notice) {
		// one group at a time, across nodes: two deliveries of its first notice must not
		// open two incidents
		jdbc.sql("SELECT count(*) FROM (SELECT pg_advisory_xact_lock(hashtextextended(:key, 7))) locked")
			.param("key", "incident-group:" + notice.groupKey())
			.query(Long.class)
			.single();
		Optional<Linked> linked = openIncidentOf(notice.groupKey());
		if (linked.isPresent()) {
			if (linked.get().lastSequence() >= notice.sequence()) {
				return Optional.of(linked.get().incidentId());
			}
			attach(linked.get().incidentId(), notice);
			return Optional.of(linked.get().incidentId());
		}
		if (notice.firing().isEmpty()) {
			// the group resolved before it ever needed an incident (or after its incident
			// closed): nothing to open
			return Optional.empty();
		}
		SeverityLevel level = severities.find(notice.severity())
			.or(() -> severities.find("medium"))
			.orElse(severities.of(notice.severity()));
		String slug = label(notice, "service");
		UUID serviceId = slug == null ? null
				: services.findBySlug(slug).map(Service::id).map(id -> id.value()).orElse(null);
		Incident incident = incidents
			.declare(new IncidentDraft(title(notice, slug), level.name(), serviceId, summary(notice)), ALERTING);
		Map<String, Object> data = new LinkedHashMap<>();
		data.put("groupKey", notice.groupKey());
		data.put("receiver", notice.receiver());
		data.put("link", notice.link());
		ledger.record(incident.id(), ledger.now(), "alerts",
				"Opened by alert group " + notice.groupKey() + " (receiver " + notice.receiver() + ")"
						+ (serviceId == null && slug != null ? "; no service '" + slug + "' in the catalog" : ""),
				ALERTING, data);
		attach(incident.id(), notice);
		return Optional.of(incident.id());
	}

	private record Linked(UUID incidentId, long lastSequence) {
	}

	private Optional<Linked> openIncidentOf(String groupKey) {
		return jdbc.sql("""
				SELECT g.incident_id, g.last_sequence FROM incident_alert_groups g
				  JOIN incident_incidents i ON i.id = g.incident_id
				 WHERE g.group_key = :key AND i.status NOT IN ('resolved', 'closed')
				 ORDER BY g.attached_at DESC LIMIT 1""")
			.param("key", groupKey)
			.query((rs, n) -> new Linked(rs.getObject("incident_id", UUID.class), rs.getLong("last_sequence")))
			.optional();
	}

	private void attach(UUID incidentId, AlertEvents.AlertGroupEscalated notice) {
		Instant now = ledger.now();
		jdbc.sql("""
				INSERT INTO incident_alert_groups (group_key, incident_id, last_sequence, attached_at)
				VALUES (:key, :incident, :sequence, :now)
				ON CONFLICT (group_key, incident_id) DO UPDATE SET last_sequence = EXCLUDED.last_sequence""")
			.param("key", notice.groupKey())
			.param("incident", incidentId)
			.param("sequence", notice.sequence())
			.param("now", Timestamp.from(now))
			.update();
		List<String> fired = upsert(incidentId, notice.firing(), "firing", now);
		List<String> resolved = upsert(incidentId, notice.resolved(), "resolved", now);
		if (!fired.isEmpty()) {
			ledger.record(incidentId, now, "alerts", "Alerts firing: " + names(fired), ALERTING,
					Map.of("groupKey", notice.groupKey(), "count", fired.size()));
		}
		if (!resolved.isEmpty()) {
			ledger.record(incidentId, now, "alerts", "Alerts resolved: " + names(resolved), ALERTING,
					Map.of("groupKey", notice.groupKey(), "count", resolved.size()));
			autoResolve(incidentId);
		}
	}

	/** How many alert names a timeline entry lists before it counts the rest. */
	static final int NAMES_LISTED = 20;

	static String names(List<String> names) {
		if (names.size() <= NAMES_LISTED) {
			return String.join(", ", names);
		}
		return String.join(", ", names.subList(0, NAMES_LISTED)) + " and " + (names.size() - NAMES_LISTED) + " more";
	}

	/**
	 * Resolves the incident when its service asks for it and none of its attached alerts
	 * fires any more.
	 */
	private void autoResolve(UUID incidentId) {
		Incident incident = ledger.reread(incidentId);
		if (!incident.status().open() || !settings.autoResolves(incident.serviceId())) {
			return;
		}
		long alerts = jdbc.sql("SELECT count(*) FROM incident_alerts WHERE incident_id = :id")
			.param("id", incidentId)
			.query(Long.class)
			.single();
		long firing = jdbc.sql("SELECT count(*) FROM incident_alerts WHERE incident_id = :id AND status = 'firing'")
			.param("id", incidentId)
			.query(Long.class)
			.single();
		if (firing == 0 && alerts > 0) {
			incidents.resolve(incidentId, "every attached alert has resolved (" + alerts
					+ (alerts == 1 ? " alert" : " alerts") + ") and the service resolves its incidents automatically",
					ALERTING);
		}
	}

	/**
	 * Inserts or updates the attached alerts in one statement, however large the group;
	 * the names of those that are new or changed state, in the notice's order.
	 */
	private List<String> upsert(UUID incidentId, List<AlertEvents.GroupAlert> alerts, String status, Instant now) {
		if (alerts.isEmpty()) {
			return List.of();
		}
		int n = alerts.size();
		String[] fingerprints = new String[n];
		String[] alertnames = new String[n];
		String[] labels = new String[n];
		String[] summaries = new String[n];
		String[] runbooks = new String[n];
		String[] startsAt = new String[n];
		String[] endsAt = new String[n];
		for (int i = 0; i < n; i++) {
			AlertEvents.GroupAlert alert = alerts.get(i);
			Map<String, String> annotations = alert.annotations() == null ? Map.of() : alert.annotations();
			fingerprints[i] = alert.fingerprint();
			alertnames[i] = alert.labels().getOrDefault("alertname", alert.fingerprint());
			labels[i] = json.writeValueAsString(alert.labels());
			summaries[i] = annotations.get("summary");
			runbooks[i] = annotations.get("runbook_url");
			startsAt[i] = alert.startsAt().toString();
			endsAt[i] = "resolved".equals(status) && alert.endsAt() != null ? alert.endsAt().toString() : null;
		}
		Set<String> changed = new HashSet<>(jdbc
			.sql("""
					INSERT INTO incident_alerts (incident_id, fingerprint, alertname, labels, summary, runbook_url, status,
					  starts_at, ends_at, updated_at)
					SELECT :incident, f, a, CAST(l AS jsonb), s, r, :status, st, en, :now
					  FROM unnest(CAST(:fingerprints AS text[]), CAST(:alertnames AS text[]), CAST(:labels AS text[]),
					    CAST(:summaries AS text[]), CAST(:runbooks AS text[]), CAST(:startsAt AS timestamptz[]),
					    CAST(:endsAt AS timestamptz[])) AS t(f, a, l, s, r, st, en)
					ON CONFLICT (incident_id, fingerprint) DO UPDATE SET status = EXCLUDED.status, ends_at = EXCLUDED.ends_at,
					  summary = EXCLUDED.summary, runbook_url = EXCLUDED.runbook_url, updated_at = EXCLUDED.updated_at
					  WHERE incident_alerts.status <> EXCLUDED.status
					RETURNING fingerprint""")
			.param("incident", incidentId)
			.param("status", status)
			.param("now", Timestamp.from(now))
			.param("fingerprints", fingerprints)
			.param("alertnames", alertnames)
			.param("labels", labels)
			.param("summaries", summaries)
			.param("runbooks", runbooks)
			.param("startsAt", startsAt)
			.param("endsAt", endsAt)
			.query(String.class)
			.list());
		return alerts.stream()
			.filter(alert -> changed.contains(alert.fingerprint()))
			.map(AlertIncidents::name)
			.toList();
	}

	private static String name(AlertEvents.GroupAlert alert) {
		String service = alert.labels().get("service");
		String instance = alert.labels().get("instance");
		return alert.labels().getOrDefault("alertname", alert.fingerprint()) + (service != null ? " " + service : "")
				+ (instance != null ? " (" + instance + ")" : "");
	}

	private static String label(AlertEvents.AlertGroupEscalated notice, String name) {
		String value = notice.groupLabels().get(name);
		return value != null ? value : notice.commonLabels().get(name);
	}

	private static String title(AlertEvents.AlertGroupEscalated notice, String service) {
		String summary = notice.commonAnnotations().get("summary");
		String alertname = label(notice, "alertname");
		String title = summary != null && !summary.isBlank() ? summary
				: (alertname != null ? alertname : "Alerts") + (service != null ? " on " + service : "");
		return title.length() > 200 ? title.substring(0, 199) + "…" : title;
	}

	private static String summary(AlertEvents.AlertGroupEscalated notice) {
		StringBuilder text = new StringBuilder("Opened from alerts (").append(notice.link()).append("):");
		for (AlertEvents.GroupAlert alert : notice.firing()) {
			Map<String, String> annotations = alert.annotations() == null ? Map.of() : alert.annotations();
			text.append("\n- ").append(name(alert));
			if (annotations.get("description") != null) {
				text.append(": ").append(annotations.get("description"));
			}
			text.append("\n  runbook: ")
				.append(annotations.getOrDefault("runbook_url", "none (the alert has no runbook_url)"));
		}
		return text.length() > 10_000 ? text.substring(0, 9_999) + "…" : text.toString();
	}

}
