package org.portico.identity;

import java.net.URI;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.web.server.context.WebServerInitializedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.authentication.AccountStatusUserDetailsChecker;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.web.webauthn.api.PublicKeyCredentialRpEntity;
import org.springframework.security.web.webauthn.api.PublicKeyCredentialUserEntity;
import org.springframework.security.web.webauthn.authentication.WebAuthnAuthenticationRequestToken;
import org.springframework.security.web.webauthn.management.WebAuthnRelyingPartyOperations;
import org.springframework.security.web.webauthn.management.Webauthn4JRelyingPartyOperations;
import org.springframework.stereotype.Component;

/**
 * Signing in with a passkey. The portal is the relying party named by its public URL; the
 * account signs in with its own authorities, unless it is deactivated or locked.
 */
@Component
class PasskeySignIn {

	private final Set<String> origins = ConcurrentHashMap.newKeySet();

	private final URI publicUrl;

	private final WebAuthnRelyingPartyOperations relyingParty;

	private final Accounts accounts;

	private final AccountStatusUserDetailsChecker checker = new AccountStatusUserDetailsChecker();

	PasskeySignIn(@Value("${portico.public-url}") URI publicUrl, PasskeyUsers users, Passkeys passkeys,
			Accounts accounts) {
		this.publicUrl = publicUrl;
		this.accounts = accounts;
		this.origins.add(origin(publicUrl.getScheme(), publicUrl.getHost(), publicUrl.getPort()));
		// The set is read at every check, so an origin added later counts.
		this.relyingParty = new Webauthn4JRelyingPartyOperations(users, passkeys,
				PublicKeyCredentialRpEntity.builder().id(publicUrl.getHost()).name("Portico").build(), this.origins);
	}

	WebAuthnRelyingPartyOperations relyingParty() {
		return this.relyingParty;
	}

	/**
	 * On a developer's machine the portal may listen on another port than the configured
	 * one (the tests' random port): the browser's origin is then that port on localhost.
	 */
	@EventListener
	void listening(WebServerInitializedEvent event) {
		if ("localhost".equals(this.publicUrl.getHost())
				&& !"management".equals(event.getApplicationContext().getServerNamespace())) {
			this.origins.add(origin(this.publicUrl.getScheme(), "localhost", event.getWebServer().getPort()));
		}
	}

	/**
	 * The provider behind passkey sign-in alone; not a bean, which would take the place
	 * of the password's.
	 */
	AuthenticationProvider provider() {
		return new AuthenticationProvider() {
			@Override
			public Authentication authenticate(Authentication authentication) {
				return PasskeySignIn.this.authenticate(authentication);
			}

			@Override
			public boolean supports(Class<?> authentication) {
				return WebAuthnAuthenticationRequestToken.class.isAssignableFrom(authentication);
			}
		};
	}

	private Authentication authenticate(Authentication authentication) {
		WebAuthnAuthenticationRequestToken request = (WebAuthnAuthenticationRequestToken) authentication;
		PublicKeyCredentialUserEntity user;
		try {
			user = this.relyingParty.authenticate(request.getWebAuthnRequest());
		}
		catch (RuntimeException ex) {
			throw new BadCredentialsException("The passkey was not accepted", ex);
		}
		UserDetails account = this.accounts.loadUserByUsername(user.getName());
		this.checker.check(account);
		return UsernamePasswordAuthenticationToken.authenticated(account, null, account.getAuthorities());
	}

	private static String origin(String scheme, String host, int port) {
		boolean defaultPort = port == -1 || ("https".equals(scheme) && port == 443)
				|| ("http".equals(scheme) && port == 80);
		return scheme + "://" + host + (defaultPort ? "" : ":" + port);
	}

}
