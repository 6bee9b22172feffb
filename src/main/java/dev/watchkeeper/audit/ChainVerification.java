package dev.watchkeeper.audit;

import java.time.Instant;

/**
 * The result of walking the hash chain.
 *
 * @param intact whether every entry's hash and link are right
 * @param entries how many entries were checked
 * @param lastHash the newest hash, to anchor outside Watchkeeper
 * @param brokenAt the first entry that does not fit, if any
 */
public record ChainVerification(boolean intact, long entries, String lastHash, Break brokenAt) {

	/**
	 * Where and why the chain breaks.
	 *
	 * @param id the entry
	 * @param occurredAt its time
	 * @param reason what does not fit
	 */
	public record Break(long id, Instant occurredAt, String reason) {
	}

}
