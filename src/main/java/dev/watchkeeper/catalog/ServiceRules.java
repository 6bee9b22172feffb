package dev.watchkeeper.catalog;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/** What a valid service looks like; every broken rule is reported at once. */
final class ServiceRules {

	static final Pattern SLUG = Pattern.compile("[a-z0-9][a-z0-9-]{0,62}");

	static final Pattern TAG = Pattern.compile("[a-z0-9][a-z0-9._:-]{0,62}");

	static final int MAX_TAGS = 20;

	private ServiceRules() {
	}

	static Map<String, String> check(ServiceDraft draft) {
		Map<String, String> errors = new LinkedHashMap<>();
		if (draft.slug() == null || !SLUG.matcher(draft.slug()).matches()) {
			errors.put("slug",
					"must be 1 to 63 lower-case letters, digits and dashes, starting with a letter or digit");
		}
		if (draft.name() == null || draft.name().isBlank() || draft.name().length() > 200) {
			errors.put("name", "must be 1 to 200 characters");
		}
		if (draft.description() != null && draft.description().length() > 2000) {
			errors.put("description", "must be at most 2000 characters");
		}
		if (draft.tier() != null && (draft.tier() < 1 || draft.tier() > 4)) {
			errors.put("tier", "must be 1 (most critical) to 4");
		}
		if (draft.runbookUrl() != null && !draft.runbookUrl().isBlank() && !isWebUrl(draft.runbookUrl())) {
			errors.put("runbookUrl", "must be an absolute http or https URL");
		}
		List<String> tags = draft.tags() == null ? List.of() : draft.tags();
		if (tags.size() > MAX_TAGS) {
			errors.put("tags", "must be at most " + MAX_TAGS);
		}
		for (int i = 0; i < tags.size(); i++) {
			if (tags.get(i) == null || !TAG.matcher(tags.get(i)).matches()) {
				errors.put("tags[" + i + "]", "must be lower-case letters, digits, '.', '_', ':' or '-'");
			}
		}
		List<Service.Environment> environments = draft.environments() == null ? List.of() : draft.environments();
		Set<String> seen = new HashSet<>();
		for (int i = 0; i < environments.size(); i++) {
			Service.Environment environment = environments.get(i);
			if (environment == null || !Service.ENVIRONMENTS.contains(environment.name())) {
				errors.put("environments[" + i + "].name", "must be development, staging or production");
			}
			else if (!seen.add(environment.name())) {
				errors.put("environments[" + i + "].name", "is listed twice");
			}
			if (environment != null && environment.url() != null && !environment.url().isBlank()
					&& !isWebUrl(environment.url())) {
				errors.put("environments[" + i + "].url", "must be an absolute http or https URL");
			}
		}
		return errors;
	}

	static boolean isWebUrl(String value) {
		try {
			URI uri = new URI(value.trim());
			return ("http".equals(uri.getScheme()) || "https".equals(uri.getScheme())) && uri.getHost() != null;
		}
		catch (URISyntaxException ex) {
			return false;
		}
	}

}
