package org.portico.identity;

import java.io.IOException;
import java.time.Clock;
import java.time.Duration;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;

import org.portico.audit.AuditEvent;
import org.portico.audit.AuditLog;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.annotation.Order;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Ends a session twelve hours after sign-in however active it has been, so a session left
 * open on a shared front-desk computer does not live for days. Runs after the session is
 * loaded from the database and before security.
 */
@Component
@Order(-101)
class AbsoluteSessionLimit extends OncePerRequestFilter {

	private final Duration limit;

	private final Clock clock;

	private final AuditLog audit;

	AbsoluteSessionLimit(@Value("${portico.session.absolute-limit:12h}") Duration limit, Clock clock, AuditLog audit) {
		this.limit = limit;
		this.clock = clock;
		this.audit = audit;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		HttpSession session = request.getSession(false);
		if (session != null && this.clock.millis() - session.getCreationTime() > this.limit.toMillis()) {
			Object context = session.getAttribute(HttpSessionSecurityContextRepository.SPRING_SECURITY_CONTEXT_KEY);
			String user = (context instanceof SecurityContext c && c.getAuthentication() != null)
					? c.getAuthentication().getName() : null;
			session.invalidate();
			if (user != null) {
				this.audit.record(AuditEvent.success(user, "session.expired", null, null));
			}
			response.sendRedirect(request.getContextPath() + "/login?expired");
			return;
		}
		chain.doFilter(request, response);
	}

	/** Stylesheets, scripts and images need no session, so it is not read for them. */
	@Override
	protected boolean shouldNotFilter(HttpServletRequest request) {
		String path = request.getRequestURI().substring(request.getContextPath().length());
		return path.startsWith("/assets/") || path.startsWith("/webjars/");
	}

}
