package org.portico.platform.web;

import java.util.List;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.DispatcherServlet;
import org.springframework.web.servlet.FlashMap;
import org.springframework.web.servlet.FlashMapManager;
import org.springframework.web.servlet.support.SessionFlashMapManager;

/**
 * Requests for stylesheets, scripts and images leave the session alone. Spring MVC looks
 * for flash attributes in the session on every request, which for a file under
 * {@code /assets} meant reading the session from the database for nothing.
 */
@Configuration(proxyBeanMethods = false)
class AssetRequests {

	@Bean(DispatcherServlet.FLASH_MAP_MANAGER_BEAN_NAME)
	FlashMapManager flashMapManager() {
		return new SessionFlashMapManager() {

			@Override
			protected List<FlashMap> retrieveFlashMaps(HttpServletRequest request) {
				String path = request.getRequestURI().substring(request.getContextPath().length());
				return (path.startsWith("/assets/") || path.startsWith("/webjars/")) ? null
						: super.retrieveFlashMaps(request);
			}

		};
	}

}
