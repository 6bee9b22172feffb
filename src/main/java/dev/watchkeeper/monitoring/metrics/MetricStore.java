package dev.watchkeeper.monitoring.metrics;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.ReentrantReadWriteLock;

/**
 * The embedded metric store: series keyed by their sorted, interned label set, samples in
 * primitive arrays per series, and an inverted index (postings) from label name and value
 * to series for selection. Appends to different series run in parallel; a series' own
 * appends and snapshots are serialised on the series. Samples older than the retention
 * are dropped by {@link #enforceLimits()}, which also keeps the store within its memory
 * budget by dropping the oldest samples; while over budget, new series are refused.
 * Everything lives in memory: a restart starts empty.
 */
public final class MetricStore {

	private static final long SERIES_OVERHEAD_BYTES = 160;

	private final Clock clock;

	private final long retentionMillis;

	private final long budgetBytes;

	private final ConcurrentHashMap<Labels, MemSeries> byLabels = new ConcurrentHashMap<>();

	private final ConcurrentHashMap<String, String> strings = new ConcurrentHashMap<>();

	private final ReentrantReadWriteLock structure = new ReentrantReadWriteLock();

	private final Map<String, Map<String, Postings>> postings = new HashMap<>();

	private final List<MemSeries> byId = new ArrayList<>();

	private final AtomicLong bytes = new AtomicLong();

	private final AtomicLong refusedSeries = new AtomicLong();

	private final AtomicLong rejectedSamples = new AtomicLong();

	private final AtomicLong droppedForBudget = new AtomicLong();

	private final AtomicLong appended = new AtomicLong();

	public MetricStore(Clock clock, Duration retention, long budgetBytes) {
		this.clock = clock;
		this.retentionMillis = retention.toMillis();
		this.budgetBytes = budgetBytes;
	}

	/** What happened to one appended sample. */
	public enum Result {

		/** Stored. */
		STORED,
		/** Same timestamp and value as the last sample: nothing to do. */
		DUPLICATE,
		/** Older than (or at the time of, with another value) the series' last sample. */
		OUT_OF_ORDER,
		/** A new series while the store is over its memory budget. */
		OVER_BUDGET

	}

	/** Appends one sample; samples of a series must come in time order. */
	public Result append(Labels labels, long timestampMillis, double value) {
		long[] grown = new long[1];
		for (int attempt = 0; attempt < 3; attempt++) {
			MemSeries series = byLabels.get(labels);
			if (series == null) {
				series = create(labels);
				if (series == null) {
					refusedSeries.incrementAndGet();
					return Result.OVER_BUDGET;
				}
			}
			MemSeries.Appended outcome = series.append(timestampMillis, value, grown);
			bytes.addAndGet(grown[0]);
			grown[0] = 0;
			switch (outcome) {
				case OK -> {
					appended.incrementAndGet();
					return Result.STORED;
				}
				case DUPLICATE -> {
					return Result.DUPLICATE;
				}
				case OUT_OF_ORDER -> {
					rejectedSamples.incrementAndGet();
					return Result.OUT_OF_ORDER;
				}
				case REMOVED -> {
					// removed by the retention sweep between lookup and append: look up
					// again
				}
			}
		}
		rejectedSamples.incrementAndGet();
		return Result.OUT_OF_ORDER;
	}

	private MemSeries create(Labels labels) {
		structure.writeLock().lock();
		try {
			MemSeries existing = byLabels.get(labels);
			if (existing != null) {
				return existing;
			}
			if (bytes.get() >= budgetBytes) {
				return null;
			}
			Labels interned = labels.intern((s) -> strings.computeIfAbsent(s, (k) -> k));
			MemSeries series = new MemSeries(byId.size(), interned);
			byId.add(series);
			for (int i = 0; i < interned.size(); i++) {
				postings.computeIfAbsent(interned.name(i), (k) -> new HashMap<>())
					.computeIfAbsent(interned.value(i), (k) -> new Postings())
					.add(series.id);
			}
			byLabels.put(interned, series);
			bytes.addAndGet(SERIES_OVERHEAD_BYTES + interned.footprint() + series.capacityBytes());
			return series;
		}
		finally {
			structure.writeLock().unlock();
		}
	}

