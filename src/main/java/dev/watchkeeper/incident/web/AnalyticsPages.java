package dev.watchkeeper.incident.web;

import java.time.Duration;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.watchkeeper.incident.Durations;
import dev.watchkeeper.incident.IncidentAnalytics;
import dev.watchkeeper.incident.ResponseReport;
import dev.watchkeeper.incident.ResponseStats;
import dev.watchkeeper.platform.DomainException;
import jakarta.servlet.http.HttpServletResponse;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** Response analytics in the UI: numbers, tables and charts for a chosen period. */
@Controller
@PreAuthorize("hasRole('VIEWER')")
class AnalyticsPages {

	private final IncidentAnalytics analytics;

	private final Periods periods;

	private final JsonMapper json;

	private final java.time.Clock clock;

	AnalyticsPages(IncidentAnalytics analytics, Periods periods, JsonMapper json, java.time.Clock clock) {
		this.analytics = analytics;
		this.periods = periods;
		this.json = json;
		this.clock = clock;
	}

	/**
	 * One row of a table.
	 *
	 * @param label the group
	 * @param incidents how many
	 * @param mtta mean time to acknowledge, in words
	 * @param mttr mean time to resolve, in words
	 * @param acknowledgedWithinTarget share in percent, or —
	 * @param resolvedWithinTarget share in percent, or —
	 */
	record Line(String label, long incidents, String mtta, String mttr, String acknowledgedWithinTarget,
			String resolvedWithinTarget) {

		static Line of(String label, ResponseStats stats) {
			return new Line(label, stats.incidents(), Durations.human(stats.mtta()), Durations.human(stats.mttr()),
					percent(stats.acknowledgedWithinTargetShare()), percent(stats.resolvedWithinTargetShare()));
		}

	}

	/**
	 * A breakdown: its table and its chart.
	 *
	 * @param title what it is per
	 * @param id a slug for element ids
	 * @param lines the table
	 * @param chart the chart's data as JSON, for incidents.js
	 */
	record Breakdown(String title, String id, List<Line> lines, String chart) {
	}

	/**
	 * One person's pages in the period.
	 *
	 * @param name who
	 * @param timeZone the zone off-hours are counted in
	 * @param pages pages sent
	 * @param offHoursPages of those, off-hours
	 * @param offHoursShare off-hours share in percent, or —
	 * @param incidents incidents they were paged for
	 */
	record PersonLine(String name, String timeZone, long pages, long offHoursPages, String offHoursShare,
			long incidents) {

		static PersonLine of(ResponseReport.PersonPages person) {
			return new PersonLine(person.label(), person.timeZone(), person.pages(), person.offHoursPages(),
					percent(person.pages() == 0 ? null : (double) person.offHoursPages() / person.pages()),
					person.incidents());
		}

	}

	@GetMapping("/incidents/analytics")
	String page(@RequestParam(required = false) String from, @RequestParam(required = false) String to, Model model,
			HttpServletResponse response) {
		LocalDate today = LocalDate.ofInstant(clock.instant(), periods.zone());
		String fromDay = from == null || from.isBlank() ? today.minusDays(29).toString() : from.trim();
		String toDay = to == null || to.isBlank() ? today.toString() : to.trim();
		model.addAttribute("from", fromDay);
		model.addAttribute("to", toDay);
		try {
			var period = periods.read(fromDay, toDay);
			ResponseReport report = analytics.report(period.from(), period.to());
			model.addAttribute("overall", Line.of("All incidents", report.overall()));
			model.addAttribute("breakdowns",
					List.of(breakdown("By severity", "severity", report.bySeverity()),
							breakdown("By service", "service", report.byService()),
							breakdown("By owner team", "team", report.byTeam())));
			model.addAttribute("people", report.byPerson().stream().map(PersonLine::of).toList());
			model.addAttribute("peopleChart", peopleChart(report.byPerson()));
		}
		catch (DomainException ex) {
			response.setStatus(422);
			model.addAttribute("error", ex.getMessage());
			model.addAttribute("breakdowns", List.of());
		}
		return "incident/analytics";
	}

	private Breakdown breakdown(String title, String id, List<ResponseReport.Group> groups) {
		List<Line> lines = groups.stream().map(g -> Line.of(g.label(), g.stats())).toList();
		Map<String, Object> chart = new LinkedHashMap<>();
		chart.put("labels", groups.stream().map(ResponseReport.Group::label).toList());
		chart.put("unit", "minutes");
		chart.put("datasets",
				List.of(Map.of("label", "MTTA", "backgroundColor", "#0b5cad", "data",
						groups.stream().map(g -> minutes(g.stats().mtta())).toList()),
						Map.of("label", "MTTR", "backgroundColor", "#e8590c", "data",
								groups.stream().map(g -> minutes(g.stats().mttr())).toList())));
		return new Breakdown(title, id, lines, json.writeValueAsString(chart));
	}

	private String peopleChart(List<ResponseReport.PersonPages> people) {
		Map<String, Object> chart = new LinkedHashMap<>();
		chart.put("labels", people.stream().map(ResponseReport.PersonPages::label).toList());
		chart.put("unit", "pages");
		chart.put("datasets",
				List.of(Map.of("label", "Working hours", "backgroundColor", "#0b5cad", "data",
						people.stream().map(p -> p.pages() - p.offHoursPages()).toList()),
						Map.of("label", "Off-hours", "backgroundColor", "#b42318", "data",
								people.stream().map(ResponseReport.PersonPages::offHoursPages).toList())));
		return json.writeValueAsString(chart);
	}

	private static double minutes(Duration duration) {
		return duration == null ? 0 : Math.round(duration.toSeconds() / 6.0) / 10.0;
	}

	private static String percent(Double share) {
		return share == null ? "—" : Math.round(share * 1000) / 10.0 + " %";
	}

}
