package dev.watchkeeper.monitoring.metrics;

import java.util.Arrays;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Predicate;

/**
 * An immutable label set sorted by name, as Prometheus identifies a series. Names and
 * values alternate in one array; a missing label reads as the empty string, and empty
 * values are never stored.
 */
public final class Labels implements Comparable<Labels> {

	/** The label holding the metric name. */
	public static final String METRIC_NAME = "__name__";

	public static final Labels EMPTY = new Labels(new String[0]);

	private final String[] pairs;

	private final int hash;

	/** Computed on first use; a race computes it twice, harmlessly. */
	private Labels withoutName;

	private Labels(String[] pairs) {
		this.pairs = pairs;
		this.hash = Arrays.hashCode(pairs);
	}

	/** Labels from name/value pairs in any order; empty values are left out. */
	public static Labels of(String... nameValues) {
		if (nameValues.length % 2 != 0) {
			throw new IllegalArgumentException("labels come in name/value pairs");
		}
		TreeMap<String, String> map = new TreeMap<>();
		for (int i = 0; i < nameValues.length; i += 2) {
			map.put(nameValues[i], nameValues[i + 1]);
		}
		return of(map);
	}

	public static Labels of(Map<String, String> map) {
		TreeMap<String, String> sorted = (map instanceof TreeMap<String, String> tree) ? tree : new TreeMap<>(map);
		String[] pairs = new String[sorted.size() * 2];
		int i = 0;
		for (Map.Entry<String, String> e : sorted.entrySet()) {
			if (e.getValue() == null || e.getValue().isEmpty()) {
				continue;
			}
			pairs[i++] = e.getKey();
			pairs[i++] = e.getValue();
		}
		return new Labels(i == pairs.length ? pairs : Arrays.copyOf(pairs, i));
	}

	public int size() {
		return pairs.length / 2;
	}

	public String name(int i) {
		return pairs[2 * i];
	}

	public String value(int i) {
		return pairs[2 * i + 1];
	}

	/** The value of a label, or "" when the set has no such label. */
	public String get(String name) {
		for (int i = 0; i < pairs.length; i += 2) {
			int c = pairs[i].compareTo(name);
			if (c == 0) {
				return pairs[i + 1];
			}
			if (c > 0) {
				break;
			}
		}
		return "";
	}

	public boolean has(String name) {
		return !get(name).isEmpty();
	}

	public String metricName() {
		return get(METRIC_NAME);
	}

	/** A builder starting from these labels. */
	public Builder toBuilder() {
		return new Builder(this);
	}

	public Labels withoutMetricName() {
		Labels cached = withoutName;
		if (cached == null) {
			cached = get(METRIC_NAME).isEmpty() ? this : filter((n) -> !n.equals(METRIC_NAME));
			withoutName = cached;
		}
		return cached;
	}

	/** The labels whose names the predicate accepts. */
	public Labels filter(Predicate<String> keep) {
		String[] out = new String[pairs.length];
		int j = 0;
		for (int i = 0; i < pairs.length; i += 2) {
			if (keep.test(pairs[i])) {
				out[j++] = pairs[i];
				out[j++] = pairs[i + 1];
			}
		}
		return j == pairs.length ? this : new Labels(Arrays.copyOf(out, j));
	}

	public Map<String, String> toMap() {
		TreeMap<String, String> map = new TreeMap<>();
		for (int i = 0; i < pairs.length; i += 2) {
			map.put(pairs[i], pairs[i + 1]);
		}
		return map;
	}

	/** The same labels with every string passed through the interner. */
	Labels intern(java.util.function.UnaryOperator<String> interner) {
		String[] out = new String[pairs.length];
		for (int i = 0; i < pairs.length; i++) {
			out[i] = interner.apply(pairs[i]);
		}
		return new Labels(out);
	}

	/** Rough heap size in bytes, for the memory budget. */
	long footprint() {
		long bytes = 32 + 16L + pairs.length * 4L;
		for (String s : pairs) {
			bytes += 40 + s.length();
		}
		return bytes;
	}

	@Override
	public boolean equals(Object other) {
		return other == this || (other instanceof Labels l && l.hash == hash && Arrays.equals(l.pairs, pairs));
	}

	@Override
	public int hashCode() {
		return hash;
	}

	@Override
	public int compareTo(Labels other) {
		int n = Math.min(pairs.length, other.pairs.length);
		for (int i = 0; i < n; i++) {
			int c = pairs[i].compareTo(other.pairs[i]);
			if (c != 0) {
				return c;
			}
		}
		return Integer.compare(pairs.length, other.pairs.length);
	}

	/** Prometheus's notation: {@code name{a="1", b="2"}}. */
	@Override
	public String toString() {
		StringBuilder sb = new StringBuilder();
		String name = metricName();
		sb.append(name).append('{');
		boolean first = true;
		for (int i = 0; i < pairs.length; i += 2) {
			if (pairs[i].equals(METRIC_NAME)) {
				continue;
			}
			if (!first) {
				sb.append(", ");
			}
			first = false;
			sb.append(pairs[i]).append("=\"").append(escape(pairs[i + 1])).append('"');
		}
		sb.append('}');
		return (!name.isEmpty() && first) ? name : sb.toString();
	}

	static String escape(String value) {
		return value.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n");
	}

	/** Builds label sets by setting and deleting labels. */
	public static final class Builder {

		private final TreeMap<String, String> map;

		Builder(Labels base) {
			this.map = new TreeMap<>();
			for (int i = 0; i < base.pairs.length; i += 2) {
				map.put(base.pairs[i], base.pairs[i + 1]);
			}
		}

		public Builder set(String name, String value) {
			if (value == null || value.isEmpty()) {
				map.remove(name);
			}
			else {
				map.put(name, value);
			}
			return this;
		}

		public Builder delete(String name) {
			map.remove(name);
			return this;
		}

		public Labels build() {
			return Labels.of(map);
		}

	}

}
