package dev.watchkeeper.identity;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import org.junit.jupiter.api.Test;

import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionSynchronizationUtils;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What a node remembers of bearer secrets: for two seconds at most, never an unknown one,
 * and never past a change to what it read.
 */
class RecentCredentialsTests {

	private static final Instant START = Instant.parse("2026-11-24T12:00:00Z");

	private final CredentialChanges changes = new CredentialChanges();

	private final RecentCredentials<String> recent = new RecentCredentials<>(changes);

	/** The "database": hash to row. */
	private final Map<String, String> rows = new ConcurrentHashMap<>(Map.of("hash-a", "row-a"));

	private final List<String> reads = new ArrayList<>();

	private Optional<String> read(String hash) {
		reads.add(hash);
		return Optional.ofNullable(rows.get(hash));
	}

	private Optional<String> get(String hash, Instant at) {
		return recent.get(hash, at, this::read);
	}

	@Test
	void aSecretUsedAgainWithinTwoSecondsIsNotReadAgain() {
		assertThat(get("hash-a", START)).hasValue("row-a");
		assertThat(get("hash-a", START.plusMillis(1999))).hasValue("row-a");
		assertThat(reads).containsExactly("hash-a");
		assertThat(get("hash-a", START.plus(RecentCredentials.TTL))).hasValue("row-a");
		assertThat(reads).as("read again once two seconds have passed").hasSize(2);
	}

	@Test
	void anUnknownSecretIsNotRememberedSoATokenCreatedAfterwardsWorksAtOnce() {
		assertThat(get("hash-new", START)).isEmpty();
		rows.put("hash-new", "row-new");
		assertThat(get("hash-new", START.plusMillis(1))).hasValue("row-new");
	}

	@Test
	void aChangeOnThisNodeMakesTheNextUseReadAgain() {
		get("hash-a", START);
		rows.remove("hash-a");
		changes.changed();
		assertThat(get("hash-a", START.plusMillis(1))).isEmpty();
	}

	@Test
	void aRowReadWhileAChangeWasOpenIsNotTrustedOnceTheChangeCommits() {
		TransactionSynchronizationManager.initSynchronization();
		try {
			changes.changed();
			// another request reads before the commit and still sees the row
			assertThat(get("hash-a", START)).hasValue("row-a");
			rows.remove("hash-a");
			TransactionSynchronizationUtils.invokeAfterCommit(TransactionSynchronizationManager.getSynchronizations());
		}
		finally {
			TransactionSynchronizationManager.clearSynchronization();
		}
		assertThat(get("hash-a", START.plusMillis(1))).as("gone as soon as the change has committed").isEmpty();
	}

	@Test
	void aChangeCommittedDuringAReadIsNotHiddenByThatRead() {
		RecentCredentials<String> racing = new RecentCredentials<>(changes);
		racing.get("hash-a", START, hash -> {
			// the change commits after this read has seen the old row
			changes.changed();
			return Optional.of("row-a");
		});
		rows.remove("hash-a");
		assertThat(racing.get("hash-a", START.plusMillis(1), this::read)).isEmpty();
	}

	@Test
	void anEntryReadLaterThanNowIsNotTrusted() {
		get("hash-a", START);
		get("hash-a", START.minus(Duration.ofSeconds(1)));
		assertThat(reads).as("a clock set back reads again").hasSize(2);
	}

	@Test
	void aFullMemoryIsEmptiedAndFilledAgainFromTheDatabase() {
		for (int i = 0; i < RecentCredentials.MAX_ENTRIES; i++) {
			rows.put("hash-" + i, "row-" + i);
			get("hash-" + i, START);
		}
		assertThat(get("hash-0", START)).hasValue("row-0");
		assertThat(reads).as("all remembered up to the limit").hasSize(RecentCredentials.MAX_ENTRIES);
		get("hash-a", START);
		get("hash-0", START);
		assertThat(reads).as("one more empties the memory").hasSize(RecentCredentials.MAX_ENTRIES + 2);
	}

	@Test
	void anUpdateDoesNotOverwriteANewerRead() {
		String first = get("hash-a", START).orElseThrow();
		rows.put("hash-a", "row-a changed");
		changes.changed();
		String second = get("hash-a", START.plusMillis(1)).orElseThrow();
		recent.update("hash-a", first, "row-a used");
		assertThat(get("hash-a", START.plusMillis(2))).hasValue("row-a changed");
		recent.update("hash-a", second, "row-a changed and used");
		assertThat(get("hash-a", START.plusMillis(3))).hasValue("row-a changed and used");
		assertThat(reads).hasSize(2);
	}

}
