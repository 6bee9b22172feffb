package dev.watchkeeper.notification.web;

import java.util.UUID;

import dev.watchkeeper.notification.Deliveries;
import dev.watchkeeper.notification.Delivery;
import dev.watchkeeper.platform.PageQuery;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The delivery log over the API. */
@RestController
@RequestMapping("/api/v1/deliveries")
@Tag(name = "Notification deliveries")
class DeliveryController {

	private final Deliveries deliveries;

	DeliveryController(Deliveries deliveries) {
		this.deliveries = deliveries;
	}

	@GetMapping
	@PreAuthorize("hasRole('VIEWER')")
	@Operation(summary = "List deliveries, newest first",
			description = "Filters: status (pending, succeeded, failed), channel (name). Attempts are in the detail.")
	PageQuery.Page<Delivery> list(@Parameter(example = "failed") @RequestParam(required = false) String status,
			@Parameter(example = "ops-webhook") @RequestParam(required = false) String channel,
			@RequestParam(required = false) Integer page, @RequestParam(required = false) Integer size) {
		return deliveries.list(blank(status) ? null : status.trim(), blank(channel) ? null : channel.trim(),
				PageQuery.of(page, size));
	}

	@GetMapping("/{id}")
	@PreAuthorize("hasRole('VIEWER')")
	@Operation(summary = "One delivery with every attempt (time, status code or error, duration)")
	Delivery get(@PathVariable UUID id) {
		return deliveries.get(id);
	}

	@PostMapping("/{id}/retry")
	@PreAuthorize("hasRole('MANAGER')")
	@Operation(summary = "Retry a failed delivery",
			description = "Due at once, with a fresh retry period; 409 unless the delivery failed.")
	Delivery retry(@PathVariable UUID id) {
		return deliveries.retry(id);
	}

	private static boolean blank(String value) {
		return value == null || value.isBlank();
	}

}
