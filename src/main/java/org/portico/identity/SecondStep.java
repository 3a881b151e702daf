package org.portico.identity;

import java.io.IOException;
import java.util.List;

import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.authentication.AuthenticationSuccessHandler;
import org.springframework.security.web.authentication.SavedRequestAwareAuthenticationSuccessHandler;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.security.web.context.SecurityContextRepository;
import org.springframework.stereotype.Component;

/**
 * After the password: an account with two-step sign-in holds only "second step pending"
 * until its code is checked; then it gets its own authorities and a new session id.
 */
@Component
public class SecondStep implements AuthenticationSuccessHandler {

	static final String PENDING = "ROLE_SECOND_STEP_PENDING";

	private final TwoStepSignIn twoStep;

	private final SecurityContextRepository contexts = new HttpSessionSecurityContextRepository();

	private final AuthenticationSuccessHandler done = new SavedRequestAwareAuthenticationSuccessHandler();

	SecondStep(TwoStepSignIn twoStep) {
		this.twoStep = twoStep;
	}

	@Override
	public void onAuthenticationSuccess(HttpServletRequest request, HttpServletResponse response,
			Authentication authentication) throws IOException, ServletException {
		if (authentication.getPrincipal() instanceof PorticoUser user && this.twoStep.enrolled(user.accountId())) {
			save(UsernamePasswordAuthenticationToken.authenticated(user, null,
					List.of(new SimpleGrantedAuthority(PENDING))), request, response);
			response.sendRedirect(request.getContextPath() + "/login/second-step");
			return;
		}
		this.done.onAuthenticationSuccess(request, response, authentication);
	}

	/**
	 * Checks the code of a user whose second step is pending; signs them in fully when
	 * right.
	 */
	public boolean complete(PorticoUser user, String code, HttpServletRequest request, HttpServletResponse response) {
		if (!this.twoStep.verify(user.accountId(), user.getUsername(), code)) {
			return false;
		}
		request.changeSessionId();
		save(UsernamePasswordAuthenticationToken.authenticated(user, null, user.getAuthorities()), request, response);
		return true;
	}

	private void save(Authentication authentication, HttpServletRequest request, HttpServletResponse response) {
		SecurityContext context = SecurityContextHolder.createEmptyContext();
		context.setAuthentication(authentication);
		SecurityContextHolder.setContext(context);
		this.contexts.saveContext(context, request, response);
	}

}
