package org.portico.identity;

import java.io.IOException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.session.jdbc.JdbcIndexedSessionRepository;
import org.springframework.session.web.http.SessionRepositoryFilter;
import org.springframework.web.filter.OncePerRequestFilter;

/** Puts {@link QuietSessions} in front of Spring Session's JDBC store. */
@Configuration(proxyBeanMethods = false)
class QuietSessionStore {

	@Bean
	static BeanPostProcessor quietSessions() {
		return new BeanPostProcessor() {

			@Override
			public Object postProcessAfterInitialization(Object bean, String beanName) {
				return (bean instanceof JdbcIndexedSessionRepository store) ? wrap(store) : bean;
			}

		};
	}

	/** Runs first inside Spring Session's filter, before anything reads the session. */
	@Bean
	FilterRegistrationBean<OncePerRequestFilter> quietSessionsNewRequest() {
		FilterRegistrationBean<OncePerRequestFilter> registration = new FilterRegistrationBean<>(
				new OncePerRequestFilter() {

					@Override
					protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response,
							FilterChain chain) throws ServletException, IOException {
						QuietSessions.newRequest();
						chain.doFilter(request, response);
					}

				});
		registration.setOrder(SessionRepositoryFilter.DEFAULT_ORDER + 1);
		return registration;
	}

	@SuppressWarnings({ "rawtypes", "unchecked" })
	private static QuietSessions<?> wrap(JdbcIndexedSessionRepository store) {
		return new QuietSessions(store);
	}

}
