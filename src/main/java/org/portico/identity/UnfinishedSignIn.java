package org.portico.identity;

import java.io.IOException;

import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.security.web.access.AccessDeniedHandlerImpl;

/**
 * A page refused to someone half way through signing in sends them back to the step they
 * have left; anyone else gets the friendly "no access" page.
 */
class UnfinishedSignIn implements AccessDeniedHandler {

	private final AccessDeniedHandler denied = new AccessDeniedHandlerImpl();

	@Override
	public void handle(HttpServletRequest request, HttpServletResponse response, AccessDeniedException exception)
			throws IOException, ServletException {
		Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
		String step = (authentication != null) ? stepLeft(authentication) : null;
		if (step != null && "GET".equals(request.getMethod())) {
			response.sendRedirect(request.getContextPath() + step);
			return;
		}
		this.denied.handle(request, response, exception);
	}

	private static String stepLeft(Authentication authentication) {
		for (var authority : authentication.getAuthorities()) {
			if (SecondStep.PENDING.equals(authority.getAuthority())) {
				return "/login/second-step";
			}
			if (SecondStep.SET_UP.equals(authority.getAuthority())) {
				return "/login/set-up";
			}
		}
		return null;
	}

}
