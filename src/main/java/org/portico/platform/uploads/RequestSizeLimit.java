package org.portico.platform.uploads;

import java.io.IOException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.security.autoconfigure.web.servlet.SecurityFilterProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.util.unit.DataSize;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * An upload larger than the server reads at all is sent to the "too large" page. Without
 * this the container would refuse to read the form, its CSRF token with it, and the user
 * would be told that access was denied. It runs before security.
 */
@Configuration(proxyBeanMethods = false)
class RequestSizeLimit {

	@Bean
	FilterRegistrationBean<TooLarge> uploadTooLarge(
			@Value("${spring.servlet.multipart.max-request-size}") DataSize limit) {
		FilterRegistrationBean<TooLarge> registration = new FilterRegistrationBean<>(new TooLarge(limit.toBytes()));
		registration.setOrder(SecurityFilterProperties.DEFAULT_FILTER_ORDER - 2);
		return registration;
	}

	static final class TooLarge extends OncePerRequestFilter {

		private final long limit;

		TooLarge(long limit) {
			this.limit = limit;
		}

		@Override
		protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
				throws ServletException, IOException {
			if (request.getContentLengthLong() > this.limit) {
				// Sent elsewhere, not answered here: an error dispatch would make the
				// servlet read the very upload it cannot take.
				response.setStatus(HttpStatus.SEE_OTHER.value());
				response.setHeader(HttpHeaders.LOCATION, request.getContextPath() + Uploads.TOO_LARGE_PAGE);
				return;
			}
			chain.doFilter(request, response);
		}

	}

}
