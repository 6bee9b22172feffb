package dev.watchkeeper.notification;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Properties;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

import org.springframework.mail.MailException;
import org.springframework.mail.SimpleMailMessage;
import org.springframework.mail.javamail.JavaMailSenderImpl;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * A mail server's rejection as the mail client really reports it, from an SMTP server on
 * 127.0.0.1 that answers with a chosen reply: 5xx fails the delivery now, 4xx and lost
 * connections are retried.
 */
class SmtpFailuresTests {

	@ParameterizedTest
	@CsvSource({ "RCPT, 550 5.1.1 <nobody@example.com>: Recipient address rejected, FAILED",
			"RCPT, 450 4.2.1 Mailbox busy try later, RETRY", "MAIL, 553 5.7.1 Sender address rejected, FAILED",
			"DATA, 554 5.6.0 Message content rejected, FAILED", "DATA, 451 4.3.0 Local error in processing, RETRY" })
	void aPermanentReplyFailsAndATransientOneIsRetried(String command, String reply, SendResult.Outcome expected)
			throws Exception {
		try (ServerSocket server = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
			CompletableFuture<Void> session = CompletableFuture.runAsync(() -> serve(server, command, reply));
			MailException failure = catchThrowableOfType(MailException.class,
					() -> sender(server.getLocalPort()).send(message()));
			session.get(10, TimeUnit.SECONDS);

			SendResult result = SmtpFailures.classify(failure);

			assertThat(result.outcome()).as(String.valueOf(failure)).isEqualTo(expected);
			if (expected == SendResult.Outcome.FAILED) {
				assertThat(result.error()).startsWith("SMTP rejected it permanently: ").contains(reply.substring(0, 3));
			}
		}
	}

	@Test
	void aServerThatIsNotThereIsRetried() throws Exception {
		int port;
		try (ServerSocket closed = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
			port = closed.getLocalPort();
		}
		int unused = port;
		MailException failure = catchThrowableOfType(MailException.class, () -> sender(unused).send(message()));
		assertThat(SmtpFailures.classify(failure).outcome()).isEqualTo(SendResult.Outcome.RETRY);
	}

	private static JavaMailSenderImpl sender(int port) {
		JavaMailSenderImpl sender = new JavaMailSenderImpl();
		sender.setHost("127.0.0.1");
		sender.setPort(port);
		Properties properties = new Properties();
		properties.put("mail.smtp.connectiontimeout", "3000");
		properties.put("mail.smtp.timeout", "3000");
		sender.setJavaMailProperties(properties);
		return sender;
	}

	private static SimpleMailMessage message() {
		SimpleMailMessage message = new SimpleMailMessage();
		message.setFrom("watchkeeper@example.com");
		message.setTo("nobody@example.com");
		message.setSubject("[FIRING:1] HighErrorRate checkout-api");
		message.setText("Error ratio above 5 % for 5 minutes.");
		return message;
	}

	/**
	 * One SMTP session that answers {@code reply} to {@code command} and 2xx/3xx to the
	 * rest.
	 */
	private static void serve(ServerSocket server, String command, String reply) {
		try {
			server.setSoTimeout(10_000);
			try (Socket client = server.accept()) {
				client.setSoTimeout(10_000);
				var in = new BufferedReader(new InputStreamReader(client.getInputStream(), StandardCharsets.US_ASCII));
				var out = new PrintWriter(client.getOutputStream(), true, StandardCharsets.US_ASCII);
				out.print("220 127.0.0.1 ESMTP test\r\n");
				out.flush();
				boolean inData = false;
				for (int lines = 0; lines < 1_000; lines++) {
					String line = in.readLine();
					if (line == null) {
						return;
					}
					if (inData) {
						if (line.equals(".")) {
							inData = false;
							answer(out, command.equals("DATA") ? reply : "250 2.0.0 queued");
						}
						continue;
					}
					String verb = line.length() >= 4 ? line.substring(0, 4).toUpperCase() : line.toUpperCase();
					switch (verb) {
						case "EHLO", "HELO" -> answer(out, "250 127.0.0.1");
						case "MAIL" -> answer(out, command.equals("MAIL") ? reply : "250 2.1.0 ok");
						case "RCPT" -> answer(out, command.equals("RCPT") ? reply : "250 2.1.5 ok");
						case "DATA" -> {
							answer(out, "354 end with <CRLF>.<CRLF>");
							inData = true;
						}
						case "QUIT" -> {
							answer(out, "221 2.0.0 bye");
							return;
						}
						default -> answer(out, "250 2.0.0 ok");
					}
				}
			}
		}
		catch (IOException ex) {
			throw new java.io.UncheckedIOException(ex);
		}
	}

	private static void answer(PrintWriter out, String line) {
		out.print(line + "\r\n");
		out.flush();
	}

}
