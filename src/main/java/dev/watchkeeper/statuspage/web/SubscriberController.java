package dev.watchkeeper.statuspage.web;

import java.util.UUID;

import dev.watchkeeper.platform.PageQuery;
import dev.watchkeeper.statuspage.Subscriber;
import dev.watchkeeper.statuspage.Subscriptions;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Status page subscribers for managers: list and remove. */
@RestController
@Tag(name = "Status page subscribers")
class SubscriberController {

	private final Subscriptions subscriptions;

	SubscriberController(Subscriptions subscriptions) {
		this.subscriptions = subscriptions;
	}

	@GetMapping("/api/v1/statuspage/subscribers")
	@PreAuthorize("hasRole('MANAGER')")
	@Operation(summary = "List subscribers", description = "Newest first; confirmedAt is null while pending.")
	PageQuery.Page<Subscriber> list(@RequestParam(required = false) Integer page,
			@RequestParam(required = false) Integer size) {
		return subscriptions.list(PageQuery.of(page, size));
	}

	@DeleteMapping("/api/v1/statuspage/subscribers/{id}")
	@PreAuthorize("hasRole('MANAGER')")
	@Operation(summary = "Remove a subscriber")
	ResponseEntity<Void> delete(@PathVariable UUID id) {
		subscriptions.delete(id);
		return ResponseEntity.noContent().build();
	}

}
