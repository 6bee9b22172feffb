package dev.watchkeeper.platform.web;

import java.io.IOException;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.servlet.HandlerMapping;

/**
 * Counts and times every request as {@code http_requests_total} and the histogram
 * {@code http_request_duration_seconds}, labelled by method, route template and status,
 * so the handbook's own alert rules (error rate, p95 latency) can watch Watchkeeper; and
 * writes one access log line per request. Successful alert intake (machines posting
 * batches many times a second) is logged at DEBUG; its failures at INFO like every other
 * request.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 1)
class HttpMetricsFilter extends OncePerRequestFilter {

	private static final Logger access = LoggerFactory.getLogger("dev.watchkeeper.access");

	private static final Duration[] BUCKETS = { Duration.ofMillis(5), Duration.ofMillis(10), Duration.ofMillis(25),
			Duration.ofMillis(50), Duration.ofMillis(100), Duration.ofMillis(200), Duration.ofMillis(300),
			Duration.ofMillis(500), Duration.ofMillis(750), Duration.ofSeconds(1), Duration.ofMillis(2500),
			Duration.ofSeconds(5), Duration.ofSeconds(10) };

	private final MeterRegistry registry;

	/** The counter and timer of each method, route and status, looked up once. */
	private final Map<String, Meters> meters = new ConcurrentHashMap<>();

	private record Meters(Counter requests, Timer duration) {
	}

	HttpMetricsFilter(MeterRegistry registry) {
		this.registry = registry;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		long start = System.nanoTime();
		try {
			chain.doFilter(request, response);
		}
		finally {
			long elapsed = System.nanoTime() - start;
			String route = route(request, response.getStatus());
			int code = response.getStatus();
			String method = request.getMethod();
			Meters meter = meters.computeIfAbsent(method + ' ' + code + ' ' + route,
					key -> meters(method, route, Integer.toString(code)));
			meter.requests().increment();
			meter.duration().record(elapsed, TimeUnit.NANOSECONDS);
			boolean machineIntake = code < 400 && IntakePaths.isIntake(method, route);
			if (machineIntake) {
				if (access.isDebugEnabled()) {
					access.debug("{} {} {} {}ms", method, request.getRequestURI(), code, elapsed / 1_000_000);
				}
			}
			else if (access.isInfoEnabled() && !quiet(route)) {
				access.info("{} {} {} {}ms", method, logged(request, route), code, elapsed / 1_000_000);
			}
		}
	}

	private Meters meters(String method, String route, String status) {
		return new Meters(
				Counter.builder("http.requests")
					.description("HTTP requests served")
					.tags("method", method, "route", route, "status", status)
					.register(registry),
				Timer.builder("http.request.duration")
					.description("HTTP request duration")
					.tags("method", method, "route", route, "status", status)
					.serviceLevelObjectives(BUCKETS)
					.register(registry));
	}

	/**
	 * The route template keeps label cardinality bounded; unmatched paths share one
	 * label.
	 */
	private static String route(HttpServletRequest request, int status) {
		Object pattern = request.getAttribute(HandlerMapping.BEST_MATCHING_PATTERN_ATTRIBUTE);
		if (pattern != null) {
			return pattern.toString();
		}
		return status == 404 ? "NOT_FOUND" : "UNMATCHED";
	}

	/**
	 * The path as logged: a route whose path carries a secret (a calendar feed's
	 * {@code {token}}) is logged by its template, so the secret stays out of the logs.
	 */
	private static String logged(HttpServletRequest request, String route) {
		return route.contains("{token}") ? route : request.getRequestURI();
	}

	private static boolean quiet(String route) {
		return route.startsWith("/health") || route.equals("/metrics") || route.startsWith("/webjars")
				|| route.startsWith("/css") || route.startsWith("/js");
	}

}
