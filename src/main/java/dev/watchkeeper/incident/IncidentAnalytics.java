package dev.watchkeeper.incident;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import dev.watchkeeper.catalog.Service;
import dev.watchkeeper.catalog.ServiceId;
import dev.watchkeeper.catalog.Services;
import dev.watchkeeper.identity.TeamId;
import dev.watchkeeper.identity.TeamRef;
import dev.watchkeeper.identity.Teams;
import dev.watchkeeper.identity.User;
import dev.watchkeeper.identity.UserId;
import dev.watchkeeper.identity.Users;
import dev.watchkeeper.platform.DomainException;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * MTTA, MTTR and the share of incidents acknowledged and resolved within their targets,
 * over a chosen period, per severity, per service and per owner team of the service (as
 * the catalog has it now); and the pages each person received, off-hours ones counted.
 */
@org.springframework.stereotype.Service
public class IncidentAnalytics {

	/** The longest period one report covers. */
	public static final Duration MAX_PERIOD = Duration.ofDays(3 * 366);

	private static final String NONE = "none";

	private final JdbcClient jdbc;

	private final SeverityPolicy policy;

	private final Services services;

	private final Teams teams;

	private final Users users;

	private final Clock clock;

	IncidentAnalytics(JdbcClient jdbc, SeverityPolicy policy, Services services, Teams teams, Users users,
			Clock clock) {
		this.jdbc = jdbc;
		this.policy = policy;
		this.services = services;
		this.teams = teams;
		this.users = users;
		this.clock = clock;
	}

	/** One row of sums per severity and service; every sum adds up across rows. */
	private record Tally(long incidents, long acknowledged, double ackSeconds, long resolved, double resolveSeconds,
			long ackMeasured, long ackWithin, long resolveMeasured, long resolveWithin) {

		static final Tally ZERO = new Tally(0, 0, 0, 0, 0, 0, 0, 0, 0);

		Tally plus(Tally other) {
			return new Tally(incidents + other.incidents, acknowledged + other.acknowledged,
					ackSeconds + other.ackSeconds, resolved + other.resolved, resolveSeconds + other.resolveSeconds,
					ackMeasured + other.ackMeasured, ackWithin + other.ackWithin,
					resolveMeasured + other.resolveMeasured, resolveWithin + other.resolveWithin);
		}

		ResponseStats stats() {
			return ResponseStats.of(incidents, acknowledged, resolved, mean(ackSeconds, acknowledged),
					mean(resolveSeconds, resolved), ackMeasured, ackWithin, resolveMeasured, resolveWithin);
		}

		private static Duration mean(double seconds, long count) {
			return count == 0 ? null : Duration.ofSeconds(Math.round(seconds / count));
		}

	}

	private record Row(String severity, UUID serviceId, Tally tally) {
	}

	public ResponseReport report(Instant from, Instant to) {
		if (from == null || to == null || !from.isBefore(to)) {
			throw DomainException.invalid("from", "must be before to");
		}
		if (Duration.between(from, to).compareTo(MAX_PERIOD) > 0) {
			throw DomainException.invalid("to", "a report covers at most " + MAX_PERIOD.toDays() + " days");
		}
		List<Row> rows = rows(from, to);
		Map<String, Tally> bySeverity = new LinkedHashMap<>();
		policy.names().forEach(name -> bySeverity.put(name, Tally.ZERO));
		Map<String, Tally> byService = new HashMap<>();
		Map<String, Tally> byTeam = new HashMap<>();
		Map<UUID, Optional<Service>> known = new HashMap<>();
		Tally overall = Tally.ZERO;
		for (Row row : rows) {
			overall = overall.plus(row.tally());
			bySeverity.merge(row.severity(), row.tally(), Tally::plus);
			Optional<Service> service = row.serviceId() == null ? Optional.empty()
					: known.computeIfAbsent(row.serviceId(), id -> services.find(new ServiceId(id)));
			byService.merge(row.serviceId() == null ? NONE : row.serviceId().toString(), row.tally(), Tally::plus);
			UUID team = service.map(Service::ownerTeamId).orElse(null);
			byTeam.merge(team == null ? NONE : team.toString(), row.tally(), Tally::plus);
		}
		List<ResponseReport.Group> severities = bySeverity.entrySet()
			.stream()
			.map(e -> new ResponseReport.Group(e.getKey(), e.getKey(), e.getValue().stats()))
			.toList();
		return new ResponseReport(from, to, overall.stats(), severities, serviceGroups(byService, known),
				teamGroups(byTeam), byPerson(from, to));
	}

