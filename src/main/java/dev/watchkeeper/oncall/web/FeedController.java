package dev.watchkeeper.oncall.web;

import java.nio.charset.StandardCharsets;

import dev.watchkeeper.oncall.Feeds;
import dev.watchkeeper.platform.DomainException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;

import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/**
 * iCal feeds behind secret links, for calendar apps that cannot sign in: the link is the
 * credential. Outside the API and the sign-in (see {@link FeedSecurity}), but unknown
 * links are counted per address and refused with 429 past the limit.
 */
@RestController
@Tag(name = "On-call")
class FeedController {

	static final MediaType CALENDAR = new MediaType("text", "calendar", StandardCharsets.UTF_8);

	private final Feeds feeds;

	FeedController(Feeds feeds) {
		this.feeds = feeds;
	}

	@GetMapping("/oncall/ical/{token}.ics")
	@Operation(summary = "An iCal feed of on-call shifts",
			description = "A schedule's shifts or one person's, from two weeks ago to twelve weeks ahead (RFC 5545, "
					+ "times in UTC). No sign-in: the secret link is the credential; get it from "
					+ "/api/v1/schedules/{id}/feed or /api/v1/oncall/feed.")
	ResponseEntity<String> calendar(@Parameter(description = "the link's secret") @PathVariable String token,
			HttpServletRequest request) {
		String body = feeds.calendar(token, request.getRemoteAddr())
			.orElseThrow(() -> DomainException.notFound("Calendar", "link"));
		return ResponseEntity.ok()
			.contentType(CALENDAR)
			.cacheControl(CacheControl.noStore())
			.header("Content-Disposition", "inline; filename=\"on-call.ics\"")
			.body(body);
	}

}
