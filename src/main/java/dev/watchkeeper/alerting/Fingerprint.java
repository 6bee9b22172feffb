package dev.watchkeeper.alerting;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * The identity of an alert: the 64-bit FNV-1a hash of its label set, computed exactly as
 * Prometheus and Alertmanager do (label names sorted, each name and value followed by the
 * byte 0xff), written as 16 hex digits, so fingerprints match across the tools.
 */
public final class Fingerprint {

	private static final long OFFSET = 0xcbf29ce484222325L;

	private static final long PRIME = 0x100000001b3L;

	private static final byte SEPARATOR = (byte) 0xff;

	private Fingerprint() {
	}

	public static String of(Map<String, String> labels) {
		if (labels.isEmpty()) {
			return hex(OFFSET);
		}
		SortedMap<String, String> sorted = new TreeMap<>(labels);
		long hash = OFFSET;
		for (var label : sorted.entrySet()) {
			hash = add(hash, label.getKey().getBytes(StandardCharsets.UTF_8));
			hash = add(hash, SEPARATOR);
			hash = add(hash, label.getValue().getBytes(StandardCharsets.UTF_8));
			hash = add(hash, SEPARATOR);
		}
		return hex(hash);
	}

	private static long add(long hash, byte[] bytes) {
		for (byte b : bytes) {
			hash = add(hash, b);
		}
		return hash;
	}

	private static long add(long hash, byte b) {
		return (hash ^ (b & 0xff)) * PRIME;
	}

	private static String hex(long hash) {
		return String.format("%016x", hash);
	}

}
