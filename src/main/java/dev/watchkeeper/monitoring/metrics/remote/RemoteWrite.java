package dev.watchkeeper.monitoring.metrics.remote;

import java.util.List;

import dev.watchkeeper.monitoring.metrics.Metrics;
import dev.watchkeeper.platform.DomainException;

import org.springframework.stereotype.Service;

/**
 * Prometheus's remote-write 1.0 receiver: a snappy-compressed protobuf
 * {@code WriteRequest}, checked whole before any sample is stored.
 */
@Service
public class RemoteWrite {

	private final Metrics metrics;

	private final RemoteWriteSettings settings;

	RemoteWrite(Metrics metrics, RemoteWriteSettings settings) {
		this.metrics = metrics;
		this.settings = settings;
	}

	/** Counts of one request. */
	public record Result(int series, int stored, int duplicates, int outOfOrder, int refused) {
	}

	/**
	 * Stores the samples of a snappy-compressed {@code WriteRequest}.
	 * @throws DomainException (invalid, field {@code body}) when the body is not valid
	 * snappy or protobuf, or decompresses larger than allowed
	 */
	public Result write(byte[] compressed) {
		List<WriteRequestReader.Series> series;
		try {
			byte[] body = Snappy.decompress(compressed, settings.maxDecompressedSize().toBytes());
			series = WriteRequestReader.read(body);
		}
		catch (Snappy.CorruptException | WriteRequestReader.InvalidException ex) {
			throw DomainException.invalid("body", ex.getMessage());
		}
		int stored = 0;
		int duplicates = 0;
		int outOfOrder = 0;
		int refused = 0;
		for (WriteRequestReader.Series s : series) {
			for (int i = 0; i < s.timestamps().length; i++) {
				switch (metrics.append(s.labels(), s.timestamps()[i], s.values()[i])) {
					case STORED -> stored++;
					case DUPLICATE -> duplicates++;
					case OUT_OF_ORDER -> outOfOrder++;
					case OVER_BUDGET -> refused++;
				}
			}
		}
		return new Result(series.size(), stored, duplicates, outOfOrder, refused);
	}

}
