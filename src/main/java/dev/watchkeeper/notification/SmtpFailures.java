package dev.watchkeeper.notification;

import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

import jakarta.mail.MessagingException;
import org.eclipse.angus.mail.smtp.SMTPAddressFailedException;
import org.eclipse.angus.mail.smtp.SMTPSendFailedException;
import org.eclipse.angus.mail.smtp.SMTPSenderFailedException;

import org.springframework.mail.MailSendException;

/**
 * What an SMTP failure means for the delivery: a 5xx reply to the sender, a recipient or
 * the message is permanent (RFC 5321 §4.2.1: the same transaction will fail again), so
 * the delivery fails now, visibly, instead of being retried for a day; anything else (a
 * 4xx reply, a refused or dropped connection, a failed login, a timeout) may pass and is
 * retried.
 */
final class SmtpFailures {

	private SmtpFailures() {
	}

	static SendResult classify(Exception failure) {
		List<String> permanent = new ArrayList<>();
		collect(failure, permanent, new IdentityHashMap<>());
		if (!permanent.isEmpty()) {
			return SendResult.failed(null, "SMTP rejected it permanently: " + String.join("; ", permanent));
		}
		return SendResult.retry(null, "SMTP: " + failure.getMessage(), null);
	}

	private static void collect(Throwable failure, List<String> permanent, Map<Throwable, Boolean> seen) {
		if (failure == null || seen.put(failure, Boolean.TRUE) != null) {
			return;
		}
		switch (failure) {
			case SMTPAddressFailedException rejected when isPermanent(rejected.getReturnCode()) ->
				permanent.add("recipient " + rejected.getAddress() + ": " + reply(rejected));
			case SMTPSenderFailedException rejected when isPermanent(rejected.getReturnCode()) ->
				permanent.add("sender " + rejected.getAddress() + ": " + reply(rejected));
			case SMTPSendFailedException rejected when isPermanent(rejected.getReturnCode()) ->
				permanent.add(reply(rejected));
			default -> {
			}
		}
		if (failure instanceof MailSendException send) {
			send.getFailedMessages().values().forEach((cause) -> collect(cause, permanent, seen));
		}
		if (failure instanceof MessagingException messaging) {
			collect(messaging.getNextException(), permanent, seen);
		}
		collect(failure.getCause(), permanent, seen);
	}

	private static boolean isPermanent(int replyCode) {
		return replyCode >= 500 && replyCode < 600;
	}

	private static String reply(MessagingException rejected) {
		String text = rejected.getMessage();
		return text == null ? "rejected" : text.strip();
	}

}
