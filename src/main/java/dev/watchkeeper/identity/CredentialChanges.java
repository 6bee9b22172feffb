package dev.watchkeeper.identity;

import java.util.concurrent.atomic.AtomicLong;

import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Counts the changes to what a bearer secret stands for on this node: a token or key
 * revoked, a user changed, disabled or deleted, a team renamed or deleted.
 * {@link RecentCredentials} trust what they read only while the count stays where it was
 * before they read it, so every such change must call {@link #changed()}.
 */
@Component
class CredentialChanges {

	private final AtomicLong count = new AtomicLong();

	/**
	 * Read before a lookup; what the lookup found is trusted while this stays the same.
	 */
	long current() {
		return count.get();
	}

	/**
	 * Records a change, after its transaction commits when there is one. Counting before
	 * the commit would not do: a request that reads the old row while the change is still
	 * open would keep it for the whole TTL.
	 */
	void changed() {
		if (!TransactionSynchronizationManager.isSynchronizationActive()) {
			count.incrementAndGet();
			return;
		}
		TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
			@Override
			public void afterCommit() {
				count.incrementAndGet();
			}
		});
	}

}
