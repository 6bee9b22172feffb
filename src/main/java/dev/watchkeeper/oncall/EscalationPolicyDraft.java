package dev.watchkeeper.oncall;

import java.util.List;

import io.swagger.v3.oas.annotations.media.Schema;

/**
 * An escalation policy as written by people.
 *
 * @param name unique name
 * @param description when to use it
 * @param repeat how many times the steps run again after the last, 0 to 9
 * @param steps the steps in order
 */
@Schema(example = """
		{"name":"Payments out of hours","repeat":1,"steps":[
		  {"targets":[{"kind":"schedule","ref":"3f1a…"}],"timeout":"5m"},
		  {"targets":[{"kind":"team_role","ref":"lead"},{"kind":"user","ref":"0c1d…"}],"timeout":"10m"},
		  {"targets":[{"kind":"org_role","ref":"CTO"}],"timeout":"30m"}]}""")
public record EscalationPolicyDraft(String name, String description, Integer repeat, List<StepDraft> steps) {

	/**
	 * One step.
	 *
	 * @param targets whom to page
	 * @param timeout how long to wait, e.g. 5m, 1h or PT15M
	 */
	public record StepDraft(List<EscalationTarget> targets, String timeout) {
	}

}
