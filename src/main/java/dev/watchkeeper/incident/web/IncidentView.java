package dev.watchkeeper.incident.web;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

import dev.watchkeeper.incident.Incident;
import dev.watchkeeper.incident.IncidentRole;
import io.swagger.v3.oas.annotations.media.Schema;

/**
 * An incident as the API shows it.
 *
 * @param id the id
 * @param number the number ("INC-42" is number 42)
 * @param reference "INC-42"
 * @param title what is wrong
 * @param summary more detail
 * @param severity SEV-1 … SEV-4
 * @param service the affected service, if any
 * @param status triggered, acknowledged, investigating, identified, monitoring, resolved
 * or closed
 * @param channel the incident channel name
 * @param declaredAt when declared
 * @param declaredBy who declared it
 * @param acknowledgedAt when acknowledged
 * @param acknowledgedBy who acknowledged it
 * @param acknowledgeDueAt the acknowledgement target
 * @param acknowledgeBreachedAt when that target passed unmet
 * @param resolveDueAt the resolution target
 * @param resolveBreachedAt when that target passed unmet
 * @param resolvedAt when resolved
 * @param closedAt when closed
 * @param roles commander, communications_lead and scribe, each a person or absent
 * @param lastUpdateAt the last status update
 * @param postmortemId its post-mortem, once created
 */
@Schema(example = """
		{"id":"0f8e…","number":42,"reference":"INC-42","title":"Checkout payments fail","summary":"Card payments time out",
		 "severity":"SEV-1","service":{"id":"5b0d…","slug":"checkout","name":"Checkout"},"status":"investigating",
		 "channel":"#incident-2026-11-25-checkout-payments-fail","declaredAt":"2026-11-25T09:00:00Z","declaredBy":"Ana Pop",
		 "acknowledgedAt":"2026-11-25T09:04:00Z","acknowledgedBy":"Ana Pop","acknowledgeDueAt":"2026-11-25T09:15:00Z",
		 "resolveDueAt":"2026-11-25T11:00:00Z","roles":{"commander":{"id":"a1c2…","name":"Ana Pop"}},
		 "lastUpdateAt":"2026-11-25T09:20:00Z"}""")
record IncidentView(UUID id, long number, String reference, String title, String summary, String severity,
		ServiceRef service, String status, String channel, Instant declaredAt, String declaredBy,
		Instant acknowledgedAt, String acknowledgedBy, Instant acknowledgeDueAt, Instant acknowledgeBreachedAt,
		Instant resolveDueAt, Instant resolveBreachedAt, Instant resolvedAt, Instant closedAt,
		Map<String, Person> roles, Instant lastUpdateAt, UUID postmortemId) {

	/**
	 * A catalog service.
	 *
	 * @param id its id
	 * @param slug its slug
	 * @param name its name
	 */
	record ServiceRef(UUID id, String slug, String name) {
	}

	/**
	 * A person.
	 *
	 * @param id the user's id
	 * @param name the user's name
	 */
	record Person(UUID id, String name) {
	}

	static IncidentView of(Incident incident, ServiceRef service, Map<UUID, String> names, UUID postmortemId) {
		Map<String, Person> roles = new LinkedHashMap<>();
		for (IncidentRole role : IncidentRole.values()) {
			UUID holder = incident.holder(role);
			if (holder != null) {
				roles.put(role.value(), new Person(holder, names.getOrDefault(holder, holder.toString())));
			}
		}
		return new IncidentView(incident.id(), incident.number(), incident.reference(), incident.title(),
				incident.summary(), incident.severity(), service, incident.status().value(), incident.channel(),
				incident.declaredAt(), incident.declaredBy(), incident.acknowledgedAt(), incident.acknowledgedBy(),
				incident.ackDueAt(), incident.ackBreachedAt(), incident.resolveDueAt(), incident.resolveBreachedAt(),
				incident.resolvedAt(), incident.closedAt(), roles, incident.lastUpdateAt(), postmortemId);
	}

}
