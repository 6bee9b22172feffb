package dev.watchkeeper.platform;

import java.time.Duration;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Wakes a background loop of this node (a dispatcher, a delivery worker) as soon as a
 * transaction that gave it work commits, so the work starts within milliseconds instead
 * of at the loop's next poll. Other nodes find the work at their next poll; the poll is
 * what makes the loop correct, the signal only makes it fast. Wake-ups while the loop is
 * busy collapse into one.
 */
public class WakeUpSignal {

	private final Semaphore permits = new Semaphore(0);

	/** Wakes the loop after the current transaction commits (at once without one). */
	public void wakeAfterCommit() {
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

	public void wake() {
		if (permits.availablePermits() == 0) {
			permits.release();
		}
	}

	/**
	 * Waits until woken or until {@code timeout} passes; true when woken. A wake-up that
	 * comes while the loop works is kept for this call, so none is lost.
	 */
	public boolean await(Duration timeout) throws InterruptedException {
		if (permits.tryAcquire(Math.max(1, timeout.toMillis()), TimeUnit.MILLISECONDS)) {
			permits.drainPermits();
			return true;
		}
		return false;
	}

}
