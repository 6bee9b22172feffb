package dev.watchkeeper.notification;

import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpTimeoutException;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class DeliveryErrorTests {

	private final URI peer = URI.create("http://127.0.0.1:9/hook");

	@Test
	void aRefusedConnectionNamesThePeer() {
		assertThat(Dispatcher.describe(new ConnectException(), peer))
			.isEqualTo("could not connect to 127.0.0.1:9 (connection refused or unreachable)");
	}

	@Test
	void aTimeoutSaysThePeerDidNotAnswer() {
		assertThat(Dispatcher.describe(new HttpTimeoutException("request timed out"), peer))
			.isEqualTo("no answer from 127.0.0.1:9 within the request timeout");
	}

	@Test
	void anythingElseKeepsItsKindAndMessage() {
		assertThat(Dispatcher.describe(new IOException("stream reset"), peer))
			.isEqualTo("IOException: stream reset (127.0.0.1:9)");
	}

}
