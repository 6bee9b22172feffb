package dev.watchkeeper.identity;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * What bearer secrets stood for when this node last read them, by the SHA-256 hash of the
 * secret (never the secret), so that a client sending the same secret again and again
 * does not cost a database round trip per request. An entry is trusted for at most
 * {@link #TTL} and only until the next {@link CredentialChanges change} on this node.
 * Unknown secrets are not remembered: a new token works at once, and guessing cannot fill
 * the memory. Callers still judge expiry and disabled owners on every request, from the
 * remembered row.
 *
 * @param <V> what a lookup returns
 */
final class RecentCredentials<V> {

	/**
	 * How long a node trusts what it read. A change on this node counts at once; a change
	 * made on another node reaches this one only when the entry runs out, so a token or
	 * key revoked elsewhere still works here for up to this long.
	 */
	static final Duration TTL = Duration.ofSeconds(2);

	/**
	 * More secrets than this in use within one TTL empties the memory, which then fills
	 * again from the database; far above what one installation's clients use.
	 */
	static final int MAX_ENTRIES = 10_000;

	private final Map<String, Entry<V>> byHash = new ConcurrentHashMap<>();

	private final CredentialChanges changes;

	RecentCredentials(CredentialChanges changes) {
		this.changes = changes;
	}

	private record Entry<V>(V value, Instant readAt, long changeCount) {

		boolean trustedAt(Instant now, long currentChangeCount) {
			return changeCount == currentChangeCount && !now.isBefore(readAt) && now.isBefore(readAt.plus(TTL));
		}

	}

	/** What the hash stands for: remembered, or else read with {@code lookup}. */
	Optional<V> get(String hash, Instant now, Function<String, Optional<V>> lookup) {
		long changeCount = changes.current();
		Entry<V> entry = byHash.get(hash);
		if (entry != null && entry.trustedAt(now, changeCount)) {
			return Optional.of(entry.value());
		}
		Optional<V> found = lookup.apply(hash);
		if (found.isEmpty()) {
			byHash.remove(hash);
			return found;
		}
		if (byHash.size() >= MAX_ENTRIES) {
			byHash.clear();
		}
		byHash.put(hash, new Entry<>(found.get(), now, changeCount));
		return found;
	}

	/**
	 * Replaces what is remembered for the hash with {@code after}, keeping when it was
	 * read, but only if it is still {@code before}: a newer read must not be overwritten
	 * by an older one.
	 */
	void update(String hash, V before, V after) {
		byHash.computeIfPresent(hash, (key, entry) -> entry.value() == before
				? new Entry<>(after, entry.readAt(), entry.changeCount()) : entry);
	}

}
