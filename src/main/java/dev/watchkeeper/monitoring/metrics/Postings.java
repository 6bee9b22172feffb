package dev.watchkeeper.monitoring.metrics;

import java.util.Arrays;

/** A sorted list of series ids, growing at the end since ids only increase. */
final class Postings {

	private int[] ids = new int[4];

	private int size;

	void add(int id) {
		if (size == ids.length) {
			ids = Arrays.copyOf(ids, size * 2);
		}
		ids[size++] = id;
	}

	void remove(int id) {
		int i = Arrays.binarySearch(ids, 0, size, id);
		if (i >= 0) {
			System.arraycopy(ids, i + 1, ids, i, size - i - 1);
			size--;
		}
	}

	boolean isEmpty() {
		return size == 0;
	}

	int size() {
		return size;
	}

	int[] toArray() {
		return Arrays.copyOf(ids, size);
	}

	/**
	 * The ids themselves, valid up to {@link #size()}: only while the store's structure
	 * lock is held, and not to be changed.
	 */
	int[] view() {
		return ids;
	}

	/** Sorted union of several sorted id arrays. */
	static int[] union(int[][] lists) {
		int total = 0;
		for (int[] l : lists) {
			total += l.length;
		}
		int[] all = new int[total];
		int i = 0;
		for (int[] l : lists) {
			System.arraycopy(l, 0, all, i, l.length);
			i += l.length;
		}
		Arrays.sort(all);
		int n = 0;
		for (int j = 0; j < all.length; j++) {
			if (n == 0 || all[n - 1] != all[j]) {
				all[n++] = all[j];
			}
		}
		return Arrays.copyOf(all, n);
	}

	/**
	 * Keeps in {@code kept[0..count)} the ids also in {@code other[0..otherSize)}, both
	 * sorted; returns how many are kept. A short list is looked up in a much longer one
	 * by binary search, so selecting a few series of a metric does not walk every series
	 * of a common label value (such as {@code job="backend"}).
	 */
	static int retainAll(int[] kept, int count, int[] other, int otherSize) {
		int n = 0;
		if ((long) count * 16 < otherSize) {
			int lo = 0;
			for (int i = 0; i < count && lo < otherSize; i++) {
				int at = Arrays.binarySearch(other, lo, otherSize, kept[i]);
				if (at >= 0) {
					kept[n++] = kept[i];
					lo = at + 1;
				}
				else {
					lo = -at - 1;
				}
			}
			return n;
		}
		int i = 0;
		int j = 0;
		while (i < count && j < otherSize) {
			if (kept[i] < other[j]) {
				i++;
			}
			else if (kept[i] > other[j]) {
				j++;
			}
			else {
				kept[n++] = kept[i];
				i++;
				j++;
			}
		}
		return n;
	}

}
