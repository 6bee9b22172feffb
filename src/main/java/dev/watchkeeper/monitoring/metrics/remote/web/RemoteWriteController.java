package dev.watchkeeper.monitoring.metrics.remote.web;

import dev.watchkeeper.identity.IntegrationSender;
import dev.watchkeeper.monitoring.metrics.remote.RemoteWrite;
import dev.watchkeeper.platform.DomainException;
import dev.watchkeeper.platform.web.Problems;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.ExampleObject;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

/**
 * Prometheus's remote-write receiver, so that a Prometheus in agent mode, Grafana Agent
 * or an OpenTelemetry collector can push samples. Posting needs an integration key or the
 * API token of a responder, decided before the body is read.
 */
@RestController
@Tag(name = "Metrics (Prometheus API)")
class RemoteWriteController {

	private static final String V2 = "io.prometheus.write.v2.request";

	private final RemoteWrite remoteWrite;

	RemoteWriteController(RemoteWrite remoteWrite) {
		this.remoteWrite = remoteWrite;
	}

	@PostMapping(path = "/prometheus/api/v1/write")
	// the machine chain decides before the body is read; this holds should that rule
	// change
	@PreAuthorize("hasRole('RESPONDER') or hasAuthority('" + IntegrationSender.AUTHORITY + "')")
	@Operation(summary = "Receive samples by Prometheus remote write 1.0",
			description = "A snappy-compressed (block format) protobuf WriteRequest, as Prometheus sends with "
					+ "remote_write (Content-Encoding: snappy, Content-Type: application/x-protobuf). The whole "
					+ "request is checked before any sample is stored; samples older than a series' last sample "
					+ "are skipped and counted. Remote write 2.0 is refused with 415.")
	@ApiResponse(responseCode = "204", description = "stored")
	@ApiResponse(responseCode = "400", description = "not snappy or not a WriteRequest",
			content = @Content(mediaType = "application/problem+json", examples = @ExampleObject(
					value = """
							{"type":"urn:watchkeeper:problem:invalid-input","status":400,"detail":"body: snappy: invalid copy offset or length"}""")))
	ResponseEntity<Void> write(@RequestHeader(name = "Content-Encoding", required = false) String encoding,
			@RequestHeader(name = "Content-Type", required = false) String contentType,
			@RequestBody(required = false) @io.swagger.v3.oas.annotations.parameters.RequestBody(
					content = @Content(mediaType = "application/x-protobuf")) byte[] body) {
		if (contentType != null && contentType.toLowerCase(java.util.Locale.ROOT).contains(V2)) {
			throw new UnsupportedVersion();
		}
		if (encoding != null && !encoding.isBlank() && !"snappy".equalsIgnoreCase(encoding.strip())) {
			throw DomainException.invalid("Content-Encoding", "must be snappy, not " + encoding);
		}
		remoteWrite.write(body == null ? new byte[0] : body);
		return ResponseEntity.noContent().build();
	}

	/** Remote write 2.0, which this receiver does not speak. */
	static final class UnsupportedVersion extends RuntimeException {

		private static final long serialVersionUID = 1L;

		UnsupportedVersion() {
			super(null, null, false, false);
		}

	}

	@ExceptionHandler(UnsupportedVersion.class)
	ResponseEntity<ProblemDetail> unsupported() {
		return ResponseEntity.status(HttpStatus.UNSUPPORTED_MEDIA_TYPE)
			.contentType(org.springframework.http.MediaType.APPLICATION_PROBLEM_JSON)
			.body(Problems.of(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "unsupported-media-type",
					"only remote write 1.0 (prometheus.WriteRequest) is received"));
	}

	/** Prometheus's senders expect 400 for a request they should not retry. */
	@ExceptionHandler(DomainException.class)
	ResponseEntity<ProblemDetail> invalid(DomainException ex) {
		return Problems.of(ex, HttpStatus.BAD_REQUEST);
	}

}
