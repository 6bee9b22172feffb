package dev.watchkeeper.notification;

import dev.watchkeeper.platform.WakeUpSignal;

import org.springframework.stereotype.Component;

/**
 * Wakes the delivery workers of this node as soon as a transaction that enqueued a
 * delivery commits, so a notice leaves within milliseconds instead of at the next poll.
 */
@Component
class DeliverySignal extends WakeUpSignal {

}
