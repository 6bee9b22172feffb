package dev.watchkeeper.notification.web;

import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import dev.watchkeeper.notification.ChannelDraft;
import dev.watchkeeper.notification.ChannelView;
import dev.watchkeeper.notification.Channels;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Notification channels over the API: managers and admins change them, everyone reads.
 */
@RestController
@RequestMapping("/api/v1/channels")
@Tag(name = "Notification channels")
class ChannelController {

	private final Channels channels;

	ChannelController(Channels channels) {
		this.channels = channels;
	}

	@Schema(description = "Fields by kind: email → recipients; slack, teams, webhook → url (teams: format "
			+ "messagecard|adaptivecard; webhook: signingSecret whsec_…, generated when empty); pagerduty → routingKey "
			+ "and optional url. On update, secrets left empty or sent back masked keep their stored value.",
			example = """
					{"name":"ops-webhook","kind":"webhook","sendResolved":true,"url":"https://hooks.example.com/watchkeeper",
					 "subjectTemplate":"[{{STATUS}}] {{groupLabelValues}}"}""")
	record ChannelRequest(String name, @Schema(allowableValues = {
			"email", "slack", "teams", "webhook", "pagerduty" }) String kind, Boolean sendResolved, String url,
			List<String> recipients, String routingKey, String signingSecret, String format, String subjectTemplate,
			String bodyTemplate){

		ChannelDraft draft() {
			return new ChannelDraft(name, kind, sendResolved, url, recipients, routingKey, signingSecret, format,
					subjectTemplate, bodyTemplate);
		}

	}

	@Schema(example = """
			{"deliveryId":"0b8f6f0e-3f0e-4a53-9d7c-6a1f1d2f9a10","status":"pending","log":"/api/v1/deliveries/0b8f6f0e-3f0e-4a53-9d7c-6a1f1d2f9a10"}""")
	record TestSent(UUID deliveryId, String status, String log) {
	}

	@GetMapping
	@PreAuthorize("hasRole('VIEWER')")
	@Operation(summary = "List channels", description = "Sorted by name; secrets are masked.")
	List<ChannelView> list() {
		return channels.list();
	}

	@PostMapping
	@PreAuthorize("hasRole('MANAGER')")
	@Operation(summary = "Create a channel",
			description = "A webhook channel's signingSecret is shown in full in this answer only; keep it. "
					+ "Duplicate names (ignoring case) answer 409.")
	ResponseEntity<ChannelView> create(@RequestBody ChannelRequest request) {
		ChannelView channel = channels.create(request.draft());
		return ResponseEntity.created(URI.create("/api/v1/channels/" + channel.id())).body(channel);
	}

	@GetMapping("/{id}")
	@PreAuthorize("hasRole('VIEWER')")
	@Operation(summary = "One channel, secrets masked")
	ChannelView get(@PathVariable UUID id) {
		return channels.get(id);
	}

	@PutMapping("/{id}")
	@PreAuthorize("hasRole('MANAGER')")
	@Operation(summary = "Replace a channel", description = "The kind cannot change. Secrets left empty or masked "
			+ "(containing ****) keep their stored value.")
	ChannelView update(@PathVariable UUID id, @RequestBody ChannelRequest request) {
		return channels.update(id, request.draft());
	}

	@DeleteMapping("/{id}")
	@PreAuthorize("hasRole('MANAGER')")
	@Operation(summary = "Delete a channel",
			description = "Its pending deliveries fail; the delivery log keeps their history.")
	ResponseEntity<Void> delete(@PathVariable UUID id) {
		channels.delete(id);
		return ResponseEntity.noContent().build();
	}

	@PostMapping("/{id}/test")
	@PreAuthorize("hasRole('MANAGER')")
	@Operation(summary = "Send a test notification",
			description = "Enqueues a notice marked [TEST] through the normal outbox; follow it in the delivery log.")
	ResponseEntity<TestSent> test(@PathVariable UUID id) {
		UUID delivery = channels.sendTest(id);
		return ResponseEntity.status(HttpStatus.ACCEPTED)
			.body(new TestSent(delivery, "pending", "/api/v1/deliveries/" + delivery));
	}

	static Map<String, String> kinds() {
		return Map.of("email", "Email (SMTP)", "slack", "Slack (incoming webhook)", "teams",
				"Microsoft Teams (incoming webhook or workflow)", "webhook", "Webhook (Standard Webhooks signed)",
				"pagerduty", "PagerDuty (Events API v2)");
	}

}
