package dev.watchkeeper.monitoring.metrics.remote;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Builds remote-write requests as Prometheus sends them: a protobuf WriteRequest,
 * compressed in Snappy's block format with literals and back-references.
 */
public final class RemoteWriteEncoder {

	/** One series: labels as name, value pairs, and samples. */
	public record Series(List<String> labels, long[] timestamps, double[] values) {
	}

	private RemoteWriteEncoder() {
	}

	public static byte[] request(List<Series> series) {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		for (Series s : series) {
			ByteArrayOutputStream ts = new ByteArrayOutputStream();
			for (int i = 0; i < s.labels().size(); i += 2) {
				ByteArrayOutputStream label = new ByteArrayOutputStream();
				bytes(label, 1, s.labels().get(i).getBytes(StandardCharsets.UTF_8));
				bytes(label, 2, s.labels().get(i + 1).getBytes(StandardCharsets.UTF_8));
				bytes(ts, 1, label.toByteArray());
			}
			for (int i = 0; i < s.timestamps().length; i++) {
				ByteArrayOutputStream sample = new ByteArrayOutputStream();
				varint(sample, (1 << 3) | 1);
				long bits = Double.doubleToRawLongBits(s.values()[i]);
				for (int b = 0; b < 8; b++) {
					sample.write((int) (bits >>> (8 * b)) & 0xff);
				}
				varint(sample, 2 << 3);
				varint(sample, s.timestamps()[i]);
				bytes(ts, 2, sample.toByteArray());
			}
			bytes(out, 1, ts.toByteArray());
		}
		return out.toByteArray();
	}

	private static void bytes(ByteArrayOutputStream out, int field, byte[] value) {
		varint(out, (field << 3) | 2);
		varint(out, value.length);
		out.writeBytes(value);
	}

	private static void varint(ByteArrayOutputStream out, long v) {
		while ((v & ~0x7fL) != 0) {
			out.write((int) ((v & 0x7f) | 0x80));
			v >>>= 7;
		}
		out.write((int) v);
	}

	/** Snappy block format: greedy matches of at least 4 bytes within 64 KiB back. */
	public static byte[] snappy(byte[] in) {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		varint(out, in.length);
		Map<Integer, Integer> last = new HashMap<>();
		int literalStart = 0;
		int i = 0;
		while (i + 4 <= in.length) {
			int key = (in[i] & 0xff) | (in[i + 1] & 0xff) << 8 | (in[i + 2] & 0xff) << 16 | (in[i + 3] & 0xff) << 24;
			Integer candidate = last.put(key, i);
			if (candidate != null && i - candidate <= 65535) {
				int len = 0;
				while (i + len < in.length && in[candidate + len] == in[i + len] && len < 64) {
					len++;
				}
				literal(out, in, literalStart, i);
				int offset = i - candidate;
				out.write(((len - 1) << 2) | 2);
				out.write(offset & 0xff);
				out.write((offset >>> 8) & 0xff);
				i += len;
				literalStart = i;
			}
			else {
				i++;
			}
		}
		literal(out, in, literalStart, in.length);
		return out.toByteArray();
	}

	private static void literal(ByteArrayOutputStream out, byte[] in, int from, int to) {
		int len = to - from;
		if (len == 0) {
			return;
		}
		if (len <= 60) {
			out.write((len - 1) << 2);
		}
		else if (len <= 256) {
			out.write(60 << 2);
			out.write(len - 1);
		}
		else {
			out.write(62 << 2);
			out.write((len - 1) & 0xff);
			out.write(((len - 1) >>> 8) & 0xff);
			out.write(((len - 1) >>> 16) & 0xff);
		}
		out.write(in, from, len);
	}

}
