package dev.watchkeeper.incident;

import java.text.Normalizer;
import java.time.LocalDate;
import java.util.Locale;

/**
 * The incident channel name of handbook 004 §3.8, {@code #incident-YYYY-MM-DD}, with a
 * slug of the title so two incidents of a day stay apart:
 * {@code #incident-2026-11-25-checkout-payments-fail}. Names fit chat systems' rules
 * (lower case, letters, digits and dashes, at most 80 characters).
 */
final class ChannelNames {

	static final int MAX_SLUG = 48;

	private ChannelNames() {
	}

	static String of(LocalDate day, String title, String fallback) {
		String slug = slug(title);
		return "#incident-" + day + "-" + (slug.isEmpty() ? slug(fallback) : slug);
	}

	/**
	 * The same name with a number, for the second incident with the same title that day.
	 */
	static String numbered(String channel, int n) {
		return n < 2 ? channel : channel + "-" + n;
	}

	static String slug(String text) {
		if (text == null) {
			return "";
		}
		String ascii = Normalizer.normalize(text, Normalizer.Form.NFKD).replaceAll("\\p{M}+", "");
		String slug = ascii.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("^-+|-+$", "");
		if (slug.length() > MAX_SLUG) {
			slug = slug.substring(0, MAX_SLUG);
			int dash = slug.lastIndexOf('-');
			slug = (dash > MAX_SLUG / 2 ? slug.substring(0, dash) : slug).replaceAll("-+$", "");
		}
		return slug;
	}

}
