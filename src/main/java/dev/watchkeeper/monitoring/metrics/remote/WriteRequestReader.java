package dev.watchkeeper.monitoring.metrics.remote;

import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;

import dev.watchkeeper.monitoring.metrics.Labels;

/**
 * Reads a Prometheus remote-write 1.0 {@code WriteRequest} in the protobuf wire format:
 * {@code repeated TimeSeries timeseries = 1}, each with {@code repeated Label labels = 1}
 * ({@code name = 1}, {@code value = 2}) and {@code repeated Sample samples = 2}
 * ({@code double value = 1}, {@code int64 timestamp = 2}, milliseconds). Metadata,
 * exemplars, native histograms and unknown fields are skipped.
 */
final class WriteRequestReader {

	/** One series and its samples. */
	record Series(Labels labels, long[] timestamps, double[] values) {
	}

	/** A body that is not a valid WriteRequest. */
	static final class InvalidException extends RuntimeException {

		private static final long serialVersionUID = 1L;

		InvalidException(String message) {
			super(message, null, false, false);
		}

	}

	private final byte[] buf;

	private int pos;

	private WriteRequestReader(byte[] buf) {
		this.buf = buf;
	}

	static List<Series> read(byte[] body) {
		WriteRequestReader r = new WriteRequestReader(body);
		List<Series> out = new ArrayList<>();
		while (r.pos < body.length) {
			long key = r.varint();
			int field = (int) (key >>> 3);
			int wire = (int) (key & 7);
			if (field == 1 && wire == 2) {
				int end = r.lengthEnd();
				out.add(r.series(end, out.size()));
				r.pos = end;
			}
			else {
				r.skip(wire);
			}
		}
		return out;
	}

	private Series series(int end, int index) {
		TreeMap<String, String> labels = new TreeMap<>();
		long[] ts = new long[8];
		double[] vs = new double[8];
		int n = 0;
		while (pos < end) {
			long key = varint();
			int field = (int) (key >>> 3);
			int wire = (int) (key & 7);
			if (field == 1 && wire == 2) {
				int labelEnd = lengthEnd();
				String name = null;
				String value = "";
				while (pos < labelEnd) {
					long k = varint();
					int f = (int) (k >>> 3);
					int w = (int) (k & 7);
					if ((f == 1 || f == 2) && w == 2) {
						int strEnd = lengthEnd();
						String s = utf8(pos, strEnd - pos);
						pos = strEnd;
						if (f == 1) {
							name = s;
						}
						else {
							value = s;
						}
					}
					else {
						skip(w);
					}
				}
				pos = labelEnd;
				if (name == null || !validName(name)) {
					throw new InvalidException("series " + index + ": invalid label name \"" + name + "\"");
				}
				if (!value.isEmpty() && labels.put(name, value) != null) {
					throw new InvalidException("series " + index + ": duplicate label \"" + name + "\"");
				}
			}
			else if (field == 2 && wire == 2) {
				int sampleEnd = lengthEnd();
				double value = 0;
				long timestamp = 0;
				while (pos < sampleEnd) {
					long k = varint();
					int f = (int) (k >>> 3);
					int w = (int) (k & 7);
					if (f == 1 && w == 1) {
						value = Double.longBitsToDouble(fixed64());
					}
					else if (f == 2 && w == 0) {
						timestamp = varint();
					}
					else {
						skip(w);
					}
				}
				pos = sampleEnd;
				if (n == ts.length) {
					ts = java.util.Arrays.copyOf(ts, n * 2);
					vs = java.util.Arrays.copyOf(vs, n * 2);
				}
				ts[n] = timestamp;
				vs[n] = value;
				n++;
			}
			else {
				skip(wire);
			}
		}
		if (pos != end) {
			throw new InvalidException("series " + index + " runs past its length");
		}
		if (labels.isEmpty()) {
			throw new InvalidException("series " + index + " has no labels");
		}
		return new Series(Labels.of(labels), java.util.Arrays.copyOf(ts, n), java.util.Arrays.copyOf(vs, n));
	}

	private static boolean validName(String name) {
		if (name.isEmpty()) {
			return false;
		}
		for (int i = 0; i < name.length(); i++) {
			char c = name.charAt(i);
			boolean ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_'
					|| (i > 0 && c >= '0' && c <= '9');
			if (!ok) {
				return false;
			}
		}
		return true;
	}

	private String utf8(int offset, int length) {
		try {
			return StandardCharsets.UTF_8.newDecoder()
				.onMalformedInput(CodingErrorAction.REPORT)
				.onUnmappableCharacter(CodingErrorAction.REPORT)
				.decode(java.nio.ByteBuffer.wrap(buf, offset, length))
				.toString();
		}
		catch (CharacterCodingException ex) {
			throw new InvalidException("a label is not valid UTF-8");
		}
	}

	private long varint() {
		long result = 0;
		for (int shift = 0; shift < 64; shift += 7) {
			if (pos >= buf.length) {
				throw new InvalidException("truncated varint");
			}
			int b = buf[pos++] & 0xff;
			result |= (long) (b & 0x7f) << shift;
			if (b < 0x80) {
				return result;
			}
		}
		throw new InvalidException("varint longer than 10 bytes");
	}

	private long fixed64() {
		if (pos + 8 > buf.length) {
			throw new InvalidException("truncated double");
		}
		long v = 0;
		for (int i = 0; i < 8; i++) {
			v |= (long) (buf[pos + i] & 0xff) << (8 * i);
		}
		pos += 8;
		return v;
	}

	private int lengthEnd() {
		long length = varint();
		if (length < 0 || length > buf.length - pos) {
			throw new InvalidException("a length runs past the end of the body");
		}
		return pos + (int) length;
	}

	private void skip(int wire) {
		switch (wire) {
			case 0 -> varint();
			case 1 -> {
				if (pos + 8 > buf.length) {
					throw new InvalidException("truncated field");
				}
				pos += 8;
			}
			case 2 -> pos = lengthEnd();
			case 5 -> {
				if (pos + 4 > buf.length) {
					throw new InvalidException("truncated field");
				}
				pos += 4;
			}
			default -> throw new InvalidException("unsupported wire type " + wire);
		}
	}

}
