package dev.watchkeeper.notification;

import java.time.Instant;
import java.util.UUID;

/**
 * A channel with its secrets in the clear; never leaves the module in this form (the API
 * shows {@link ChannelView}).
 */
record Channel(UUID id, String name, String kind, boolean sendResolved, ChannelConfig config, Instant createdAt,
		Instant updatedAt) {
}
