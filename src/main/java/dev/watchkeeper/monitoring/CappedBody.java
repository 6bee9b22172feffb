package dev.watchkeeper.monitoring;

import java.io.ByteArrayOutputStream;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Flow;

/**
 * Reads a response body up to a cap: a larger body cancels the exchange and completes
 * with {@link TooLarge}, so a huge answer costs at most the cap in memory.
 */
final class CappedBody implements HttpResponse.BodySubscriber<byte[]> {

	/** The body passed the cap. */
	static final class TooLarge extends RuntimeException {

		TooLarge(long cap) {
			super("the response body is larger than " + cap + " bytes", null, false, false);
		}

	}

	private final long cap;

	private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();

	private final CompletableFuture<byte[]> result = new CompletableFuture<>();

	private Flow.Subscription subscription;

	CappedBody(long cap) {
		this.cap = cap;
	}

	@Override
	public CompletionStage<byte[]> getBody() {
		return result;
	}

	@Override
	public void onSubscribe(Flow.Subscription subscription) {
		this.subscription = subscription;
		subscription.request(Long.MAX_VALUE);
	}

	@Override
	public void onNext(List<ByteBuffer> buffers) {
		if (result.isDone()) {
			return;
		}
		for (ByteBuffer buffer : buffers) {
			if (bytes.size() + (long) buffer.remaining() > cap) {
				subscription.cancel();
				result.completeExceptionally(new TooLarge(cap));
				return;
			}
			byte[] chunk = new byte[buffer.remaining()];
			buffer.get(chunk);
			bytes.write(chunk, 0, chunk.length);
		}
	}

	@Override
	public void onError(Throwable error) {
		result.completeExceptionally(error);
	}

	@Override
	public void onComplete() {
		result.complete(bytes.toByteArray());
	}

}
