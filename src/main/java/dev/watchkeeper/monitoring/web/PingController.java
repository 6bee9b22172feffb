package dev.watchkeeper.monitoring.web;

import java.io.IOException;
import java.io.InputStream;
import java.util.UUID;

import dev.watchkeeper.monitoring.Heartbeats;
import dev.watchkeeper.monitoring.MonitoringSettings;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.ExampleObject;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The Healthchecks.io ping API for heartbeat checks: {@code /ping/<key>} (success),
 * {@code /start}, {@code /fail}, {@code /log} and {@code /<exit-status>}, by GET, POST or
 * HEAD, answered {@code OK} as text. The key is the secret: no sign-in, no CSRF token. A
 * body over the limit is cut off, not refused.
 */
@RestController
@Tag(name = "Heartbeat pings")
class PingController {

	private final Heartbeats heartbeats;

	private final MonitoringSettings settings;

	PingController(Heartbeats heartbeats, MonitoringSettings settings) {
		this.heartbeats = heartbeats;
		this.settings = settings;
	}

	@RequestMapping(path = "/ping/{uuid}", method = { RequestMethod.GET, RequestMethod.POST, RequestMethod.HEAD },
			produces = MediaType.TEXT_PLAIN_VALUE)
	@Operation(summary = "Report a successful run",
			description = "curl -fsS -m 10 --retry 5 http://localhost:8000/ping/<key>?rid=$RID — the body (e.g. the job's "
					+ "output) is kept up to the ping body limit.",
			responses = {
					@ApiResponse(responseCode = "200",
							content = @Content(mediaType = "text/plain", examples = @ExampleObject("OK"))),
					@ApiResponse(responseCode = "404", description = "no check has this key",
							content = @Content(mediaType = "text/plain", examples = @ExampleObject("not found"))) })
	ResponseEntity<String> success(@PathVariable String uuid,
			@Parameter(description = "run id pairing this finish with its start",
					example = "7e1a3b1e-2a4f-4a52-9d1b-0c3f5d2e9a10") @RequestParam(required = false) String rid,
			HttpServletRequest request) throws IOException {
		return handle(uuid, "", rid, request);
	}

	@RequestMapping(path = "/ping/{uuid}/{signal}",
			method = { RequestMethod.GET, RequestMethod.POST, RequestMethod.HEAD },
			produces = MediaType.TEXT_PLAIN_VALUE)
	@Operation(summary = "Report a start, failure, log line or exit status",
			description = "signal: start, fail, log, or an exit status 0-255 (0 is success). "
					+ "curl -fsS http://localhost:8000/ping/<key>/start?rid=$RID",
			responses = {
					@ApiResponse(responseCode = "200",
							content = @Content(mediaType = "text/plain", examples = @ExampleObject("OK"))),
					@ApiResponse(responseCode = "404", description = "no check has this key, or not a signal",
							content = @Content(mediaType = "text/plain", examples = @ExampleObject("not found"))) })
	ResponseEntity<String> signal(@PathVariable String uuid, @Parameter(example = "start") @PathVariable String signal,
			@Parameter(description = "run id pairing a start with its finish",
					example = "7e1a3b1e-2a4f-4a52-9d1b-0c3f5d2e9a10") @RequestParam(required = false) String rid,
			HttpServletRequest request) throws IOException {
		return handle(uuid, signal, rid, request);
	}

	private ResponseEntity<String> handle(String key, String signal, String rid, HttpServletRequest request)
			throws IOException {
		UUID checkKey = uuid(key);
		if (checkKey == null || !Heartbeats.isSignal(signal)) {
			return text(HttpStatus.NOT_FOUND, "not found");
		}
		UUID runId = null;
		if (rid != null && !rid.isEmpty()) {
			runId = uuid(rid);
			if (runId == null) {
				return text(HttpStatus.BAD_REQUEST, "invalid rid: must be a UUID");
			}
		}
		byte[] body = read(request.getInputStream(), (int) settings.pingBodyLimit().toBytes() + 1);
		boolean found = heartbeats.ping(checkKey, signal, runId, body, request.getMethod(), request.getRemoteAddr());
		return found ? text(HttpStatus.OK, "OK") : text(HttpStatus.NOT_FOUND, "not found");
	}

	/** Reads at most {@code max} bytes; the rest of a larger body is left unread. */
	private static byte[] read(InputStream in, int max) throws IOException {
		return in.readNBytes(max);
	}

	private static UUID uuid(String value) {
		try {
			return value.length() == 36 ? UUID.fromString(value) : null;
		}
		catch (IllegalArgumentException ex) {
			return null;
		}
	}

	private static ResponseEntity<String> text(HttpStatus status, String body) {
		return ResponseEntity.status(status).contentType(MediaType.TEXT_PLAIN).body(body);
	}

}
