package dev.watchkeeper.monitoring.metrics.remote;

/**
 * Decodes Snappy's block format (not the framed format), which Prometheus's remote write
 * uses: a varint of the decoded length, then literals and back-references.
 */
final class Snappy {

	private Snappy() {
	}

	/** Input that is not a valid Snappy block, or decodes larger than allowed. */
	static final class CorruptException extends RuntimeException {

		private static final long serialVersionUID = 1L;

		CorruptException(String message) {
			super(message, null, false, false);
		}

	}

	static byte[] decompress(byte[] in, long maxLength) {
		int pos = 0;
		long length = 0;
		int shift = 0;
		while (true) {
			if (pos >= in.length || shift > 28) {
				throw new CorruptException("snappy: invalid length header");
			}
			int b = in[pos++] & 0xff;
			length |= (long) (b & 0x7f) << shift;
			if (b < 0x80) {
				break;
			}
			shift += 7;
		}
		if (length > maxLength) {
			throw new CorruptException("snappy: decoded length " + length + " exceeds the limit of " + maxLength);
		}
		byte[] out = new byte[(int) length];
		int o = 0;
		while (pos < in.length) {
			int tag = in[pos++] & 0xff;
			int len;
			int offset;
			switch (tag & 3) {
				case 0 -> {
					int n = tag >>> 2;
					if (n < 60) {
						len = n + 1;
					}
					else {
						int bytes = n - 59;
						if (pos + bytes > in.length) {
							throw new CorruptException("snappy: truncated literal length");
						}
						long l = 0;
						for (int i = 0; i < bytes; i++) {
							l |= (long) (in[pos++] & 0xff) << (8 * i);
						}
						if (l + 1 > Integer.MAX_VALUE) {
							throw new CorruptException("snappy: literal too long");
						}
						len = (int) l + 1;
					}
					if (pos + len > in.length || o + len > out.length) {
						throw new CorruptException("snappy: literal runs past the end");
					}
					System.arraycopy(in, pos, out, o, len);
					pos += len;
					o += len;
					continue;
				}
				case 1 -> {
					if (pos >= in.length) {
						throw new CorruptException("snappy: truncated copy");
					}
					len = 4 + ((tag >>> 2) & 7);
					offset = ((tag & 0xe0) << 3) | (in[pos++] & 0xff);
				}
				case 2 -> {
					if (pos + 2 > in.length) {
						throw new CorruptException("snappy: truncated copy");
					}
					len = (tag >>> 2) + 1;
					offset = (in[pos] & 0xff) | (in[pos + 1] & 0xff) << 8;
					pos += 2;
				}
				default -> {
					if (pos + 4 > in.length) {
						throw new CorruptException("snappy: truncated copy");
					}
					len = (tag >>> 2) + 1;
					offset = (in[pos] & 0xff) | (in[pos + 1] & 0xff) << 8 | (in[pos + 2] & 0xff) << 16
							| (in[pos + 3] & 0xff) << 24;
					pos += 4;
				}
			}
			if (offset <= 0 || offset > o || o + len > out.length) {
				throw new CorruptException("snappy: invalid copy offset or length");
			}
			for (int i = 0; i < len; i++, o++) {
				out[o] = out[o - offset];
			}
		}
		if (o != out.length) {
			throw new CorruptException("snappy: decoded " + o + " bytes, the header said " + out.length);
		}
		return out;
	}

}
