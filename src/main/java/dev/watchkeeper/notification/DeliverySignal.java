package dev.watchkeeper.notification;

import java.time.Duration;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Wakes the delivery workers of this node as soon as a transaction that enqueued a
 * delivery commits, so a notice leaves within milliseconds instead of at the next poll.
 * Other nodes find it at their next poll.
 */
@Component
class DeliverySignal {

	private final Semaphore permits = new Semaphore(0);

	/** Wakes the workers after the current transaction commits, or now without one. */
	void wakeAfterCommit() {
		if (TransactionSynchronizationManager.isSynchronizationActive()) {
			TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
				@Override
				public void afterCommit() {
					wake();
				}
			});
		}
		else {
			wake();
		}
	}

	void wake() {
		if (permits.availablePermits() == 0) {
			permits.release();
		}
	}

	/** Waits until woken or until {@code timeout} passes; true when woken. */
	boolean await(Duration timeout) throws InterruptedException {
		boolean woken = permits.tryAcquire(timeout.toMillis(), TimeUnit.MILLISECONDS);
		permits.drainPermits();
		return woken;
	}

}
