package dev.watchkeeper.audit;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.TreeMap;

import dev.watchkeeper.platform.Actor;
import dev.watchkeeper.platform.AuditableEvent;
import dev.watchkeeper.platform.RequestOrigin;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Appends an entry for every {@link AuditableEvent}, synchronously and in the publisher's
 * transaction: the change and its record commit or roll back together.
 */
@Component
class AuditRecorder {

	private final AuditStore store;

	private final JsonMapper json;

	private final Clock clock;

	AuditRecorder(AuditStore store, JsonMapper json, Clock clock) {
		this.store = store;
		this.json = json;
		this.clock = clock;
	}

	@EventListener
	@Transactional(propagation = Propagation.MANDATORY)
	void record(AuditableEvent event) {
		Actor actor = event.actor();
		RequestOrigin origin = RequestOrigin.current().orElse(null);
		Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
		String previous = store.lockAndReadLastHash();
		var entry = new AuditEntry(0, now, actor.kind().name().toLowerCase(), actor.id(), actor.name(), actor.userId(),
				event.action(), event.targetType(), event.targetId(), event.summary(), canonicalJson(event.before()),
				canonicalJson(event.after()), origin == null ? null : origin.ipAddress(),
				origin == null ? null : origin.userAgent(), origin == null ? null : origin.requestId(), previous, null);
		String hash = AuditHash.of(previous, entry);
		store.insert(new AuditEntry(0, entry.occurredAt(), entry.actorKind(), entry.actorId(), entry.actorName(),
				entry.actorUserId(), entry.action(), entry.targetType(), entry.targetId(), entry.summary(),
				entry.before(), entry.after(), entry.ipAddress(), entry.userAgent(), entry.requestId(), previous,
				hash));
	}

	private String canonicalJson(Map<String, Object> fields) {
		return json.writeValueAsString(new TreeMap<>(fields == null ? Map.of() : fields));
	}

}
