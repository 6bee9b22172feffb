package dev.watchkeeper.identity;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import dev.watchkeeper.platform.AuditableEvent;
import dev.watchkeeper.platform.DomainException;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Integration keys: bearer secrets for alert senders, bound to a catalog service or a
 * team, accepted only on the intake endpoints. Secrets are random, shown once and stored
 * as SHA-256 hashes. A valid key is remembered for at most {@link RecentCredentials#TTL}
 * so that intake does not query for it on every request; revoking it (or renaming or
 * deleting its team) makes this node read it again once the change commits, so on this
 * node a revoked key stops working at once and on other nodes within that TTL.
 */
@Service
public class IntegrationKeys {

	/** Every integration key starts with this, which tells it from an API token. */
	public static final String SECRET_PREFIX = "wki_";

	private static final Duration TOUCH_INTERVAL = Duration.ofMinutes(1);

	private static final SecureRandom RANDOM = new SecureRandom();

	private final IntegrationKeyStore store;

	private final Teams teams;

	private final ServiceDirectory services;

	private final CredentialChanges changes;

	private final RecentCredentials<IntegrationSender> recent;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	private final Map<UUID, Instant> touched = new ConcurrentHashMap<>();

	IntegrationKeys(IntegrationKeyStore store, Teams teams, ServiceDirectory services, CredentialChanges changes,
			ApplicationEventPublisher events, Clock clock) {
		this.store = store;
		this.teams = teams;
		this.services = services;
		this.changes = changes;
		this.recent = new RecentCredentials<>(changes);
		this.events = events;
		this.clock = clock;
	}

	/**
	 * Creates a key bound to exactly one of a service (by slug) or a team (by slug).
	 * @throws DomainException invalid naming the field; forbidden below manager
	 */
	@Transactional
	public IntegrationKey.Created create(SignedIn creator, String name, String serviceSlug, String teamSlug) {
		if (!creator.effectiveRole().atLeast(Role.MANAGER)) {
			throw DomainException.forbidden("Creating integration keys needs the manager role");
		}
		Map<String, String> errors = new LinkedHashMap<>();
		if (name == null || name.isBlank() || name.length() > 100) {
			errors.put("name", "must be 1 to 100 characters");
		}
		boolean byService = serviceSlug != null && !serviceSlug.isBlank();
		boolean byTeam = teamSlug != null && !teamSlug.isBlank();
		if (byService == byTeam) {
			errors.put(byService ? "team" : "service", "give exactly one of service or team");
		}
		Optional<ServiceDirectory.Entry> service = byService ? services.bySlug(serviceSlug.trim()) : Optional.empty();
		Optional<Team> team = byTeam ? teams.findBySlug(teamSlug.trim()) : Optional.empty();
		if (byService && service.isEmpty()) {
			errors.put("service", "no service with slug " + serviceSlug.trim());
		}
		if (byTeam && team.isEmpty()) {
			errors.put("team", "no team with slug " + teamSlug.trim());
		}
		if (!errors.isEmpty()) {
			throw DomainException.invalid(errors);
		}
		String secret = newSecret();
		var key = new IntegrationKey(UUID.randomUUID(), name.trim(), secret.substring(0, 11),
				service.map(ServiceDirectory.Entry::id).orElse(null),
				service.map(ServiceDirectory.Entry::slug).orElse(null), team.map(Team::id).orElse(null),
				team.map(Team::slug).orElse(null), creator.userId(), clock.instant().truncatedTo(ChronoUnit.MICROS),
				null, null);
		store.insert(key, ApiTokens.hash(secret));
		events.publishEvent(new IntegrationKeyCreated(key));
		return new IntegrationKey.Created(key, secret);
	}

	/** All keys, active first; each with the current slug of its service. */
	public List<IntegrationKey> list() {
		return store.list().stream().map(this::withCurrentServiceSlug).toList();
	}

	@Transactional
	public void revoke(SignedIn actor, UUID id) {
		if (!actor.effectiveRole().atLeast(Role.MANAGER)) {
			throw DomainException.forbidden("Revoking integration keys needs the manager role");
		}
		IntegrationKey key = store.find(id).orElseThrow(() -> DomainException.notFound("Integration key", id));
		if (store.revoke(id, clock.instant())) {
			changes.changed();
			events.publishEvent(new IntegrationKeyRevoked(key));
		}
	}

	/** Whether a bearer secret has the form of an integration key. */
	public static boolean looksLikeKey(String secret) {
		return secret != null && secret.startsWith(SECRET_PREFIX);
	}

	/**
	 * The sender a key stands for, if it exists and is not revoked: read from the
	 * database at most once per key and {@link RecentCredentials#TTL}.
	 */
	public Optional<IntegrationSender> authenticate(String secret) {
		if (!looksLikeKey(secret) || secret.length() > 512) {
			return Optional.empty();
		}
		return recent.get(ApiTokens.hash(secret), clock.instant(), this::read);
	}

	private Optional<IntegrationSender> read(String hash) {
		Optional<IntegrationSender> sender = store.findByHash(hash)
			.filter(IntegrationKey::active)
			.map(key -> sender(withCurrentServiceSlug(key)));
		sender.ifPresent(found -> touch(found.keyId()));
		return sender;
	}

	private void touch(UUID id) {
		Instant at = clock.instant();
		Instant last = touched.get(id);
		if (last == null || last.plus(TOUCH_INTERVAL).isBefore(at)) {
			touched.put(id, at);
			store.touch(id, at);
		}
	}

	private IntegrationKey withCurrentServiceSlug(IntegrationKey key) {
		if (key.serviceId() == null) {
			return key;
		}
		String slug = services.byId(key.serviceId()).map(ServiceDirectory.Entry::slug).orElse(key.serviceSlug());
		return new IntegrationKey(key.id(), key.name(), key.prefix(), key.serviceId(), slug, key.teamId(),
				key.teamSlug(), key.createdBy(), key.createdAt(), key.lastUsedAt(), key.revokedAt());
	}

	private static IntegrationSender sender(IntegrationKey key) {
		Map<String, String> labels = key.serviceId() != null ? Map.of("service", key.serviceSlug())
				: Map.of("team", key.teamSlug());
		return new IntegrationSender(key.id(), key.name(), labels);
	}

	static String newSecret() {
		byte[] bytes = new byte[32];
		RANDOM.nextBytes(bytes);
		return SECRET_PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
	}

	public record IntegrationKeyCreated(IntegrationKey key) implements AuditableEvent {

		public String action() {
			return "integration_key.created";
		}

		public String targetType() {
			return "integration_key";
		}

		public String targetId() {
			return key.id().toString();
		}

		public String summary() {
			return "Created integration key '" + key.name() + "' for " + key.boundTo();
		}

		public Map<String, Object> after() {
			return Map.of("name", key.name(), "boundTo", key.boundTo(), "prefix", key.prefix());
		}

	}

	public record IntegrationKeyRevoked(IntegrationKey key) implements AuditableEvent {

		public String action() {
			return "integration_key.revoked";
		}

		public String targetType() {
			return "integration_key";
		}

		public String targetId() {
			return key.id().toString();
		}

		public String summary() {
			return "Revoked integration key '" + key.name() + "' for " + key.boundTo();
		}

		public Map<String, Object> before() {
			return Map.of("name", key.name(), "boundTo", key.boundTo(), "prefix", key.prefix());
		}

	}

}
