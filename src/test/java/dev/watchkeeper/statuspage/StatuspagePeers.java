package dev.watchkeeper.statuspage;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.function.BooleanSupplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;

import org.springframework.test.context.DynamicPropertyRegistry;

import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;

/**
 * The SMTP and HTTP peers status page tests talk to, on 127.0.0.1, and helpers to read
 * what they got.
 */
public final class StatuspagePeers {

	public static final GreenMail SMTP = new GreenMail(
			new ServerSetup(freePort(), "127.0.0.1", ServerSetup.PROTOCOL_SMTP));

	public static final WireMockServer HTTP = new WireMockServer(options().bindAddress("127.0.0.1").dynamicPort());

	/** The status page's public address in these tests; links in mails start with it. */
	public static final String PUBLIC_URL = "http://status.test/status";

	private static final Pattern LINK = Pattern.compile("(http://status\\.test/status/[^\\s\"<>]+)");

	static {
		SMTP.start();
		HTTP.start();
	}

	private StatuspagePeers() {
	}

	/** The properties every status page test context uses. */
	public static void register(DynamicPropertyRegistry registry) {
		registry.add("watchkeeper.notification.smtp.host", () -> "127.0.0.1");
		registry.add("watchkeeper.notification.smtp.port", () -> SMTP.getSmtp().getPort());
		registry.add("watchkeeper.notification.smtp.from", () -> "status@example.com");
		registry.add("watchkeeper.notification.poll-interval", () -> "200ms");
		registry.add("watchkeeper.statuspage.url", () -> PUBLIC_URL);
		registry.add("watchkeeper.statuspage.name", () -> "Example status");
	}

	/** Mails received for this address so far. */
	public static List<MimeMessage> mailsTo(String address) {
		return Arrays.stream(SMTP.getReceivedMessages()).filter(m -> {
			try {
				return m.getAllRecipients()[0].toString().equalsIgnoreCase(address);
			}
			catch (MessagingException ex) {
				return false;
			}
		}).toList();
	}

	/**
	 * The first link of the status page in a mail that contains {@code part}, e.g.
	 * "/subscriptions/confirm".
	 */
	public static String link(MimeMessage mail, String part) {
		Matcher matcher = LINK.matcher(GreenMailUtil.getBody(mail).replace("=\r\n", "").replace("=3D", "="));
		while (matcher.find()) {
			if (matcher.group(1).contains(part)) {
				return matcher.group(1);
			}
		}
		throw new AssertionError("no link with " + part + " in " + GreenMailUtil.getBody(mail));
	}

	/** Waits up to {@code timeout} for the condition; false if it never held. */
	public static boolean await(Duration timeout, BooleanSupplier condition) throws InterruptedException {
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
