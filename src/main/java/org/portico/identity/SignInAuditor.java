package org.portico.identity;

import java.util.Locale;

import org.portico.audit.AuditEvent;
import org.portico.audit.AuditLog;
import org.portico.audit.AuditOutcome;

import org.springframework.context.event.EventListener;
import org.springframework.security.authentication.event.AbstractAuthenticationFailureEvent;
import org.springframework.security.authentication.event.AuthenticationSuccessEvent;
import org.springframework.security.authentication.event.LogoutSuccessEvent;
import org.springframework.security.web.authentication.WebAuthenticationDetails;
import org.springframework.stereotype.Component;

/**
 * Puts every sign-in, failed sign-in and sign-out on the audit trail.
 */
@Component
class SignInAuditor {

	static final String UNKNOWN_ACCOUNT = "(unknown account)";

	private final AuditLog audit;

	private final Accounts accounts;

	private final SignInGuard guard;

	SignInAuditor(AuditLog audit, Accounts accounts, SignInGuard guard) {
		this.audit = audit;
		this.accounts = accounts;
		this.guard = guard;
	}

	@EventListener
	void signedIn(AuthenticationSuccessEvent event) {
		if (event.getAuthentication().getPrincipal() instanceof PorticoUser user) {
			this.accounts.recordSignIn(user.accountId());
			this.guard.succeeded(user.accountId());
			this.audit.record(AuditEvent.success(user.getUsername(), "sign-in", "account",
					String.valueOf(user.accountId().value())));
		}
	}

	/**
	 * What was typed as the username is kept only when it names an account: people
	 * sometimes type their password there, and the audit trail can never be cleaned.
	 */
	@EventListener
	void failedSignIn(AbstractAuthenticationFailureEvent event) {
		String typed = String.valueOf(event.getAuthentication().getName());
		boolean known = this.accounts.idOf(typed).isPresent();
		String actor = known ? typed.trim().toLowerCase(Locale.ROOT) : UNKNOWN_ACCOUNT;
		String client = (event.getAuthentication().getDetails() instanceof WebAuthenticationDetails details)
				? details.getRemoteAddress() : null;
		this.guard.failed(known ? typed : null, client);
		this.audit.record(new AuditEvent(actor, "sign-in", null, null, AuditOutcome.FAILURE,
				event.getException().getClass().getSimpleName()));
	}

	@EventListener
	void signedOut(LogoutSuccessEvent event) {
		this.audit.record(AuditEvent.success(event.getAuthentication().getName(), "sign-out", null, null));
	}

}
