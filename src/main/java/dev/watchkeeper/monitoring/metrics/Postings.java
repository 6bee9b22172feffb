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

	int[] toArray() {
		return Arrays.copyOf(ids, size);
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

	static int[] intersect(int[] a, int[] b) {
		int[] out = new int[Math.min(a.length, b.length)];
		int i = 0;
		int j = 0;
		int n = 0;
		while (i < a.length && j < b.length) {
			if (a[i] < b[j]) {
				i++;
			}
			else if (a[i] > b[j]) {
				j++;
			}
			else {
				out[n++] = a[i];
				i++;
				j++;
			}
		}
		return Arrays.copyOf(out, n);
	}

}
