package dev.watchkeeper.peers;

import java.time.Duration;
import java.util.concurrent.Callable;

/**
 * Polls for a result with a bound in time; fails with what was awaited and the peer's
 * log.
 */
final class Eventually {

	private Eventually() {
	}

	/**
	 * The first non-null result of {@code probe}, polled every 250 ms until
	 * {@code limit}.
	 */
	static <T> T get(String what, Duration limit, PeerProcess peer, Callable<T> probe) throws Exception {
		long deadline = System.nanoTime() + limit.toNanos();
		while (true) {
			T result = probe.call();
			if (result != null) {
				return result;
			}
			if (System.nanoTime() > deadline) {
				throw new AssertionError(
						"Waited " + limit.toSeconds() + " s for " + what + "; " + peer + " logged:\n" + peer.output());
			}
			Thread.sleep(250);
		}
	}

}
