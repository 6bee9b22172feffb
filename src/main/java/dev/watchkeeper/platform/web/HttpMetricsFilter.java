package dev.watchkeeper.platform.web;

import java.io.IOException;
import java.time.Duration;

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
 * writes one access log line per request.
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
			String status = Integer.toString(response.getStatus());
			Counter.builder("http.requests")
				.description("HTTP requests served")
				.tags("method", request.getMethod(), "route", route, "status", status)
				.register(registry)
				.increment();
			Timer.builder("http.request.duration")
				.description("HTTP request duration")
				.tags("method", request.getMethod(), "route", route, "status", status)
				.serviceLevelObjectives(BUCKETS)
				.register(registry)
				.record(Duration.ofNanos(elapsed));
			if (access.isInfoEnabled() && !quiet(route)) {
				access.info("{} {} {} {}ms", request.getMethod(), request.getRequestURI(), status, elapsed / 1_000_000);
			}
		}
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

	private static boolean quiet(String route) {
		return route.startsWith("/health") || route.equals("/metrics") || route.startsWith("/webjars")
				|| route.startsWith("/css") || route.startsWith("/js");
	}

}