	/**
	 * Pages per person sent in {@code [from, to)}, with the off-hours ones in each
	 * person's zone. Pages are counted in 15-minute buckets: every zone's offset is a
	 * whole number of quarter hours, so no bucket straddles 09:00 or 17:00 local time.
	 */
	private List<ResponseReport.PersonPages> byPerson(Instant from, Instant to) {
		record Bucket(UUID userId, Instant at, long pages) {
		}
		List<Bucket> buckets = jdbc.sql("""
				SELECT user_id, date_bin('15 minutes', paged_at, TIMESTAMPTZ '2000-01-03 00:00:00+00') AS bucket,
				       count(*) AS pages
				  FROM incident_pages WHERE paged_at >= :from AND paged_at < :to
				 GROUP BY user_id, bucket""")
			.param("from", Sql.ts(from))
			.param("to", Sql.ts(to))
			.query((rs, n) -> new Bucket(Sql.uuid(rs, "user_id"), Sql.instant(rs, "bucket"), rs.getLong("pages")))
			.list();
		if (buckets.isEmpty()) {
			return List.of();
		}
		Map<UUID, Long> incidentsPaged = new HashMap<>();
		jdbc.sql("""
				SELECT user_id, count(DISTINCT incident_id) AS incidents
				  FROM incident_pages WHERE paged_at >= :from AND paged_at < :to GROUP BY user_id""")
			.param("from", Sql.ts(from))
			.param("to", Sql.ts(to))
			.query((rs, n) -> incidentsPaged.put(Sql.uuid(rs, "user_id"), rs.getLong("incidents")))
			.list();
		Map<UUID, User> people = new HashMap<>();
		users.findAll(incidentsPaged.keySet().stream().map(UserId::new).toList())
			.forEach(user -> people.put(user.id().value(), user));
		Map<UUID, long[]> counts = new LinkedHashMap<>();
		for (Bucket bucket : buckets) {
			User person = people.get(bucket.userId());
			long[] count = counts.computeIfAbsent(bucket.userId(), id -> new long[2]);
			count[0] += bucket.pages();
			if (OffHours.at(bucket.at(), OffHours.zone(person == null ? null : person.timeZone()))) {
				count[1] += bucket.pages();
			}
		}
		List<ResponseReport.PersonPages> result = new ArrayList<>();
		counts.forEach((id, count) -> {
			User person = people.get(id);
			result.add(new ResponseReport.PersonPages(id.toString(), person == null ? "Deleted user" : person.name(),
					OffHours.zone(person == null ? null : person.timeZone()).getId(), count[0], count[1],
					incidentsPaged.getOrDefault(id, 0L)));
		});
		result.sort(Comparator.comparingLong(ResponseReport.PersonPages::pages)
			.reversed()
			.thenComparing(p -> p.label().toLowerCase(java.util.Locale.ROOT)));
		return result;
	}

	private List<ResponseReport.Group> serviceGroups(Map<String, Tally> tallies, Map<UUID, Optional<Service>> known) {
		List<ResponseReport.Group> groups = new ArrayList<>();
		tallies.forEach((key, tally) -> {
			String label = NONE.equals(key) ? "No service"
					: known.get(UUID.fromString(key)).map(Service::name).orElse("Deleted service");
			groups.add(new ResponseReport.Group(key, label, tally.stats()));
		});
		groups.sort(byLabel());
		return groups;
	}

	private List<ResponseReport.Group> teamGroups(Map<String, Tally> tallies) {
		Map<TeamId, TeamRef> refs = teams
			.refs(tallies.keySet().stream().filter(key -> !NONE.equals(key)).map(key -> TeamId.parse(key)).toList());
		List<ResponseReport.Group> groups = new ArrayList<>();
		tallies.forEach((key, tally) -> {
			String label = NONE.equals(key) ? "No owner team"
					: Optional.ofNullable(refs.get(TeamId.parse(key))).map(TeamRef::name).orElse("Deleted team");
			groups.add(new ResponseReport.Group(key, label, tally.stats()));
		});
		groups.sort(byLabel());
		return groups;
	}

	private static Comparator<ResponseReport.Group> byLabel() {
		return Comparator.comparing((ResponseReport.Group g) -> NONE.equals(g.key()))
			.thenComparing(g -> g.label().toLowerCase(java.util.Locale.ROOT));
	}

	private List<Row> rows(Instant from, Instant to) {
		return jdbc.sql("""
				SELECT severity, service_id, count(*) AS incidents, count(acknowledged_at) AS acknowledged,
				  coalesce(sum(extract(epoch FROM acknowledged_at - declared_at)), 0) AS ack_seconds,
				  count(resolved_at) AS resolved,
				  coalesce(sum(extract(epoch FROM resolved_at - declared_at)), 0) AS resolve_seconds,
				  count(*) FILTER (WHERE acknowledged_at IS NOT NULL OR ack_due_at <= :now) AS ack_measured,
				  count(*) FILTER (WHERE acknowledged_at <= ack_due_at) AS ack_within,
				  count(*) FILTER (WHERE resolved_at IS NOT NULL OR resolve_due_at <= :now) AS resolve_measured,
				  count(*) FILTER (WHERE resolved_at <= resolve_due_at) AS resolve_within
				FROM incident_incidents
				WHERE declared_at >= :from AND declared_at < :to
				GROUP BY severity, service_id""")
			.param("from", Sql.ts(from))
			.param("to", Sql.ts(to))
			.param("now", Sql.ts(clock.instant()))
			.query((rs, n) -> new Row(rs.getString("severity"), Sql.uuid(rs, "service_id"),
					new Tally(rs.getLong("incidents"), rs.getLong("acknowledged"), rs.getDouble("ack_seconds"),
							rs.getLong("resolved"), rs.getDouble("resolve_seconds"), rs.getLong("ack_measured"),
							rs.getLong("ack_within"), rs.getLong("resolve_measured"), rs.getLong("resolve_within"))))
			.list();
	}

}
