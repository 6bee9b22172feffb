package dev.watchkeeper.oncall.web;

import java.time.Instant;

import dev.watchkeeper.oncall.Feeds;
import io.swagger.v3.oas.annotations.media.Schema;

import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/**
 * A calendar feed's secret link.
 *
 * @param url subscribe to it in a calendar app
 * @param createdAt when the link was made
 */
@Schema(example = """
		{"url":"https://watchkeeper.example.com/oncall/ical/Zq3…Xw.ics","createdAt":"2026-11-25T09:00:00Z"}""")
record FeedView(String url, Instant createdAt) {

	static FeedView of(Feeds.FeedLink link) {
		return new FeedView(url(link.token()), link.createdAt());
	}

	/** The link as the caller reaches this Watchkeeper. */
	static String url(String token) {
		return ServletUriComponentsBuilder.fromCurrentContextPath()
			.path("/oncall/ical/{token}.ics")
			.buildAndExpand(token)
			.toUriString();
	}

}
