package dev.watchkeeper.platform.web;

import java.io.IOException;
import java.util.HexFormat;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Pattern;

import dev.watchkeeper.platform.RequestOrigin;
import dev.watchkeeper.platform.logging.LogContext;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.MDC;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Gives every request an {@code X-Request-ID} (the caller's if it is sane, a new UUID
 * otherwise), echoes it, takes the trace id of a W3C {@code traceparent}, and puts both
 * with the client address into the log context and {@link RequestOrigin}.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
public class RequestOriginFilter extends OncePerRequestFilter {

	public static final String REQUEST_ID_HEADER = "X-Request-ID";

	private static final Pattern SANE_REQUEST_ID = Pattern.compile("[A-Za-z0-9._:\\-]{1,128}");

	private static final Pattern TRACEPARENT = Pattern
		.compile("([0-9a-f]{2})-([0-9a-f]{32})-([0-9a-f]{16})-([0-9a-f]{2})");

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		String requestId = request.getHeader(REQUEST_ID_HEADER);
		if (requestId == null || !SANE_REQUEST_ID.matcher(requestId).matches()) {
			requestId = UUID.randomUUID().toString();
		}
		response.setHeader(REQUEST_ID_HEADER, requestId);
		String traceId = null;
		String parentSpan = null;
		String traceparent = request.getHeader("traceparent");
		if (traceparent != null) {
			var matcher = TRACEPARENT.matcher(traceparent.trim());
			if (matcher.matches() && !"ff".equals(matcher.group(1)) && !matcher.group(2).matches("0+")) {
				traceId = matcher.group(2);
				parentSpan = matcher.group(3);
			}
		}
		if (traceId == null) {
			traceId = randomHex(16);
		}
		String userAgent = request.getHeader("User-Agent");
		var origin = new RequestOrigin(requestId, traceId, request.getRemoteAddr(), userAgent);
		MDC.put(LogContext.REQUEST_ID, requestId);
		MDC.put(LogContext.TRACE_ID, traceId);
		if (parentSpan != null) {
			MDC.put(LogContext.SPAN_ID, parentSpan);
		}
		MDC.put(LogContext.IP_ADDRESS, request.getRemoteAddr());
		if (userAgent != null) {
			MDC.put(LogContext.USER_AGENT, userAgent);
		}
		try {
			origin.runWith(() -> chain.doFilter(request, response));
		}
		catch (IOException | ServletException | RuntimeException ex) {
			throw ex;
		}
		catch (Exception ex) {
			throw new ServletException(ex);
		}
		finally {
			MDC.clear();
		}
	}

	private static String randomHex(int bytes) {
		byte[] random = new byte[bytes];
		ThreadLocalRandom.current().nextBytes(random);
		return HexFormat.of().formatHex(random);
	}

}
