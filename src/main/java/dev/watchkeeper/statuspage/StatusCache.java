package dev.watchkeeper.statuspage;

import java.time.Clock;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.ReentrantLock;

import dev.watchkeeper.catalog.Components.ComponentChanged;
import dev.watchkeeper.incident.IncidentEvents.IncidentPublicationChanged;
import dev.watchkeeper.incident.IncidentEvents.PublicUpdatePosted;
import dev.watchkeeper.monitoring.CheckChanged;

import org.springframework.stereotype.Component;
import org.springframework.context.event.EventListener;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * The rendered status page, feed and JSON documents, served from memory. A change to
 * components, public incidents or maintenance marks them stale at its commit; the next
 * request rebuilds them once and requests meanwhile wait for that rebuild, so nobody is
 * answered with what was before a change they know of. Without changes they are rebuilt
 * after the cache TTL (so checks' states show up) while other requests keep the previous
 * answer.
 */
@Component
class StatusCache {

	private final StatusBoard board;

	private final StatusRenderer renderer;

	private final StatuspageSettings settings;

	private final Clock clock;

	private final AtomicLong version = new AtomicLong();

	private final ReentrantLock building = new ReentrantLock();

	private volatile Rendered current;

	StatusCache(StatusBoard board, StatusRenderer renderer, StatuspageSettings settings, Clock clock) {
		this.board = board;
		this.renderer = renderer;
		this.settings = settings;
		this.clock = clock;
	}

	/**
	 * @param version the change count it was built at
	 * @param builtAt when it was built
	 * @param documents the snapshot and everything rendered from it
	 */
	record Rendered(long version, Instant builtAt, StatusRenderer.Documents documents) {
	}

	StatusRenderer.Documents current() {
		Rendered rendered = current;
		if (fresh(rendered)) {
			return rendered.documents();
		}
		if (rendered != null && rendered.version() == version.get()) {
			// only the TTL passed: one request rebuilds, the others keep the previous
			// answer
			if (!building.tryLock()) {
				return rendered.documents();
			}
		}
		else {
			// something changed: wait for the rebuild rather than answer with what was
			// before
			building.lock();
		}
		try {
			rendered = current;
			if (fresh(rendered)) {
				return rendered.documents();
			}
			long at = version.get();
			StatusSnapshot snapshot = board.build();
			current = new Rendered(at, clock.instant(), renderer.render(snapshot));
			return current.documents();
		}
		finally {
			building.unlock();
		}
	}

	/** Marks the cached answers stale; the next request rebuilds them. */
	void invalidate() {
		version.incrementAndGet();
	}

	/**
	 * Invalidates once the change is committed (and at once too, so a rebuild that
	 * started inside the transaction is not taken for fresh): a rebuild in between would
	 * read the old state.
	 */
	void invalidateAfterCommit() {
		invalidate();
		if (TransactionSynchronizationManager.isSynchronizationActive()) {
			TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
				@Override
				public void afterCommit() {
					invalidate();
				}
			});
		}
	}

	private boolean fresh(Rendered rendered) {
		return rendered != null && rendered.version() == version.get()
				&& clock.instant().isBefore(rendered.builtAt().plus(settings.cacheTtl()));
	}

	@EventListener
	void on(ComponentChanged event) {
		invalidateAfterCommit();
	}

	@EventListener
	void on(IncidentPublicationChanged event) {
		invalidateAfterCommit();
	}

	@EventListener
	void on(PublicUpdatePosted event) {
		invalidateAfterCommit();
	}

	@EventListener
	void on(CheckChanged event) {
		invalidateAfterCommit();
	}

}
