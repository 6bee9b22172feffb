package dev.watchkeeper.catalog.web;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import dev.watchkeeper.catalog.Service;
import dev.watchkeeper.catalog.ServiceDraft;
import dev.watchkeeper.platform.DomainException;

/**
 * The service form as the browser posts it: tags comma-separated, one URL field per
 * environment.
 *
 * @param slug slug
 * @param name name
 * @param description description
 * @param ownerTeamId team id or empty
 * @param tier 1 to 4
 * @param runbookUrl runbook URL
 * @param tags comma-separated tags
 * @param developmentUrl URL in development
 * @param stagingUrl URL in staging
 * @param productionUrl URL in production
 */
record ServiceForm(String slug, String name, String description, String ownerTeamId, String tier, String runbookUrl,
		String tags, String developmentUrl, String stagingUrl, String productionUrl) {

	static ServiceForm empty() {
		return new ServiceForm("", "", "", "", "3", "", "", "", "", "");
	}

	static ServiceForm of(Service service) {
		return new ServiceForm(service.slug(), service.name(), nullToEmpty(service.description()),
				service.ownerTeamId() == null ? "" : service.ownerTeamId().toString(), Integer.toString(service.tier()),
				nullToEmpty(service.runbookUrl()), String.join(", ", service.tags()), url(service, "development"),
				url(service, "staging"), url(service, "production"));
	}

	/** The draft, or the form's own field errors when a value cannot even be read. */
	ServiceDraft draft() {
		Map<String, String> errors = new LinkedHashMap<>();
		UUID team = null;
		if (ownerTeamId != null && !ownerTeamId.isBlank()) {
			try {
				team = UUID.fromString(ownerTeamId.trim());
			}
			catch (IllegalArgumentException ex) {
				errors.put("ownerTeamId", "choose a team from the list");
			}
		}
		Integer tierValue = null;
		try {
			tierValue = tier == null || tier.isBlank() ? null : Integer.valueOf(tier.trim());
		}
		catch (NumberFormatException ex) {
			errors.put("tier", "must be 1 (most critical) to 4");
		}
		if (!errors.isEmpty()) {
			throw DomainException.invalid(errors);
		}
		List<String> tagList = tags == null || tags.isBlank() ? List.of()
				: Arrays.stream(tags.split(",")).map(String::trim).filter(t -> !t.isEmpty()).toList();
		return new ServiceDraft(slug == null ? null : slug.trim(), name, description, team, tierValue, runbookUrl,
				tagList, environments());
	}

	private List<Service.Environment> environments() {
		List<Service.Environment> environments = new ArrayList<>();
		addIfSet(environments, "development", developmentUrl);
		addIfSet(environments, "staging", stagingUrl);
		addIfSet(environments, "production", productionUrl);
		return environments;
	}

	/** Maps the draft's field names (environments[1].url) back to this form's fields. */
	Map<String, String> formErrors(List<DomainException.FieldError> errors) {
		List<String> present = environments().stream().map(Service.Environment::name).toList();
		Map<String, String> mapped = new LinkedHashMap<>();
		for (var error : errors) {
			String field = error.field();
			if (field.startsWith("environments[")) {
				int index = Integer.parseInt(field.substring(13, field.indexOf(']')));
				field = index < present.size() ? present.get(index) + "Url" : "environments";
			}
			else if (field.startsWith("tags[")) {
				field = "tags";
			}
			mapped.putIfAbsent(field, error.message());
		}
		return mapped;
	}

	private static void addIfSet(List<Service.Environment> environments, String name, String url) {
		if (url != null && !url.isBlank()) {
			environments.add(new Service.Environment(name, url.trim()));
		}
	}

	private static String url(Service service, String environment) {
		return service.environment(environment).map(Service.Environment::url).map(ServiceForm::nullToEmpty).orElse("");
	}

	private static String nullToEmpty(String value) {
		return value == null ? "" : value;
	}

}
