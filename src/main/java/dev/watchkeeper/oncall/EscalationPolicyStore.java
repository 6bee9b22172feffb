package dev.watchkeeper.oncall;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Escalation policies in {@code oncall_escalation_policies}; steps as JSON. */
@Repository
class EscalationPolicyStore {

	private static final String COLUMNS = "id, name, description, repeat_count, steps::text AS steps, created_at, updated_at";

	private final JdbcClient jdbc;

	private final JsonMapper json;

	EscalationPolicyStore(JdbcClient jdbc, JsonMapper json) {
		this.jdbc = jdbc;
		this.json = json;
	}

	void insert(EscalationPolicy policy) {
		jdbc.sql(
				"""
						INSERT INTO oncall_escalation_policies (id, name, description, repeat_count, steps, created_at, updated_at)
						VALUES (:id, :name, :description, :repeat, CAST(:steps AS jsonb), :created, :updated)""")
			.params(params(policy))
			.update();
	}

	void update(EscalationPolicy policy) {
		jdbc.sql("""
				UPDATE oncall_escalation_policies SET name = :name, description = :description, repeat_count = :repeat,
				  steps = CAST(:steps AS jsonb), updated_at = :updated
				WHERE id = :id""").params(params(policy)).update();
	}

	boolean delete(UUID id) {
		return jdbc.sql("DELETE FROM oncall_escalation_policies WHERE id = :id").param("id", id).update() > 0;
	}

	Optional<EscalationPolicy> find(UUID id) {
		return jdbc.sql("SELECT " + COLUMNS + " FROM oncall_escalation_policies WHERE id = :id")
			.param("id", id)
			.query(this::row)
			.optional();
	}

	Optional<EscalationPolicy> lock(UUID id) {
		return jdbc.sql("SELECT " + COLUMNS + " FROM oncall_escalation_policies WHERE id = :id FOR UPDATE")
			.param("id", id)
			.query(this::row)
			.optional();
	}

	List<EscalationPolicy> list() {
		return jdbc.sql("SELECT " + COLUMNS + " FROM oncall_escalation_policies ORDER BY lower(name), id")
			.query(this::row)
			.list();
	}

	/** Names of the policies with a step that pages this schedule (any of its layers). */
	List<String> namesReferencing(String scheduleId) {
		return jdbc.sql("""
				SELECT DISTINCT p.name FROM oncall_escalation_policies p,
				  jsonb_array_elements(p.steps) AS step, jsonb_array_elements(step -> 'targets') AS target
				WHERE target ->> 'kind' = 'schedule' AND split_part(target ->> 'ref', '#', 1) = :schedule
				ORDER BY p.name""").param("schedule", scheduleId).query(String.class).list();
	}

	private Map<String, Object> params(EscalationPolicy policy) {
		Map<String, Object> params = new HashMap<>();
		params.put("id", policy.id());
		params.put("name", policy.name());
		params.put("description", policy.description());
		params.put("repeat", policy.repeat());
		params.put("steps", stepsJson(policy.steps()));
		params.put("created", Timestamp.from(policy.createdAt()));
		params.put("updated", Timestamp.from(policy.updatedAt()));
		return params;
	}

	private String stepsJson(List<EscalationStep> steps) {
		List<Map<String, Object>> list = new ArrayList<>();
		for (EscalationStep step : steps) {
			Map<String, Object> item = new LinkedHashMap<>();
			item.put("targets", step.targets().stream().map(t -> Map.of("kind", t.kind(), "ref", t.ref())).toList());
			item.put("timeout_seconds", step.timeout().getSeconds());
			list.add(item);
		}
		return json.writeValueAsString(list);
	}

	private List<EscalationStep> steps(String text) {
		List<EscalationStep> steps = new ArrayList<>();
		for (JsonNode item : json.readTree(text)) {
			List<EscalationTarget> targets = new ArrayList<>();
			item.get("targets")
				.forEach(t -> targets.add(new EscalationTarget(t.get("kind").asString(), t.get("ref").asString())));
			steps.add(new EscalationStep(steps.size(), targets,
					Duration.ofSeconds(item.get("timeout_seconds").asLong())));
		}
		return steps;
	}

	private EscalationPolicy row(ResultSet rs, int n) throws SQLException {
		return new EscalationPolicy(rs.getObject("id", UUID.class), rs.getString("name"), rs.getString("description"),
				rs.getInt("repeat_count"), steps(rs.getString("steps")), false,
				rs.getTimestamp("created_at").toInstant(), rs.getTimestamp("updated_at").toInstant());
	}

}
