package org.portico.access.web;

import java.util.LinkedHashMap;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.portico.access.AccessApi;
import org.portico.access.ProviderFunction;
import org.portico.audit.AuditEvent;
import org.portico.audit.AuditLog;
import org.portico.identity.PorticoUser;

import org.springframework.context.annotation.Configuration;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.util.UrlPathHelper;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * The first line of access: a provider-office user reaches a section only when granted
 * its function for at least one NPI. Each feature then checks the NPI of every object it
 * shows. Refusals are audited and answered with the friendly 403 page.
 */
@Configuration(proxyBeanMethods = false)
class SectionAccess implements WebMvcConfigurer {

	static final Map<String, ProviderFunction> SECTIONS = new LinkedHashMap<>();

	static {
		SECTIONS.put("/eligibility", ProviderFunction.ELIGIBILITY_BENEFITS);
		SECTIONS.put("/claims", ProviderFunction.CLAIM_STATUS);
		SECTIONS.put("/referrals", ProviderFunction.REFERRALS_AUTHORIZATIONS);
		SECTIONS.put("/reports", ProviderFunction.REPORTS);
		SECTIONS.put("/self-service/access", ProviderFunction.ACCESS_ADMINISTRATION);
	}

	private final AccessApi access;

	private final AuditLog audit;

	SectionAccess(AccessApi access, AuditLog audit) {
		this.access = access;
		this.audit = audit;
	}

	@Override
	public void addInterceptors(InterceptorRegistry registry) {
		registry.addInterceptor(new HandlerInterceptor() {
			@Override
			public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
				// Decoded, as the handler was matched: /%63laims is /claims.
				check(UrlPathHelper.defaultInstance.getPathWithinApplication(request));
				return true;
			}
		});
	}

	void check(String path) {
		Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
		if (authentication == null || !(authentication.getPrincipal() instanceof PorticoUser user) || user.isStaff()) {
			return;
		}
		for (Map.Entry<String, ProviderFunction> section : SECTIONS.entrySet()) {
			if (path.equals(section.getKey()) || path.startsWith(section.getKey() + "/")) {
				if (this.access.npisFor(user.accountId(), section.getValue()).isEmpty()) {
					this.audit.record(AuditEvent.denied(user.getUsername(), "section.open", "function",
							section.getValue().name()));
					throw new AccessDeniedException("No grant of " + section.getValue());
				}
				return;
			}
		}
	}

}
