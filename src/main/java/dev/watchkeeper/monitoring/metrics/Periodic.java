package dev.watchkeeper.monitoring.metrics;

import java.time.Duration;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;

import org.slf4j.Logger;

/**
 * Work that repeats on a virtual thread: at a fixed interval measured start to start (a
 * slow run does not push the next one back; runs missed while one overran are skipped,
 * not caught up), or as a refresh every so often. The thread parks between runs, so
 * {@link LockSupport#unpark} after clearing the condition ends it promptly. A failing run
 * is logged and the next one runs on time.
 */
public final class Periodic {

	private Periodic() {
	}

	/**
	 * Runs {@code work} at {@code offset + k * interval} (nanoTime) from now for as long
	 * as {@code keepGoing} holds; returns when it no longer does.
	 */
	public static void atFixedRate(Duration interval, long offsetNanos, BooleanSupplier keepGoing, Runnable work,
			Logger log, String what) {
		long period = interval.toNanos();
		long next = System.nanoTime() + Math.floorMod(offsetNanos, period);
		while (keepGoing.getAsBoolean()) {
			long wait = next - System.nanoTime();
			if (wait > 0) {
				LockSupport.parkNanos(wait);
				continue;
			}
			try {
				work.run();
			}
			catch (RuntimeException ex) {
				log.warn("{} failed", what, ex);
			}
			next += period;
			long late = System.nanoTime() - next;
			if (late >= 0) {
				next += (late / period + 1) * period;
			}
		}
	}

	/**
	 * Starts a virtual thread named {@code name} that runs {@code work} every
	 * {@code interval} (after the first wait) while {@code keepGoing} holds.
	 */
	public static Thread refresher(String name, Duration interval, BooleanSupplier keepGoing, Runnable work, Logger log,
			String what) {
		return Thread.ofVirtual().name(name).start(() -> {
			while (keepGoing.getAsBoolean()) {
				LockSupport.parkNanos(interval.toNanos());
				if (!keepGoing.getAsBoolean()) {
					break;
				}
				try {
					work.run();
				}
				catch (RuntimeException ex) {
					log.warn("{} failed", what, ex);
				}
			}
		});
	}

}
