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
		return hex(hash(labels));
	}

	/**
	 * The fingerprint's 64-bit hash of any string map (also used to tell whether an
	 * alert's annotations changed).
	 */
	static long hash(Map<String, String> entries) {
		SortedMap<String, String> sorted = entries instanceof SortedMap<String, String> map && map.comparator() == null
				? map : new TreeMap<>(entries);
		long hash = OFFSET;
		for (var entry : sorted.entrySet()) {
			hash = add(hash, entry.getKey());
			hash = add(hash, SEPARATOR);
			hash = add(hash, entry.getValue());
			hash = add(hash, SEPARATOR);
		}
		return hash;
	}

	/** Adds the UTF-8 bytes of the text without encoding it into an array first. */
	private static long add(long hash, String text) {
		for (int i = 0; i < text.length(); i++) {
			char c = text.charAt(i);
			if (c < 0x80) {
				hash = add(hash, (byte) c);
			}
			else {
				int end = Character.isHighSurrogate(c) && i + 1 < text.length() ? i + 2 : i + 1;
				hash = add(hash, text.substring(i, end).getBytes(StandardCharsets.UTF_8));
				i = end - 1;
			}
		}
		return hash;
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
		String hex = Long.toHexString(hash);
		return hex.length() == 16 ? hex : "0".repeat(16 - hex.length()) + hex;
	}

}
