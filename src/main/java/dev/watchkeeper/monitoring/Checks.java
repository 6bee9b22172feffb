package dev.watchkeeper.monitoring;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import dev.watchkeeper.catalog.Service;
import dev.watchkeeper.catalog.ServiceId;
import dev.watchkeeper.catalog.Services;
import dev.watchkeeper.platform.DomainException;
import dev.watchkeeper.platform.PageQuery;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** Checks of catalog services: create, change, delete, find and list them. */
@Component
public class Checks {

	private final CheckStore store;

	private final Services services;

	private final MonitoringSettings settings;

	private final ApplicationEventPublisher events;

	private final HeartbeatDeadlines deadlines;

	private final CheckOutcomes outcomes;

	private final Clock clock;

	Checks(CheckStore store, Services services, MonitoringSettings settings, ApplicationEventPublisher events,
			HeartbeatDeadlines deadlines, CheckOutcomes outcomes, Clock clock) {
		this.outcomes = outcomes;
		this.store = store;
		this.services = services;
		this.settings = settings;
		this.events = events;
		this.deadlines = deadlines;
		this.clock = clock;
	}

	@Transactional
	public Check create(CheckDraft draft) {
		CheckDraft valid = validate(draft);
		Service service = service(valid.service());
		Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
		UUID id = UUID.randomUUID();
		Check check = build(id, valid, service, valid.kind().equals("heartbeat") ? UUID.randomUUID() : null, now, now,
				null);
		try {
			store.insert(check, firstRun(check, now));
		}
		catch (DuplicateKeyException ex) {
			throw nameTaken(check);
		}
		events.publishEvent(new CheckChanged("check.created", null, check));
		return store.find(id).orElseThrow();
	}

	@Transactional
	public Check update(UUID id, CheckDraft draft) {
		Check before = get(id);
		CheckDraft valid = validate(draft);
		if (!valid.kind().equals(before.kind().value())) {
			throw DomainException.invalid("kind", "cannot change (" + before.kind().value() + "); create a new check");
		}
		Service service = service(valid.service());
		Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
		Check check = build(id, valid, service, before.pingKey(), before.createdAt(), now, before.state());
		if (before.enabled() && !check.enabled()) {
			outcomes.withdraw(id, now, "the check was paused");
		}
		try {
			store.update(check, firstRun(check, now));
		}
		catch (DuplicateKeyException ex) {
			throw nameTaken(check);
		}
		if (check.kind() == CheckKind.HEARTBEAT && !check.enabled()) {
			deadlines.cancel(id);
		}
		events.publishEvent(new CheckChanged("check.updated", before, check));
		return store.find(id).orElseThrow();
	}

	@Transactional
	public void delete(UUID id) {
		Check before = get(id);
		outcomes.withdraw(id, clock.instant().truncatedTo(ChronoUnit.MICROS), "the check was deleted");
		store.delete(id);
		if (before.kind() == CheckKind.HEARTBEAT) {
			deadlines.cancel(id);
		}
		events.publishEvent(new CheckChanged("check.deleted", before, null));
	}

	public Check get(UUID id) {
		return find(id).orElseThrow(() -> DomainException.notFound("Check", id));
	}

	public Optional<Check> find(UUID id) {
		return store.find(id);
	}

	/**
	 * One page of checks, by name.
	 * @param service a service slug or id; null for all
	 * @param kind http, tcp, tls or heartbeat; null for all
	 * @param status pending, up or down; null for all
	 */
	public PageQuery.Page<Check> list(String service, String kind, String status, PageQuery page) {
		UUID serviceId = service == null ? null : resolve(service).map(s -> s.id().value()).orElse(new UUID(0, 0));
		return store.list(serviceId, kind, status, page);
	}

	/** The slug of the service a check belongs to, or its id if the service is gone. */
	public String serviceSlug(Check check) {
		return services.find(new ServiceId(check.serviceId())).map(Service::slug).orElse(check.serviceId().toString());
	}

	private CheckDraft validate(CheckDraft draft) {
		Map<String, String> errors = CheckRules.check(draft, settings);
		if (errors.isEmpty()) {
			Optional<Service> service = resolve(draft.service());
			if (service.isEmpty()) {
				errors.put("service", "no service " + draft.service());
			}
			else if (service.get().environment(draft.environment()).isEmpty()) {
				errors.put("environment",
						"service " + service.get().slug() + " has no environment " + draft.environment() + " (it has "
								+ service.get().environments().stream().map(Service.Environment::name).toList() + ")");
			}
		}
		if (!errors.isEmpty()) {
			throw DomainException.invalid(errors);
		}
		return CheckRules.withDefaults(draft, settings);
	}

	private Service service(String slugOrId) {
		return resolve(slugOrId).orElseThrow(() -> DomainException.invalid("service", "no service " + slugOrId));
	}

	private Optional<Service> resolve(String slugOrId) {
		try {
			return services.find(new ServiceId(UUID.fromString(slugOrId)));
		}
		catch (IllegalArgumentException ex) {
			return services.findBySlug(slugOrId);
		}
	}

	private static Check build(UUID id, CheckDraft draft, Service service, UUID pingKey, Instant created,
			Instant updated, CheckState state) {
		return new Check(id, draft.name(), CheckKind.parse(draft.kind()).orElseThrow(), service.id().value(),
				draft.environment(), draft.intervalSeconds(), draft.timeoutMs(), draft.failureThreshold(),
				draft.successThreshold(), draft.severity(), draft.runbookUrl(), draft.enabled(), pingKey, draft.http(),
				draft.tcp(), draft.tls(), draft.heartbeat(),
				state != null ? state
						: new CheckState("pending", 0, 0, null, null, null, null, null, null, null, null, null),
				created, updated);
	}

	/**
	 * The first run at or after {@code now} on the check's own slot of the interval (a
	 * hash of its id), so checks with the same interval are spread over it, and a check
	 * keeps its slot across restarts and changes.
	 */
	static Instant firstRun(Check check, Instant now) {
		if (!check.kind().probe()) {
			return null;
		}
		long interval = check.intervalSeconds() * 1000L;
		long slot = Math.floorMod(check.id().getMostSignificantBits() ^ check.id().getLeastSignificantBits(), interval);
		long at = now.toEpochMilli();
		long next = at - Math.floorMod(at, interval) + slot;
		if (next < at) {
			next += interval;
		}
		return Instant.ofEpochMilli(next);
	}

	private static DomainException nameTaken(Check check) {
		return DomainException.conflict("check-name-taken",
				"A check named " + check.name() + " already exists for this service and environment");
	}

}