	/**
	 * Snapshots of the series all matchers accept (label values of missing labels are
	 * "").
	 */
	public List<SeriesData> select(List<LabelMatcher> matchers) {
		List<MemSeries> found = matching(matchers);
		List<SeriesData> out = new ArrayList<>(found.size());
		for (MemSeries s : found) {
			SeriesData data = s.data();
			if (data.size() > 0) {
				out.add(data);
			}
		}
		return out;
	}

	/**
	 * Label sets of the matching series with a sample between the two times (inclusive).
	 */
	public List<Labels> series(List<LabelMatcher> matchers, long minMillis, long maxMillis) {
		List<Labels> out = new ArrayList<>();
		for (SeriesData data : select(matchers)) {
			int i = data.firstAtOrAfter(minMillis);
			if (i < data.to() && data.timestamps()[i] <= maxMillis) {
				out.add(data.labels());
			}
		}
		out.sort(null);
		return out;
	}

	/** Sorted label names of matching series (all series without matchers). */
	public List<String> labelNames(List<LabelMatcher> matchers, long minMillis, long maxMillis) {
		TreeSet<String> names = new TreeSet<>();
		for (Labels l : series(matchers, minMillis, maxMillis)) {
			for (int i = 0; i < l.size(); i++) {
				names.add(l.name(i));
			}
		}
		return List.copyOf(names);
	}

	/** Sorted values of one label across matching series. */
	public List<String> labelValues(String name, List<LabelMatcher> matchers, long minMillis, long maxMillis) {
		TreeSet<String> values = new TreeSet<>();
		for (Labels l : series(matchers, minMillis, maxMillis)) {
			String v = l.get(name);
			if (!v.isEmpty()) {
				values.add(v);
			}
		}
		return List.copyOf(values);
	}

	/**
	 * The series all matchers accept. Each matcher that rejects the empty value selects
	 * exactly the series in its postings (one list for {@code =}, the union over matching
	 * values otherwise); these are intersected from the shortest up. Only the matchers
	 * that accept the empty value (such as {@code a!="x"}) are then checked per series.
	 */
	private List<MemSeries> matching(List<LabelMatcher> matchers) {
		structure.readLock().lock();
		try {
			List<Ids> lists = new ArrayList<>(matchers.size());
			List<LabelMatcher> perSeries = new ArrayList<>(matchers.size());
			for (LabelMatcher m : matchers) {
				if (m.matchesEmpty()) {
					perSeries.add(m);
					continue;
				}
				Map<String, Postings> values = postings.get(m.name());
				if (values == null) {
					return List.of();
				}
				if (m.type() == LabelMatcher.Type.EQUAL) {
					Postings p = values.get(m.value());
					if (p == null || p.isEmpty()) {
						return List.of();
					}
					lists.add(new Ids(p.view(), p.size()));
				}
				else {
					int[] ids = union(values, m);
					if (ids.length == 0) {
						return List.of();
					}
					lists.add(new Ids(ids, ids.length));
				}
			}
			List<MemSeries> out = new ArrayList<>();
			if (lists.isEmpty()) {
				for (MemSeries s : byId) {
					if (s != null && accepts(s.labels, perSeries)) {
						out.add(s);
					}
				}
				return out;
			}
			lists.sort(Comparator.comparingInt(Ids::size));
			int count = lists.get(0).size();
			int[] candidates = Arrays.copyOf(lists.get(0).ids(), count);
			for (int k = 1; k < lists.size() && count > 0; k++) {
				count = Postings.retainAll(candidates, count, lists.get(k).ids(), lists.get(k).size());
			}
			for (int i = 0; i < count; i++) {
				MemSeries s = byId.get(candidates[i]);
				if (s != null && accepts(s.labels, perSeries)) {
					out.add(s);
				}
			}
			return out;
		}
		finally {
			structure.readLock().unlock();
		}
	}

