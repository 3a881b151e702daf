package org.portico.platform.web;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/**
 * What the page shell needs on every page: which navigation section is current.
 */
@ControllerAdvice
class ShellModel {

	@ModelAttribute("currentSection")
	String currentSection(HttpServletRequest request) {
		String path = request.getRequestURI().substring(request.getContextPath().length());
		int next = path.indexOf('/', 1);
		return (next > 0) ? path.substring(1, next) : path.substring(Math.min(1, path.length()));
	}

}
