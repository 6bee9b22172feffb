package dev.watchkeeper.oncall;

import java.time.Duration;
import java.util.List;

/**
 * One step of an escalation policy: page every target at once, then wait the timeout
 * before the next step.
 *
 * @param index the step's 0-based position
 * @param targets whom to page
 * @param timeout how long to wait for an acknowledgement
 */
public record EscalationStep(int index, List<EscalationTarget> targets, Duration timeout) {

	public EscalationStep {
		targets = List.copyOf(targets);
	}

}
