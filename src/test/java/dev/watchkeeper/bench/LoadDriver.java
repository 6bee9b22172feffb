package dev.watchkeeper.bench;

import java.io.IOException;
import java.time.Duration;
import java.util.Arrays;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;

/**
 * An open-model HTTP load driver: requests are scheduled at a constant rate whatever the
 * server does, and each latency is measured from the time its request was scheduled to be
 * sent, so a slow server cannot hide its queueing by slowing the driver down (coordinated
 * omission). It sends only to this machine's loopback address, for a bounded time.
 *
 * <pre>
 * java -cp target/bench-classes dev.watchkeeper.bench.LoadDriver \
 *     --url http://127.0.0.1:8000/api/v1/services --token wk_… \
 *     --rate 200 --duration 60 --warmup 10 --concurrency 64
 * </pre>
 *
 * Uses only the JDK, so {@code javac} alone builds it (see {@code bench/lib.sh}).
 */
public final class LoadDriver {

	private final LoadSettings settings;

	private final LoopbackHttp http;

	private final RequestBodies bodies;

	private final AtomicLong sequence = new AtomicLong();

	LoadDriver(LoadSettings settings, RequestBodies bodies) {
		this.settings = settings;
		this.bodies = bodies;
		this.http = new LoopbackHttp(settings.url(), settings.token(), settings.timeoutSeconds() * 1000);
	}

	public static void main(String[] args) throws Exception {
		LoadSettings settings;
		try {
			settings = LoadSettings.parse(args);
		}
		catch (IllegalArgumentException ex) {
			System.err.println(ex.getMessage());
			System.err.println(LoadSettings.USAGE);
			System.exit(2);
			return;
		}
		RequestBodies bodies = settings.bodyFile() == null ? null : RequestBodies.read(settings.bodyFile());
		LoadResult result = new LoadDriver(settings, bodies).run();
		System.out.print(result.report(settings));
		// the driver shares the machine with the server: say what it took, so the rest
		// can
		// be told apart
		long cpu = ProcessHandle.current().info().totalCpuDuration().map(Duration::toMillis).orElse(-1L);
		System.out.printf("driver cpu: %d ms%n", cpu);
		System.exit(result.completed() > 0 ? 0 : 1);
	}

	LoadResult run() throws InterruptedException {
		return settings.closedLoop() ? runClosedLoop() : runOpenModel();
	}

	/** The next request: the GET, or a POST of the next body. */
	private LoopbackHttp.Response send() throws IOException {
		return bodies == null ? http.get() : http.post(bodies.body(sequence.getAndIncrement()));
	}

	private LoadResult runOpenModel() throws InterruptedException {
		long periodNanos = Math.round(1_000_000_000d / settings.rate());
		int warmupCount = (int) (settings.rate() * settings.warmupSeconds());
		int measuredCount = (int) (settings.rate() * settings.durationSeconds());
		int total = warmupCount + measuredCount;
		// latency from the scheduled send time, and from the actual send time, per
		// measured request; -1 until it completes
		long[] latency = new long[measuredCount];
		long[] service = new long[measuredCount];
		Arrays.fill(latency, -1);
		Arrays.fill(service, -1);
		var statuses = new ConcurrentHashMap<Integer, AtomicLong>();
		var failures = new ConcurrentHashMap<String, AtomicLong>();
		var bytes = new AtomicLong();
		long maxSendLag = 0;
		var permits = new Semaphore(settings.concurrency());
		long start = System.nanoTime() + 50_000_000;
		try (ExecutorService senders = Executors.newVirtualThreadPerTaskExecutor()) {
			for (int i = 0; i < total; i++) {
				long scheduled = start + i * periodNanos;
				long wait;
				while ((wait = scheduled - System.nanoTime()) > 0) {
					LockSupport.parkNanos(wait);
				}
				// at the cap, sending waits for a free slot; the wait counts in the
				// latency because it is measured from the scheduled time
				permits.acquire();
				maxSendLag = Math.max(maxSendLag, System.nanoTime() - scheduled);
				int slot = i - warmupCount;
				senders.execute(() -> {
					try {
						long sent = System.nanoTime();
						LoopbackHttp.Response response = send();
						long done = System.nanoTime();
						if (slot >= 0) {
							bytes.addAndGet(response.bytes());
							int status = response.status();
							latency[slot] = done - scheduled;
							service[slot] = done - sent;
							statuses.computeIfAbsent(status, s -> new AtomicLong()).incrementAndGet();
						}
					}
					catch (IOException | RuntimeException ex) {
						if (slot >= 0) {
							failures.computeIfAbsent(ex.getClass().getSimpleName(), s -> new AtomicLong())
								.incrementAndGet();
						}
					}
					finally {
						permits.release();
					}
				});
			}
			long measuredEnd = start + total * periodNanos;
			senders.shutdown();
			if (!senders.awaitTermination(settings.timeoutSeconds() + 5L, TimeUnit.SECONDS)) {
				senders.shutdownNow();
			}
			http.close();
			long elapsed = Math.max(System.nanoTime(), measuredEnd) - (start + warmupCount * periodNanos);
			return LoadResult.of(measuredCount, latency, service, counts(statuses), counts(failures), bytes.get(),
					elapsed, maxSendLag);
		}
	}

