package org.portico.identity;

import java.io.IOException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.UrlPathHelper;

/**
 * Turns away sign-in attempts from a client address that failed too often lately, before
 * any password is checked. The answer names the address, never an account.
 */
class ClientThrottle extends OncePerRequestFilter {

	private final SignInGuard guard;

	ClientThrottle(SignInGuard guard) {
		this.guard = guard;
	}

	@Override
	protected boolean shouldNotFilter(HttpServletRequest request) {
		// Decoded, as Spring matches it: /%6Cogin is /login.
		String path = UrlPathHelper.defaultInstance.getPathWithinApplication(request);
		return !("POST".equals(request.getMethod()) && "/login".equals(path));
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		if (this.guard.clientBlocked(request.getRemoteAddr()).isPresent()) {
			response.sendRedirect(request.getContextPath() + "/login?throttled");
			return;
		}
		chain.doFilter(request, response);
	}

}
