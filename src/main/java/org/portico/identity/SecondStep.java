package org.portico.identity;

import java.io.IOException;
import java.util.List;

import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;

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
 * After the password: an account with a second factor holds only "second step pending"
 * until its code is checked; an account without one holds only "set up a second step"
 * until it has one. Then it gets its own authorities and a new session id. Only the demo
 * logins are let in on the password alone.
 */
@Component
public class SecondStep implements AuthenticationSuccessHandler {

	static final String PENDING = "ROLE_SECOND_STEP_PENDING";

	static final String SET_UP = "ROLE_SECOND_STEP_SET_UP";

	static final int MAX_WRONG_CODES = 5;

	private static final String WRONG_CODES = SecondStep.class.getName() + ".wrongCodes";

	private final TwoStepSignIn twoStep;

	private final SignInGuard guard;

	private final Accounts accounts;

	private final Passkeys passkeys;

	private final SecurityContextRepository contexts = new HttpSessionSecurityContextRepository();

	private final AuthenticationSuccessHandler done = new SavedRequestAwareAuthenticationSuccessHandler();

	SecondStep(TwoStepSignIn twoStep, SignInGuard guard, Accounts accounts, Passkeys passkeys) {
		this.passkeys = passkeys;
		this.twoStep = twoStep;
		this.guard = guard;
		this.accounts = accounts;
	}

	@Override
	public void onAuthenticationSuccess(HttpServletRequest request, HttpServletResponse response,
			Authentication authentication) throws IOException, ServletException {
		if (authentication.getPrincipal() instanceof PorticoUser user) {
			// The password was just typed: enough to add a second factor in the next
			// minutes.
			RecentPassword.confirmed(request.getSession());
			if (this.twoStep.enrolled(user.accountId()) || this.passkeys.any(user.accountId())) {
				hold(user, PENDING, "/login/second-step", request, response);
				return;
			}
			if (!this.accounts.secondStepWaived(user.accountId())) {
				hold(user, SET_UP, "/login/set-up", request, response);
				return;
			}
		}
		this.done.onAuthenticationSuccess(request, response, authentication);
	}

	/**
	 * Signs in fully a user whose second step is done: checked, or just set up at
	 * sign-in.
	 */
	public void signInFully(PorticoUser user, HttpServletRequest request, HttpServletResponse response) {
		request.changeSessionId();
		save(UsernamePasswordAuthenticationToken.authenticated(user, null, user.getAuthorities()), request, response);
	}

	private void hold(PorticoUser user, String role, String page, HttpServletRequest request,
			HttpServletResponse response) throws IOException {
		save(UsernamePasswordAuthenticationToken.authenticated(user, null, List.of(new SimpleGrantedAuthority(role))),
				request, response);
		response.sendRedirect(request.getContextPath() + page);
	}

	/**
	 * Checks the code of a user whose second step is pending; signs them in fully when
	 * right.
	 */
	public Result complete(PorticoUser user, String code, HttpServletRequest request, HttpServletResponse response) {
		if (!this.twoStep.verify(user.accountId(), user.getUsername(), code)) {
			HttpSession session = request.getSession();
			Integer wrong = (Integer) session.getAttribute(WRONG_CODES);
			int count = (wrong != null ? wrong : 0) + 1;
			if (count >= MAX_WRONG_CODES) {
				// Guessing: end the half-signed-in session and count it as a failed
				// sign-in.
				this.guard.failed(user.getUsername(), request.getRemoteAddr());
				session.invalidate();
				SecurityContextHolder.clearContext();
				return Result.ENDED;
			}
			session.setAttribute(WRONG_CODES, count);
			return Result.WRONG;
		}
		signInFully(user, request, response);
		return Result.SIGNED_IN;
	}

	/** How a second step ended. */
	public enum Result {

		SIGNED_IN, WRONG,

		/** Too many wrong codes: the session was ended. */
		ENDED

	}

	private void save(Authentication authentication, HttpServletRequest request, HttpServletResponse response) {
		SecurityContext context = SecurityContextHolder.createEmptyContext();
		context.setAuthentication(authentication);
		SecurityContextHolder.setContext(context);
		this.contexts.saveContext(context, request, response);
	}

}
