package dev.watchkeeper.notification;

import java.util.List;

/**
 * A message to one person, such as a page from an escalation: what it is about, a link
 * back to Watchkeeper and the actions the person can take from it (each a link that opens
 * a confirmation page, so a mail scanner that follows links acts on nothing).
 *
 * @param subject one line, e.g. {@code [SEV-2] Checkout error rate above 5%}
 * @param text the body as plain text
 * @param link where the person sees the whole thing
 * @param actions what the person can do from the message, in order
 */
public record PersonalMessage(String subject, String text, String link, List<Action> actions) {

	public PersonalMessage {
		actions = actions == null ? List.of() : List.copyOf(actions);
	}

	/**
	 * One action offered in a message.
	 *
	 * @param label what the person reads, e.g. "Acknowledge"
	 * @param url the signed link that opens its confirmation page
	 */
	public record Action(String label, String url) {
	}

}
