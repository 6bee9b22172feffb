package dev.watchkeeper.audit;

import java.util.List;

import dev.watchkeeper.platform.PageQuery;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Reads the audit trail and checks that nobody has altered it. */
@Service
public class AuditLog {

	static final int VERIFY_BATCH = 1_000;

	private final AuditStore store;

	AuditLog(AuditStore store) {
		this.store = store;
	}

	/** Newest first. */
	public PageQuery.Page<AuditEntry> list(AuditFilter filter, PageQuery page) {
		return store.list(filter, page);
	}

	/**
	 * Recomputes every entry's hash in chain order and checks that each links to the one
	 * before. Deleting the newest entries cannot be seen from inside the chain: compare
	 * {@code lastHash} with a copy kept elsewhere.
	 */
	@Transactional(readOnly = true)
	public ChainVerification verify() {
		String previous = AuditHash.GENESIS;
		long checked = 0;
		long after = 0;
		List<AuditEntry> batch;
		while (!(batch = store.batchAfter(after, VERIFY_BATCH)).isEmpty()) {
			for (AuditEntry entry : batch) {
				if (!entry.previousHash().equals(previous)) {
					return broken(checked, previous, entry,
							"previous-hash mismatch: an entry before it was removed or altered");
				}
				if (!AuditHash.of(previous, entry).equals(entry.hash())) {
					return broken(checked, previous, entry, "hash mismatch: the entry was altered");
				}
				previous = entry.hash();
				checked++;
				after = entry.id();
			}
		}
		return new ChainVerification(true, checked, previous, null);
	}

	private static ChainVerification broken(long checked, String lastGood, AuditEntry entry, String reason) {
		return new ChainVerification(false, checked, lastGood,
				new ChainVerification.Break(entry.id(), entry.occurredAt(), reason));
	}

}
