package dev.watchkeeper.alerting;

import dev.watchkeeper.platform.WakeUpSignal;

import org.springframework.stereotype.Component;

/**
 * Wakes this node's alert dispatcher at once after a transaction that made a group due.
 */
@Component
class DispatchSignal extends WakeUpSignal {

}