	/**
	 * Each of {@code --clients} clients sends its next request as soon as the last is
	 * answered: the highest rate the server sustains at that concurrency. Bounded by
	 * warm-up plus duration and by {@code --max-requests}.
	 */
	private LoadResult runClosedLoop() throws InterruptedException {
		long start = System.nanoTime();
		long measureFrom = start + settings.warmupSeconds() * 1_000_000_000L;
		long end = measureFrom + settings.durationSeconds() * 1_000_000_000L;
		var statuses = new ConcurrentHashMap<Integer, AtomicLong>();
		var failures = new ConcurrentHashMap<String, AtomicLong>();
		var bytes = new AtomicLong();
		var issued = new AtomicLong();
		var latencies = new ConcurrentLinkedQueue<long[]>();
		try (ExecutorService clients = Executors.newVirtualThreadPerTaskExecutor()) {
			for (int c = 0; c < settings.clients(); c++) {
				clients.execute(() -> {
					long[] mine = new long[1024];
					int count = 0;
					while (System.nanoTime() < end && issued.incrementAndGet() <= settings.maxRequests()) {
						long sent = System.nanoTime();
						try {
							LoopbackHttp.Response response = send();
							long done = System.nanoTime();
							if (sent >= measureFrom && done <= end) {
								if (count == mine.length) {
									mine = Arrays.copyOf(mine, count * 2);
								}
								mine[count++] = done - sent;
								bytes.addAndGet(response.bytes());
								statuses.computeIfAbsent(response.status(), s -> new AtomicLong()).incrementAndGet();
							}
						}
						catch (IOException | RuntimeException ex) {
							if (sent >= measureFrom) {
								failures.computeIfAbsent(ex.getClass().getSimpleName(), s -> new AtomicLong())
									.incrementAndGet();
							}
						}
					}
					latencies.add(Arrays.copyOf(mine, count));
				});
			}
			clients.shutdown();
			if (!clients.awaitTermination(
					settings.warmupSeconds() + settings.durationSeconds() + settings.timeoutSeconds() + 5L,
					TimeUnit.SECONDS)) {
				clients.shutdownNow();
			}
		}
		http.close();
		long[] all = latencies.stream().flatMapToLong(Arrays::stream).toArray();
		long elapsed = Math.min(System.nanoTime(), end) - measureFrom;
		long failed = failures.values().stream().mapToLong(AtomicLong::get).sum();
		return LoadResult.of(all.length + (int) failed, all, all.clone(), counts(statuses), counts(failures),
				bytes.get(), Math.max(elapsed, 1), 0);
	}

	private static <K extends Comparable<K>> Map<K, Long> counts(Map<K, AtomicLong> counters) {
		var sorted = new TreeMap<K, Long>();
		counters.forEach((key, count) -> sorted.put(key, count.get()));
		return sorted;
	}

}
