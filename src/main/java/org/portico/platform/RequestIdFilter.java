package org.portico.platform;

import java.io.IOException;
import java.util.UUID;

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

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		Object existing = request.getAttribute(RequestInfo.REQUEST_ID_ATTRIBUTE);
		String requestId = (existing != null) ? existing.toString() : UUID.randomUUID().toString();
		request.setAttribute(RequestInfo.REQUEST_ID_ATTRIBUTE, requestId);
		if (!response.isCommitted()) {
			response.setHeader(HEADER, requestId);
		}
		MDC.put(RequestInfo.REQUEST_ID, requestId);
		MDC.put(RequestInfo.CLIENT_IP, request.getRemoteAddr());
		try {
			chain.doFilter(request, response);
		}
		finally {
			MDC.remove(RequestInfo.REQUEST_ID);
			MDC.remove(RequestInfo.CLIENT_IP);
		}
	}

	/** The error page a failed request is forwarded to logs under the same id. */
	@Override
	protected boolean shouldNotFilterErrorDispatch() {
		return false;
	}

}
