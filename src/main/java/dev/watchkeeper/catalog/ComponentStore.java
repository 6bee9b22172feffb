package dev.watchkeeper.catalog;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Components and their groups in {@code catalog_components} and
 * {@code catalog_component_groups}.
 */
@Repository
class ComponentStore {

	private static final String COMPONENT_COLUMNS = """
			id, name, description, group_id, service_id, check_ids, status_override, position, created_at, updated_at""";

	private final JdbcClient jdbc;

	ComponentStore(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	void upsert(Component component) {
		Map<String, Object> params = new HashMap<>();
		params.put("id", component.id());
		params.put("name", component.name());
		params.put("description", component.description());
		params.put("group", component.groupId());
		params.put("service", component.serviceId());
		params.put("checks", component.checkIds().toArray(UUID[]::new));
		params.put("override", component.statusOverride() == null ? null : component.statusOverride().value());
		params.put("position", component.position());
		params.put("created", Timestamp.from(component.createdAt()));
		params.put("updated", Timestamp.from(component.updatedAt()));
		jdbc.sql("""
				INSERT INTO catalog_components (id, name, description, group_id, service_id, check_ids, status_override,
				  position, created_at, updated_at)
				VALUES (:id, :name, :description, :group, :service, :checks, :override, :position, :created, :updated)
				ON CONFLICT (id) DO UPDATE SET name = :name, description = :description, group_id = :group,
				  service_id = :service, check_ids = :checks, status_override = :override, position = :position,
				  updated_at = :updated""").params(params).update();
	}

	boolean delete(UUID id) {
		return jdbc.sql("DELETE FROM catalog_components WHERE id = :id").param("id", id).update() > 0;
	}

	Optional<Component> find(UUID id) {
		return jdbc.sql("SELECT " + COMPONENT_COLUMNS + " FROM catalog_components WHERE id = :id")
			.param("id", id)
			.query(ComponentStore::component)
			.optional();
	}

	List<Component> all() {
		return jdbc.sql("SELECT " + COMPONENT_COLUMNS + " FROM catalog_components ORDER BY position, lower(name), id")
			.query(ComponentStore::component)
			.list();
	}

	void upsertGroup(ComponentGroup group) {
		jdbc.sql("""
				INSERT INTO catalog_component_groups (id, name, description, position, created_at, updated_at)
				VALUES (:id, :name, :description, :position, :created, :updated)
				ON CONFLICT (id) DO UPDATE SET name = :name, description = :description, position = :position,
				  updated_at = :updated""")
			.param("id", group.id())
			.param("name", group.name())
			.param("description", group.description())
			.param("position", group.position())
			.param("created", Timestamp.from(group.createdAt()))
			.param("updated", Timestamp.from(group.updatedAt()))
			.update();
	}

	boolean deleteGroup(UUID id) {
		return jdbc.sql("DELETE FROM catalog_component_groups WHERE id = :id").param("id", id).update() > 0;
	}

	Optional<ComponentGroup> findGroup(UUID id) {
		return jdbc.sql("SELECT * FROM catalog_component_groups WHERE id = :id")
			.param("id", id)
			.query(ComponentStore::group)
			.optional();
	}

	List<ComponentGroup> groups() {
		return jdbc.sql("SELECT * FROM catalog_component_groups ORDER BY position, lower(name), id")
			.query(ComponentStore::group)
			.list();
	}

	private static Component component(ResultSet rs, int n) throws SQLException {
		Array checks = rs.getArray("check_ids");
		return new Component(rs.getObject("id", UUID.class), rs.getString("name"), rs.getString("description"),
				rs.getObject("group_id", UUID.class), rs.getObject("service_id", UUID.class),
				checks == null ? List.of() : Arrays.asList((UUID[]) checks.getArray()),
				ComponentStatus.parse(rs.getString("status_override")).orElse(null), rs.getInt("position"),
				rs.getTimestamp("created_at").toInstant(), rs.getTimestamp("updated_at").toInstant());
	}

	private static ComponentGroup group(ResultSet rs, int n) throws SQLException {
		return new ComponentGroup(rs.getObject("id", UUID.class), rs.getString("name"), rs.getString("description"),
				rs.getInt("position"), rs.getTimestamp("created_at").toInstant(),
				rs.getTimestamp("updated_at").toInstant());
	}

}
