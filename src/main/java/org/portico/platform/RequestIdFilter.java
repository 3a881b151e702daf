package org.portico.platform;

import java.io.IOException;
import java.util.UUID;
import java.util.regex.Pattern;

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
 * Gives every request an id that appears in each log line and audit record it causes. A
 * well-formed id from a trusted proxy is kept so a request can be followed across
 * systems.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
class RequestIdFilter extends OncePerRequestFilter {

	static final String HEADER = "X-Request-Id";

	private static final Pattern WELL_FORMED = Pattern.compile("[A-Za-z0-9._-]{8,64}");

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		String incoming = request.getHeader(HEADER);
		String requestId = (incoming != null && WELL_FORMED.matcher(incoming).matches()) ? incoming
				: UUID.randomUUID().toString();
		MDC.put(RequestInfo.REQUEST_ID, requestId);
		MDC.put(RequestInfo.CLIENT_IP, request.getRemoteAddr());
		response.setHeader(HEADER, requestId);
		request.setAttribute(RequestInfo.REQUEST_ID_ATTRIBUTE, requestId);
		try {
			chain.doFilter(request, response);
		}
		finally {
			MDC.remove(RequestInfo.REQUEST_ID);
			MDC.remove(RequestInfo.CLIENT_IP);
		}
	}

}
