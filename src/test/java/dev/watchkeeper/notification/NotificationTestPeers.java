package dev.watchkeeper.notification;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.function.BooleanSupplier;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;

import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;

/**
 * The real peers delivery tests talk to, on 127.0.0.1: an HTTP server and an SMTP server.
 */
final class NotificationTestPeers {

	static final WireMockServer HTTP = new WireMockServer(options().bindAddress("127.0.0.1").dynamicPort());

	static final GreenMail SMTP = new GreenMail(new ServerSetup(freePort(), "127.0.0.1", ServerSetup.PROTOCOL_SMTP));

	static {
		HTTP.start();
		SMTP.start();
	}

	private NotificationTestPeers() {
	}

	static String url(String path) {
		return "http://127.0.0.1:" + HTTP.port() + path;
	}

	/** Waits up to {@code timeout} for the condition; false if it never held. */
	static boolean await(Duration timeout, BooleanSupplier condition) throws InterruptedException {
		long deadline = System.nanoTime() + timeout.toNanos();
		while (System.nanoTime() < deadline) {
			if (condition.getAsBoolean()) {
				return true;
			}
			Thread.sleep(50);
		}
		return condition.getAsBoolean();
	}

	private static int freePort() {
		try (var socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
