package dev.watchkeeper.alerting;

import java.time.Duration;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/** Wakes this node's dispatcher at once after a transaction that made a group due. */
@Component
class DispatchSignal {

	private final Semaphore permits = new Semaphore(0);

	/**
	 * Wakes the dispatcher after the current transaction commits (at once without one).
	 */
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

	/** Waits until woken or the timeout passes. */
	void await(Duration timeout) throws InterruptedException {
		if (permits.tryAcquire(Math.max(1, timeout.toMillis()), TimeUnit.MILLISECONDS)) {
			permits.drainPermits();
		}
	}

}