	/** Sorted series ids, valid up to {@code size}. */
	private record Ids(int[] ids, int size) {
	}

	/** Ids of the series whose value of the matcher's label it accepts, sorted. */
	private static int[] union(Map<String, Postings> values, LabelMatcher m) {
		List<int[]> lists = new ArrayList<>();
		for (Map.Entry<String, Postings> e : values.entrySet()) {
			if (m.matches(e.getKey())) {
				lists.add(e.getValue().toArray());
			}
		}
		return (lists.size() == 1) ? lists.get(0) : Postings.union(lists.toArray(new int[0][]));
	}

	private static boolean accepts(Labels labels, List<LabelMatcher> matchers) {
		for (LabelMatcher m : matchers) {
			if (!m.matches(labels.get(m.name()))) {
				return false;
			}
		}
		return true;
	}

	/**
	 * Drops samples older than the retention, then the oldest samples while over the
	 * memory budget, and forgets series left without samples.
	 */
	public void enforceLimits() {
		long now = clock.millis();
		long cutoff = now - retentionMillis;
		dropBefore(cutoff, false);
		for (int round = 0; round < 10 && bytes.get() > budgetBytes; round++) {
			long[] span = sampleSpan();
			cutoff = Math.max(cutoff, span[0]);
			cutoff += Math.max(1, (span[1] - cutoff) / 5);
			dropBefore(cutoff, true);
		}
	}

	/** The oldest and the newest sample's timestamp. */
	private long[] sampleSpan() {
		long[] span = { Long.MAX_VALUE, Long.MIN_VALUE };
		for (MemSeries s : byLabels.values()) {
			SeriesData data = s.data();
			if (data.size() > 0) {
				span[0] = Math.min(span[0], data.timestamps()[data.from()]);
				span[1] = Math.max(span[1], data.timestamps()[data.to() - 1]);
			}
		}
		return span;
	}

	private void dropBefore(long cutoff, boolean forBudget) {
		List<MemSeries> emptied = new ArrayList<>();
		for (MemSeries s : byLabels.values()) {
			long before = s.capacityBytes();
			int dropped = s.dropBefore(cutoff);
			bytes.addAndGet(s.capacityBytes() - before);
			if (forBudget) {
				droppedForBudget.addAndGet(dropped);
			}
			if (s.sampleCount() == 0) {
				emptied.add(s);
			}
		}
		if (emptied.isEmpty()) {
			return;
		}
		structure.writeLock().lock();
		try {
			for (MemSeries s : emptied) {
				if (!s.removeIfEmpty()) {
					continue;
				}
				byLabels.remove(s.labels);
				byId.set(s.id, null);
				for (int i = 0; i < s.labels.size(); i++) {
					Map<String, Postings> values = postings.get(s.labels.name(i));
					Postings p = values.get(s.labels.value(i));
					p.remove(s.id);
					if (p.isEmpty()) {
						values.remove(s.labels.value(i));
						if (values.isEmpty()) {
							postings.remove(s.labels.name(i));
						}
					}
				}
				bytes.addAndGet(-(SERIES_OVERHEAD_BYTES + s.labels.footprint() + s.capacityBytes()));
			}
		}
		finally {
			structure.writeLock().unlock();
		}
	}

	/** Counts for the store's own metrics. */
	public record Stats(long series, long bytes, long samplesAppended, long seriesRefused, long samplesRejected,
			long samplesDroppedForBudget) {
	}

	public Stats stats() {
		return new Stats(byLabels.size(), bytes.get(), appended.get(), refusedSeries.get(), rejectedSamples.get(),
				droppedForBudget.get());
	}

}
