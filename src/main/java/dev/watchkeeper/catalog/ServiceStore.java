package dev.watchkeeper.catalog;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import dev.watchkeeper.platform.PageQuery;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Services and their environments in {@code catalog_services} and
 * {@code catalog_service_environments}.
 */
@Repository
class ServiceStore {

	private static final String COLUMNS = """
			id, slug, name, description, owner_team_id, tier, runbook_url, tags, created_at, updated_at""";

	private static final String FILTER = """
			WHERE (CAST(:query AS text) IS NULL OR lower(name) LIKE :pattern OR slug LIKE :pattern)
			  AND (CAST(:team AS uuid) IS NULL OR owner_team_id = CAST(:team AS uuid))
			  AND (CAST(:tag AS text) IS NULL OR tags @> ARRAY[CAST(:tag AS text)])
			  AND (CAST(:tier AS smallint) IS NULL OR tier = CAST(:tier AS smallint))""";

	private final JdbcClient jdbc;

	ServiceStore(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	void insert(Service service) {
		jdbc.sql("""
				INSERT INTO catalog_services (id, slug, name, description, owner_team_id, tier, runbook_url, tags,
				  created_at, updated_at)
				VALUES (:id, :slug, :name, :description, :team, :tier, :runbook, :tags, :created, :updated)""")
			.params(params(service))
			.update();
		replaceEnvironments(service);
	}

	void update(Service service) {
		jdbc.sql("""
				UPDATE catalog_services SET slug = :slug, name = :name, description = :description,
				  owner_team_id = :team, tier = :tier, runbook_url = :runbook, tags = :tags, updated_at = :updated
				WHERE id = :id""").params(params(service)).update();
		replaceEnvironments(service);
	}

	boolean delete(ServiceId id) {
		return jdbc.sql("DELETE FROM catalog_services WHERE id = :id").param("id", id.value()).update() > 0;
	}

	Optional<Service> findBySlug(String slug) {
		return jdbc.sql("SELECT " + COLUMNS + " FROM catalog_services WHERE slug = :slug")
			.param("slug", slug)
			.query(this::row)
			.optional()
			.map(service -> withEnvironments(List.of(service)).get(0));
	}

	Optional<Service> find(ServiceId id) {
		return jdbc.sql("SELECT " + COLUMNS + " FROM catalog_services WHERE id = :id")
			.param("id", id.value())
			.query(this::row)
			.optional()
			.map(service -> withEnvironments(List.of(service)).get(0));
	}

	/** One page and the total in one query, then the page's environments in a second. */
	PageQuery.Page<Service> list(ServiceFilter filter, PageQuery page) {
		long[] total = { 0 };
		List<Service> services = filtered(
				jdbc.sql("SELECT " + COLUMNS + ", count(*) OVER () AS total FROM catalog_services " + FILTER
						+ " ORDER BY lower(name), id LIMIT :limit OFFSET :offset"),
				filter)
			.param("limit", page.size())
			.param("offset", page.offset())
			.query((rs, n) -> {
				total[0] = rs.getLong("total");
				return row(rs, n);
			})
			.list();
		if (services.isEmpty() && page.page() > 1) {
			total[0] = filtered(jdbc.sql("SELECT count(*) FROM catalog_services " + FILTER), filter).query(Long.class)
				.single();
		}
		return PageQuery.Page.of(withEnvironments(services), page, total[0]);
	}

	private static JdbcClient.StatementSpec filtered(JdbcClient.StatementSpec statement, ServiceFilter filter) {
		String pattern = filter.query() == null ? null : "%"
				+ filter.query().toLowerCase(Locale.ROOT).replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
				+ "%";
		return statement.param("query", filter.query())
			.param("pattern", pattern)
			.param("team", filter.ownerTeamId())
			.param("tag", filter.tag())
			.param("tier", filter.tier());
	}

	private void replaceEnvironments(Service service) {
		jdbc.sql("DELETE FROM catalog_service_environments WHERE service_id = :id")
			.param("id", service.id().value())
			.update();
		for (Service.Environment environment : service.environments()) {
			jdbc.sql("INSERT INTO catalog_service_environments (service_id, name, url) VALUES (:id, :name, :url)")
				.param("id", service.id().value())
				.param("name", environment.name())
				.param("url", environment.url())
				.update();
		}
	}

	private List<Service> withEnvironments(List<Service> services) {
		if (services.isEmpty()) {
			return services;
		}
		Map<UUID, List<Service.Environment>> byService = new HashMap<>();
		jdbc.sql("SELECT service_id, name, url FROM catalog_service_environments WHERE service_id IN (:ids)")
			.param("ids", services.stream().map(s -> s.id().value()).toList())
			.query((rs, n) -> byService.computeIfAbsent(rs.getObject("service_id", UUID.class), k -> new ArrayList<>())
				.add(new Service.Environment(rs.getString("name"), rs.getString("url"))))
			.list();
		return services.stream().map(s -> {
			List<Service.Environment> environments = new ArrayList<>(byService.getOrDefault(s.id().value(), List.of()));
			environments
				.sort((a, b) -> Service.ENVIRONMENTS.indexOf(a.name()) - Service.ENVIRONMENTS.indexOf(b.name()));
			return new Service(s.id(), s.slug(), s.name(), s.description(), s.ownerTeamId(), s.tier(), s.runbookUrl(),
					s.tags(), environments, s.createdAt(), s.updatedAt());
		}).toList();
	}

	private static Map<String, Object> params(Service service) {
		Map<String, Object> params = new HashMap<>();
		params.put("id", service.id().value());
		params.put("slug", service.slug());
		params.put("name", service.name());
		params.put("description", service.description());
		params.put("team", service.ownerTeamId());
		params.put("tier", service.tier());
		params.put("runbook", service.runbookUrl());
		params.put("tags", service.tags().toArray(String[]::new));
		params.put("created", Timestamp.from(service.createdAt()));
		params.put("updated", Timestamp.from(service.updatedAt()));
		return params;
	}

	private Service row(ResultSet rs, int n) throws SQLException {
		Array tags = rs.getArray("tags");
		return new Service(new ServiceId(rs.getObject("id", UUID.class)), rs.getString("slug"), rs.getString("name"),
				rs.getString("description"), rs.getObject("owner_team_id", UUID.class), rs.getInt("tier"),
				rs.getString("runbook_url"), tags == null ? List.of() : Arrays.asList((String[]) tags.getArray()),
				List.of(), rs.getTimestamp("created_at").toInstant(), rs.getTimestamp("updated_at").toInstant());
	}

}
