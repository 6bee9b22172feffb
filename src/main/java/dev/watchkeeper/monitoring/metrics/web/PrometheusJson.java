package dev.watchkeeper.monitoring.metrics.web;

import java.util.List;

import dev.watchkeeper.monitoring.metrics.Labels;
import dev.watchkeeper.monitoring.metrics.promql.Numbers;
import dev.watchkeeper.monitoring.metrics.promql.Value;

/**
 * Writes results in the JSON of Prometheus's HTTP API: times as seconds with millisecond
 * fractions, values as strings formatted as Go formats floats.
 */
final class PrometheusJson {

	private PrometheusJson() {
	}

	static String success(Value value, long evalMillis) {
		StringBuilder sb = new StringBuilder(256);
		sb.append("{\"status\":\"success\",\"data\":{\"resultType\":\"")
			.append(value.type().resultType())
			.append("\",\"result\":");
		switch (value) {
			case Value.Scalar s -> point(sb, evalMillis, s.value());
			case Value.StringValue s -> {
				sb.append('[');
				time(sb, evalMillis);
				sb.append(',');
				string(sb, s.value());
				sb.append(']');
			}
			case Value.Vector v -> {
				sb.append('[');
				boolean first = true;
				for (Value.Sample s : v.samples()) {
					sb.append(first ? "" : ",").append("{\"metric\":");
					labels(sb, s.labels());
					sb.append(",\"value\":");
					point(sb, evalMillis, s.value());
					sb.append('}');
					first = false;
				}
				sb.append(']');
			}
			case Value.Matrix m -> matrix(sb, m);
		}
		return sb.append("}}").toString();
	}

	private static void matrix(StringBuilder sb, Value.Matrix m) {
		sb.append('[');
		boolean first = true;
		for (Value.Series s : m.series()) {
			sb.append(first ? "" : ",").append("{\"metric\":");
			labels(sb, s.labels());
			sb.append(",\"values\":[");
			for (int i = 0; i < s.size(); i++) {
				if (i > 0) {
					sb.append(',');
				}
				point(sb, s.timestamps()[i], s.values()[i]);
			}
			sb.append("]}");
			first = false;
		}
		sb.append(']');
	}

	static String labelSets(List<Labels> series) {
		StringBuilder sb = new StringBuilder("{\"status\":\"success\",\"data\":[");
		for (int i = 0; i < series.size(); i++) {
			if (i > 0) {
				sb.append(',');
			}
			labels(sb, series.get(i));
		}
		return sb.append("]}").toString();
	}

	static String strings(List<String> values) {
		StringBuilder sb = new StringBuilder("{\"status\":\"success\",\"data\":[");
		for (int i = 0; i < values.size(); i++) {
			if (i > 0) {
				sb.append(',');
			}
			string(sb, values.get(i));
		}
		return sb.append("]}").toString();
	}

	static String error(String type, String message) {
		StringBuilder sb = new StringBuilder("{\"status\":\"error\",\"errorType\":\"").append(type)
			.append("\",\"error\":");
		string(sb, message);
		return sb.append('}').toString();
	}

	private static void point(StringBuilder sb, long millis, double value) {
		sb.append('[');
		time(sb, millis);
		sb.append(",\"").append(Numbers.format(value)).append("\"]");
	}

	/** Seconds with the milliseconds as a fraction, written as Prometheus writes them. */
	static void time(StringBuilder sb, long millis) {
		if (millis < 0) {
			sb.append('-');
			millis = -millis;
		}
		sb.append(millis / 1000);
		long fraction = millis % 1000;
		if (fraction != 0) {
			sb.append('.');
			if (fraction < 100) {
				sb.append('0');
			}
			if (fraction < 10) {
				sb.append('0');
			}
			sb.append(fraction);
		}
	}

	private static void labels(StringBuilder sb, Labels labels) {
		sb.append('{');
		for (int i = 0; i < labels.size(); i++) {
			if (i > 0) {
				sb.append(',');
			}
			string(sb, labels.name(i));
			sb.append(':');
			string(sb, labels.value(i));
		}
		sb.append('}');
	}

	static void string(StringBuilder sb, String s) {
		sb.append('"');
		for (int i = 0; i < s.length(); i++) {
			char c = s.charAt(i);
			switch (c) {
				case '"' -> sb.append("\\\"");
				case '\\' -> sb.append("\\\\");
				case '\n' -> sb.append("\\n");
				case '\r' -> sb.append("\\r");
				case '\t' -> sb.append("\\t");
				default -> {
					if (c < 0x20) {
						sb.append(String.format("\\u%04x", (int) c));
					}
					else {
						sb.append(c);
					}
				}
			}
		}
		sb.append('"');
	}

}
