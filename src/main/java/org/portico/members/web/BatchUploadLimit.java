package org.portico.members.web;

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
 * A batch file larger than the server takes is answered with the upload form and a
 * message saying so. Without this, the container would refuse to read the upload, and so
 * the form's CSRF token in it, and the user would see "access denied" for a file too big.
 * It runs before security and only redirects, to a page that is secured like any other.
 */
@Configuration(proxyBeanMethods = false)
class BatchUploadLimit {

	@Bean
	FilterRegistrationBean<TooLarge> batchUploadTooLarge(
			@Value("${portico.eligibility.batch-max-size}") DataSize limit) {
		FilterRegistrationBean<TooLarge> registration = new FilterRegistrationBean<>(new TooLarge(limit.toBytes()));
		registration.addUrlPatterns(EligibilityBatchController.PATH);
		registration.setOrder(SecurityFilterProperties.DEFAULT_FILTER_ORDER - 1);
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
			if ("POST".equals(request.getMethod()) && request.getContentLengthLong() > this.limit) {
				response.setStatus(HttpStatus.SEE_OTHER.value());
				response.setHeader(HttpHeaders.LOCATION,
						request.getContextPath() + EligibilityBatchController.PATH + "?too-large");
				return;
			}
			chain.doFilter(request, response);
		}

	}

}
