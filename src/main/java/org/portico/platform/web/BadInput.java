package org.portico.platform.web;

import java.io.IOException;

import jakarta.servlet.http.HttpServletResponse;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;

/**
 * A value the typed identifiers refuse (an NPI with a wrong check digit, an id of zero)
 * or a parameter of the wrong type is the caller's mistake: a 400 and the friendly page,
 * not a 500.
 */
@ControllerAdvice
@Order(Ordered.LOWEST_PRECEDENCE)
class BadInput {

	@ExceptionHandler({ IllegalArgumentException.class, MethodArgumentTypeMismatchException.class })
	void badInput(HttpServletResponse response) throws IOException {
		response.sendError(HttpServletResponse.SC_BAD_REQUEST);
	}

}
