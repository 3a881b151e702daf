package org.portico.identity;

import java.util.List;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.authentication.AuthenticationEventPublisher;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.config.ObjectPostProcessor;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.UsernamePasswordAuthenticationFilter;
import org.springframework.security.web.authentication.session.ChangeSessionIdAuthenticationStrategy;
import org.springframework.security.web.authentication.session.CompositeSessionAuthenticationStrategy;
import org.springframework.security.web.csrf.CsrfAuthenticationStrategy;
import org.springframework.security.web.csrf.HttpSessionCsrfTokenRepository;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy;
import org.springframework.security.web.webauthn.authentication.WebAuthnAuthenticationFilter;
import org.springframework.security.web.webauthn.management.WebAuthnRelyingPartyOperations;

/**
 * Who may reach which page, how people sign in, and the protective headers on every
 * response.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnWebApplication
class SecurityConfiguration {

	/**
	 * No inline script or style anywhere: everything the pages run comes from this
	 * origin.
	 */
	static final String CONTENT_SECURITY_POLICY = "default-src 'self'; script-src 'self'; style-src 'self'; "
			+ "img-src 'self' data:; font-src 'self'; connect-src 'self'; object-src 'none'; base-uri 'self'; "
			+ "form-action 'self'; frame-ancestors 'none'";

	@Bean
	WebAuthnRelyingPartyOperations relyingParty(PasskeySignIn passkeySignIn) {
		return passkeySignIn.relyingParty();
	}

	@Bean
	SecurityFilterChain portal(HttpSecurity http, SignInGuard guard, SecondStep secondStep, PasskeySignIn passkeySignIn,
			ObjectProvider<AuthenticationEventPublisher> events) throws Exception {
		http.addFilterBefore(new ClientThrottle(guard), UsernamePasswordAuthenticationFilter.class);
		http.addFilterBefore(new RecentPassword.Required(), UsernamePasswordAuthenticationFilter.class);
		http.authorizeHttpRequests((requests) -> requests
			.requestMatchers("/login", "/assets/**", "/webjars/**", "/favicon.ico", "/error", "/actuator/health",
					"/actuator/health/**", "/dev/mailbox", "/forgot-password", "/reset-password", "/password/strength",
					"/unlock", "/register", "/register/new", "/register/decide", "/register/review",
					"/register/review/sent", "/confirm-email", "/authorization-metrics")
			.permitAll()
			.requestMatchers("/staff/outbox/**", "/staff/registrations/**", "/staff/saa/**")
			.hasRole("PROVIDER_SERVICES")
			.requestMatchers("/staff/audit/**")
			.hasRole("COMPLIANCE")
			.requestMatchers("/staff/claims/**")
			.hasRole("CLAIMS_STAFF")
			.requestMatchers("/staff/reviews", "/staff/reviews/**")
			.hasRole("CLINICAL_REVIEWER")
			.requestMatchers("/staff/**")
			.hasRole("STAFF")
			.requestMatchers("/self-service/additional-access/**")
			.hasRole("PROVIDER_USER")
			.requestMatchers("/login/second-step")
			.hasRole("SECOND_STEP_PENDING")
			.requestMatchers("/login/set-up", "/login/set-up/**")
			.hasRole("SECOND_STEP_SET_UP")
			.requestMatchers("/webauthn/register/**")
			.hasAnyRole("SECOND_STEP_SET_UP", "PROVIDER_USER", "STAFF")
			.anyRequest()
			.hasAnyRole("PROVIDER_USER", "STAFF"));
		http.formLogin(
				(form) -> form.loginPage("/login").failureUrl("/login?error").successHandler(secondStep).permitAll());
		http.webAuthn((webAuthn) -> webAuthn.rpName("Portico")
			.disableDefaultRegistrationPage(true)
			.withObjectPostProcessor(new ObjectPostProcessor<WebAuthnAuthenticationFilter>() {
				@Override
				public <F extends WebAuthnAuthenticationFilter> F postProcess(F filter) {
					// The account's own user and authorities, its status checked, and a
					// new
					// session id and CSRF token, as after a password.
					ProviderManager manager = new ProviderManager(passkeySignIn.provider());
					events.ifAvailable(manager::setAuthenticationEventPublisher);
					filter.setAuthenticationManager(manager);
					filter.setSessionAuthenticationStrategy(new CompositeSessionAuthenticationStrategy(
							List.of(new ChangeSessionIdAuthenticationStrategy(),
									new CsrfAuthenticationStrategy(new HttpSessionCsrfTokenRepository()))));
					return filter;
				}
			}));
		http.logout((logout) -> logout.logoutSuccessUrl("/login?signed-out"));
		http.exceptionHandling((exceptions) -> exceptions.accessDeniedHandler(new UnfinishedSignIn()));
		headers(http);
		return http.build();
	}

	/**
	 * Stylesheets, scripts and images: open to all, with the same headers, and without
	 * reading the session, which the portal's chain does for every request it handles.
	 */
	@Bean
	@Order(0)
	SecurityFilterChain assets(HttpSecurity http) throws Exception {
		http.securityMatcher("/assets/**", "/webjars/**", "/favicon.ico")
			.authorizeHttpRequests((requests) -> requests.anyRequest().permitAll())
			.anonymous((anonymous) -> anonymous.disable())
			.securityContext((context) -> context.disable())
			.sessionManagement((sessions) -> sessions.disable())
			.requestCache((cache) -> cache.disable())
			.csrf((csrf) -> csrf.disable());
		headers(http);
		// The files say themselves how long they may be kept
		// (spring.web.resources.cache).
		http.headers((headers) -> headers.cacheControl((cache) -> cache.disable()));
		return http.build();
	}

	private static void headers(HttpSecurity http) throws Exception {
		http.headers((headers) -> headers.contentSecurityPolicy((csp) -> csp.policyDirectives(CONTENT_SECURITY_POLICY))
			.frameOptions((frame) -> frame.deny())
			.referrerPolicy((referrer) -> referrer.policy(ReferrerPolicy.STRICT_ORIGIN_WHEN_CROSS_ORIGIN)));
	}

}
