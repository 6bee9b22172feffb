package dev.watchkeeper.identity;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import dev.watchkeeper.platform.AuditableEvent;
import dev.watchkeeper.platform.DomainException;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Bearer tokens for scripts and integrations. Secrets are random, shown once, stored as
 * SHA-256 hashes and scoped to a role no higher than their creator's. What a secret
 * stands for is read from the database at most once per {@link RecentCredentials#TTL} per
 * node; a token revoked on this node stops working here at once, one revoked on another
 * node within that TTL.
 */
@Service
public class ApiTokens {

	static final String SECRET_PREFIX = "wk_";

	static final Duration SESSION_LIFETIME = Duration.ofHours(12);

	private static final SecureRandom RANDOM = new SecureRandom();

	private final TokenStore store;

	private final CredentialChanges changes;

	private final RecentCredentials<TokenStore.Bearer> recent;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	ApiTokens(TokenStore store, CredentialChanges changes, ApplicationEventPublisher events, Clock clock) {
		this.store = store;
		this.changes = changes;
		this.recent = new RecentCredentials<>(changes);
		this.events = events;
		this.clock = clock;
	}

	@Transactional
	public ApiToken.Created create(SignedIn creator, String name, Role role, Instant expiresAt) {
		if (name == null || name.isBlank() || name.length() > 100) {
			throw DomainException.invalid("name", "must be 1 to 100 characters");
		}
		Role scope = role == null ? creator.effectiveRole() : role;
		if (!creator.effectiveRole().atLeast(scope)) {
			throw DomainException.invalid("role",
					"must not be higher than your own role (" + creator.effectiveRole().value() + ")");
		}
		if (expiresAt != null && !expiresAt.isAfter(clock.instant())) {
			throw DomainException.invalid("expiresAt", "must be in the future");
		}
		return issue(creator.userId(), name.trim(), scope, expiresAt, "api", newSecret());
	}

	/** The operator-supplied automation token of {@code WATCHKEEPER_ADMIN_TOKEN}. */
	@Transactional
	ApiToken.Created createWithSecret(UserId owner, String name, Role role, String secret) {
		return issue(owner, name, role, null, "api", secret);
	}

	/** A short-lived token for a script that signed in with email and password. */
	@Transactional
	ApiToken.Created createSession(UserId owner, Role role) {
		return issue(owner, "session", role, clock.instant().plus(SESSION_LIFETIME), "session", newSecret());
	}

	private ApiToken.Created issue(UserId owner, String name, Role role, Instant expiresAt, String kind,
			String secret) {
		var token = new ApiToken(UUID.randomUUID(), owner, name, secret.substring(0, Math.min(10, secret.length())),
				role, clock.instant(), expiresAt, null, null);
		store.insert(token, kind, hash(secret));
		if ("api".equals(kind)) {
			events.publishEvent(new ApiTokenCreated(token));
		}
		return new ApiToken.Created(token, secret);
	}

	/** Tokens of one user, or of everyone for an admin asking with {@code all}. */
	public List<ApiToken> list(SignedIn viewer, boolean all) {
		return store.listApi(all && viewer.effectiveRole() == Role.ADMIN ? null : viewer.userId());
	}

	@Transactional
	public void revoke(SignedIn actor, UUID id) {
		ApiToken token = store.find(id).orElseThrow(() -> DomainException.notFound("API token", id));
		if (!token.userId().equals(actor.userId()) && actor.effectiveRole() != Role.ADMIN) {
			throw DomainException.notFound("API token", id);
		}
		if (store.revoke(id, clock.instant())) {
			changes.changed();
			events.publishEvent(new ApiTokenRevoked(token));
		}
	}

	/**
	 * The principal a bearer secret stands for, if it is valid now: one indexed read per
	 * token and {@link RecentCredentials#TTL} (and a write at most once a minute per
	 * token). Expiry and a disabled owner are judged on every request against the clock.
	 */
	public Optional<SignedIn> authenticate(String secret) {
		if (secret == null || secret.isBlank() || secret.length() > 512) {
			return Optional.empty();
		}
		String hash = hash(secret);
		Instant now = clock.instant();
		return recent.get(hash, now, store::findBearer).filter(found -> found.activeAt(now)).map(found -> {
			if (found.touchDueAt(now)) {
				store.touch(found.tokenId(), now);
				// remembered, so the next requests within the TTL do not write again
				recent.update(hash, found, found.usedAt(now));
			}
			Role effective = found.userRole().atLeast(found.tokenRole()) ? found.tokenRole() : found.userRole();
			boolean session = "session".equals(found.kind());
			return new SignedIn(found.userId(), found.email(), found.userName(), found.userRole(), effective,
					session && effective == Role.ADMIN, found.tokenId(), session ? "session" : found.tokenName());
		});
	}

	static String newSecret() {
		byte[] bytes = new byte[32];
		RANDOM.nextBytes(bytes);
		return SECRET_PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
	}

	static String hash(String secret) {
		try {
			byte[] digest = MessageDigest.getInstance("SHA-256").digest(secret.getBytes(StandardCharsets.UTF_8));
			return HexFormat.of().formatHex(digest);
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

	public record ApiTokenCreated(ApiToken token) implements AuditableEvent {

		public String action() {
			return "api_token.created";
		}

		public String targetType() {
			return "api_token";
		}

		public String targetId() {
			return token.id().toString();
		}

		public String summary() {
			return "Created API token '" + token.name() + "' with role " + token.role().value();
		}

		public Map<String, Object> after() {
			return Map.of("name", token.name(), "role", token.role().value(), "owner", token.userId().toString(),
					"prefix", token.prefix());
		}

	}

	public record ApiTokenRevoked(ApiToken token) implements AuditableEvent {

		public String action() {
			return "api_token.revoked";
		}

		public String targetType() {
			return "api_token";
		}

		public String targetId() {
			return token.id().toString();
		}

		public String summary() {
			return "Revoked API token '" + token.name() + "'";
		}

		public Map<String, Object> before() {
			return Map.of("name", token.name(), "role", token.role().value(), "owner", token.userId().toString());
		}

	}

}
