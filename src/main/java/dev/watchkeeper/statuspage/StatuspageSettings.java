package dev.watchkeeper.statuspage;

import java.time.Duration;
import java.time.ZoneId;
import java.util.List;
import java.util.regex.Pattern;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Status page settings, bound from {@code watchkeeper.statuspage.*}.
 *
 * @param name shown in the header, title, feed and messages
 * @param url the public page's address, for links in messages, the feed and the API
 * @param logoUrl a logo for the header, empty for none
 * @param brandColor the header background, #rrggbb, with white text on it meeting WCAG AA
 * @param links header links
 * @param timeZone the zone times are shown in
 * @param cacheTtl how long a rendered answer is served before checks are read again
 * @param historyDays how far back resolved incidents are listed
 * @param upcomingDays how far ahead maintenance is listed
 * @param subscribePerHour subscription requests per address and hour
 * @param confirmWithin how long a confirmation link works
 */
@ConfigurationProperties("watchkeeper.statuspage")
public record StatuspageSettings(@DefaultValue("Watchkeeper status") String name,
		@DefaultValue("http://localhost:8000/status") String url, @DefaultValue("") String logoUrl,
		@DefaultValue("#1f4e8c") String brandColor, @DefaultValue List<Link> links,
		@DefaultValue("UTC") String timeZone, @DefaultValue("10s") Duration cacheTtl,
		@DefaultValue("90") int historyDays, @DefaultValue("30") int upcomingDays,
		@DefaultValue("5") int subscribePerHour, @DefaultValue("48h") Duration confirmWithin) {

	private static final Pattern COLOR = Pattern.compile("#[0-9a-fA-F]{6}");

	public StatuspageSettings {
		links = links == null ? List.of() : List.copyOf(links);
		if (!COLOR.matcher(brandColor).matches()) {
			throw new IllegalArgumentException("watchkeeper.statuspage.brand-color must be #rrggbb, not " + brandColor);
		}
		double contrast = Contrast.ratio(brandColor, "#ffffff");
		if (contrast < Contrast.AA_TEXT) {
			throw new IllegalArgumentException("watchkeeper.statuspage.brand-color " + brandColor
					+ " gives white header text a contrast of " + String.format(java.util.Locale.ROOT, "%.2f", contrast)
					+ ":1; WCAG AA needs at least 4.5:1, choose a darker colour");
		}
		ZoneId.of(timeZone);
		if (url.endsWith("/")) {
			url = url.substring(0, url.length() - 1);
		}
		if (historyDays < 1 || upcomingDays < 1 || subscribePerHour < 1) {
			throw new IllegalArgumentException(
					"watchkeeper.statuspage.history-days, upcoming-days and subscribe-per-hour must be at least 1");
		}
	}

	public ZoneId zone() {
		return ZoneId.of(timeZone);
	}

	/**
	 * A link in the header.
	 *
	 * @param label what visitors read
	 * @param url where it goes
	 */
	public record Link(String label, String url) {
	}

}
