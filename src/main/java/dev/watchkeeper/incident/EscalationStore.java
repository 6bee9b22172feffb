package dev.watchkeeper.incident;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

import dev.watchkeeper.oncall.EscalationPolicySnapshot;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Escalations and pages in {@code incident_escalations} and {@code incident_pages}. */
@Repository
class EscalationStore {

	private final JdbcClient jdbc;

	private final JsonMapper json;

	EscalationStore(JdbcClient jdbc, JsonMapper json) {
		this.jdbc = jdbc;
		this.json = json;
	}

	/**
	 * Where an incident's escalation stands.
	 *
	 * @param incidentId the incident
	 * @param policy the policy as it was when the incident opened
	 * @param teamId the team whose lead and manager the steps name, if known
	 * @param step the step in force, from 0
	 * @param round 0 for the first pass through the steps, then 1 for the first repeat …
	 * @param stepStartedAt when the step in force started
	 * @param stepDueAt when it times out; null once stopped
	 * @param stoppedAt when escalation stopped
	 * @param stoppedReason why: acknowledged, resolved or exhausted
	 */
	record Escalation(UUID incidentId, EscalationPolicySnapshot policy, UUID teamId, int step, int round,
			Instant stepStartedAt, Instant stepDueAt, Instant stoppedAt, String stoppedReason) {

		boolean active() {
			return stoppedAt == null;
		}

	}

	void insert(Escalation escalation) {
		jdbc.sql(
				"""
						INSERT INTO incident_escalations (incident_id, policy, team_id, step, round, step_started_at, step_due_at)
						VALUES (:id, CAST(:policy AS jsonb), :team, :step, :round, :started, :due)
						ON CONFLICT (incident_id) DO NOTHING""")
			.param("id", escalation.incidentId())
			.param("policy", json.writeValueAsString(escalation.policy()))
			.param("team", escalation.teamId())
			.param("step", escalation.step())
			.param("round", escalation.round())
			.param("started", Timestamp.from(escalation.stepStartedAt()))
			.param("due", escalation.stepDueAt() == null ? null : Timestamp.from(escalation.stepDueAt()),
					java.sql.Types.TIMESTAMP)
			.update();
	}

	Optional<Escalation> find(UUID incidentId) {
		return jdbc.sql("SELECT *, policy::text AS policy_text FROM incident_escalations WHERE incident_id = :id")
			.param("id", incidentId)
			.query((rs, n) -> new Escalation(rs.getObject("incident_id", UUID.class),
					json.readValue(rs.getString("policy_text"), EscalationPolicySnapshot.class),
					rs.getObject("team_id", UUID.class), rs.getInt("step"), rs.getInt("round"),
					rs.getTimestamp("step_started_at").toInstant(), instant(rs.getTimestamp("step_due_at")),
					instant(rs.getTimestamp("stopped_at")), rs.getString("stopped_reason")))
			.optional();
	}

	void moveTo(UUID incidentId, int step, int round, Instant startedAt, Instant dueAt) {
		jdbc.sql(
				"""
						UPDATE incident_escalations SET step = :step, round = :round, step_started_at = :started, step_due_at = :due
						 WHERE incident_id = :id""")
			.param("id", incidentId)
			.param("step", step)
			.param("round", round)
			.param("started", Timestamp.from(startedAt))
			.param("due", Timestamp.from(dueAt))
			.update();
	}

	/** Stops an active escalation; false when it had stopped already. */
	boolean stop(UUID incidentId, Instant at, String reason) {
		return jdbc.sql("""
				UPDATE incident_escalations SET stopped_at = :at, stopped_reason = :reason, step_due_at = NULL
				 WHERE incident_id = :id AND stopped_at IS NULL""")
			.param("id", incidentId)
			.param("at", Timestamp.from(at))
			.param("reason", reason)
			.update() > 0;
	}

	/** Records a page; false when a page with this key was recorded already. */
	boolean recordPage(String key, UUID incidentId, UUID userId, int round, int step, String kind, String address,
			String reason, Instant at) {
		return jdbc
			.sql("""
					INSERT INTO incident_pages (delivery_key, incident_id, user_id, round, step, kind, address, reason, paged_at)
					VALUES (:key, :incident, :user, :round, :step, :kind, :address, :reason, :at)
					ON CONFLICT (delivery_key) DO NOTHING""")
			.param("key", key)
			.param("incident", incidentId)
			.param("user", userId)
			.param("round", round)
			.param("step", step)
			.param("kind", kind)
			.param("address", address)
			.param("reason", reason)
			.param("at", Timestamp.from(at))
			.update() > 0;
	}

	private static Instant instant(Timestamp timestamp) {
		return timestamp == null ? null : timestamp.toInstant();
	}

}
