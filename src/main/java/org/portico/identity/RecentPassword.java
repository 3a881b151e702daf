package org.portico.identity;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;

import org.springframework.http.HttpStatus;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Re-authentication before a second factor is added: the password must have been typed in
 * this session within the last few minutes, at sign-in or on the page that asks for it
 * again. A session taken over while left open cannot add its own passkey.
 */
public final class RecentPassword {

	static final Duration VALID_FOR = Duration.ofMinutes(5);

	private static final String CONFIRMED_AT = RecentPassword.class.getName() + ".confirmedAt";

	private RecentPassword() {
	}

	/** Notes that the password was just typed and checked in this session. */
	public static void confirmed(HttpSession session) {
		session.setAttribute(CONFIRMED_AT, Instant.now());
	}

	public static boolean isRecent(HttpSession session) {
		Instant at = (session != null) ? (Instant) session.getAttribute(CONFIRMED_AT) : null;
		return at != null && at.plus(VALID_FOR).isAfter(Instant.now());
	}

	/** Refuses to add or remove a passkey without a recent password. */
	static class Required extends OncePerRequestFilter {

		@Override
		protected boolean shouldNotFilter(HttpServletRequest request) {
			// Spring Security's own endpoints add (POST) and remove (DELETE) passkeys.
			return !(("POST".equals(request.getMethod()) || "DELETE".equals(request.getMethod()))
					&& request.getRequestURI()
						.substring(request.getContextPath().length())
						.startsWith("/webauthn/register"));
		}

		@Override
		protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
				throws ServletException, IOException {
			if (!isRecent(request.getSession(false))) {
				response.setStatus(HttpStatus.FORBIDDEN.value());
				response.setContentType("application/problem+json");
				response.getWriter()
					.write("{\"type\":\"about:blank\",\"title\":\"Confirm your password first\",\"status\":403,"
							+ "\"detail\":\"For your safety, type your password again before changing your passkeys.\"}");
				return;
			}
			chain.doFilter(request, response);
		}

	}

}
