package dev.watchkeeper.oncall;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

import org.springframework.core.io.ClassPathResource;

/**
 * The handbook's default escalation policy, read from {@value #RESOURCE} and checked by
 * the same rules as any saved policy.
 */
final class DefaultEscalationPolicy {

	static final String RESOURCE = "oncall/default-escalation-policy.yaml";

	private DefaultEscalationPolicy() {
	}

	static EscalationPolicy load(UUID id) {
		String text;
		try (InputStream in = new ClassPathResource(RESOURCE).getInputStream()) {
			text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot read " + RESOURCE, ex);
		}
		return parse(id, text);
	}

	@SuppressWarnings("unchecked")
	static EscalationPolicy parse(UUID id, String text) {
		Map<String, Object> document = (Map<String, Object>) new Yaml(new SafeConstructor(new LoaderOptions()))
			.load(text);
		List<EscalationPolicyDraft.StepDraft> steps = new ArrayList<>();
		for (Object step : (List<Object>) document.get("steps")) {
			Map<String, Object> fields = (Map<String, Object>) step;
			List<EscalationTarget> targets = new ArrayList<>();
			for (Object target : (List<Object>) fields.get("targets")) {
				Map<String, Object> t = (Map<String, Object>) target;
				targets.add(new EscalationTarget(String.valueOf(t.get("kind")), String.valueOf(t.get("ref"))));
			}
			steps.add(new EscalationPolicyDraft.StepDraft(targets, String.valueOf(fields.get("timeout"))));
		}
		var draft = new EscalationPolicyDraft((String) document.get("name"), (String) document.get("description"),
				(Integer) document.get("repeat"), steps);
		// the shipped default names roles, never particular users or schedules
		var parsed = PolicyRules.parse(draft,
				new PolicyRules.Lookups(user -> false, schedule -> Optional.empty(), Optional::of));
		return new EscalationPolicy(id, parsed.name(), parsed.description(), parsed.repeat(), parsed.steps(), true,
				null, null);
	}

}
