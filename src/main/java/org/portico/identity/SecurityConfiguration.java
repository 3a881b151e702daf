package org.portico.identity;

import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.UsernamePasswordAuthenticationFilter;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy;

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
	SecurityFilterChain portal(HttpSecurity http, SignInGuard guard, SecondStep secondStep) throws Exception {
		http.addFilterBefore(new ClientThrottle(guard), UsernamePasswordAuthenticationFilter.class);
		http.authorizeHttpRequests((requests) -> requests
			.requestMatchers("/login", "/css/**", "/js/**", "/images/**", "/webjars/**", "/favicon.ico", "/error",
					"/actuator/health", "/actuator/health/**", "/dev/mailbox", "/forgot-password", "/reset-password",
					"/password/strength", "/unlock", "/register", "/register/new", "/register/decide", "/confirm-email")
			.permitAll()
			.requestMatchers("/staff/outbox/**")
			.hasRole("PROVIDER_SERVICES")
			.requestMatchers("/staff/audit/**")
			.hasRole("COMPLIANCE")
			.requestMatchers("/staff/**")
			.hasRole("STAFF")
			.requestMatchers("/login/second-step")
			.hasRole("SECOND_STEP_PENDING")
			.anyRequest()
			.hasAnyRole("PROVIDER_USER", "STAFF"));
		http.formLogin(
				(form) -> form.loginPage("/login").failureUrl("/login?error").successHandler(secondStep).permitAll());
		http.logout((logout) -> logout.logoutSuccessUrl("/login?signed-out"));
		http.headers((headers) -> headers.contentSecurityPolicy((csp) -> csp.policyDirectives(CONTENT_SECURITY_POLICY))
			.frameOptions((frame) -> frame.deny())
			.referrerPolicy((referrer) -> referrer.policy(ReferrerPolicy.STRICT_ORIGIN_WHEN_CROSS_ORIGIN)));
		return http.build();
	}

}
