package org.portico.platform.web;

import java.net.URI;
import java.util.Locale;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.portico.platform.RequestInfo;
import org.portico.platform.uploads.Uploads;

import org.springframework.boot.webmvc.error.ErrorController;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.servlet.ModelAndView;

/**
 * Where every error ends up. People get a friendly page and programs an RFC 9457 problem;
 * no stack trace, SQL or exception text ever reaches either. The request id links what
 * the user sees to the server log.
 */
@Controller
class ErrorPages implements ErrorController {

	private static final Logger log = LoggerFactory.getLogger(ErrorPages.class);

	private final MessageSource messages;

	ErrorPages(MessageSource messages) {
		this.messages = messages;
	}

	/**
	 * Where an upload too large for the server to read is sent (see
	 * platform.uploads.RequestSizeLimit): the browser gets the page with a GET.
	 */
	@GetMapping(Uploads.TOO_LARGE_PAGE)
	ModelAndView tooLarge() {
		ModelAndView page = new ModelAndView("error/page", HttpStatus.CONTENT_TOO_LARGE);
		page.addObject("status", HttpStatus.CONTENT_TOO_LARGE.value());
		page.addObject("kind", "too-large");
		return page;
	}

	@RequestMapping(value = "/error", produces = MediaType.TEXT_HTML_VALUE)
	ModelAndView page(HttpServletRequest request) {
		HttpStatus status = status(request);
		logServerError(request, status);
		ModelAndView page = new ModelAndView("error/page", status);
		page.addObject("status", status.value());
		page.addObject("kind", kind(status));
		page.addObject("reference", request.getAttribute(RequestInfo.REQUEST_ID_ATTRIBUTE));
		return page;
	}

	@RequestMapping("/error")
	ResponseEntity<ProblemDetail> problem(HttpServletRequest request) {
		HttpStatus status = status(request);
		logServerError(request, status);
		ProblemDetail problem = ProblemDetail.forStatus(status);
		String kind = kind(status);
		Locale locale = request.getLocale();
		problem.setTitle(this.messages.getMessage("error." + kind + ".title", null, locale));
		problem.setDetail(this.messages.getMessage("error." + kind + ".explanation", null, locale));
		Object uri = request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
		if (uri != null) {
			problem.setInstance(URI.create(String.valueOf(uri).replace(" ", "%20")));
		}
		return ResponseEntity.status(status).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
	}

	private static HttpStatus status(HttpServletRequest request) {
		Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
		HttpStatus status = (code instanceof Integer i) ? HttpStatus.resolve(i) : null;
		return (status != null) ? status : HttpStatus.INTERNAL_SERVER_ERROR;
	}

	private static String kind(HttpStatus status) {
		return switch (status) {
			case NOT_FOUND -> "not-found";
			case FORBIDDEN -> "forbidden";
			case UNAUTHORIZED -> "unauthorized";
			case CONTENT_TOO_LARGE -> "too-large";
			case BAD_REQUEST, METHOD_NOT_ALLOWED, UNSUPPORTED_MEDIA_TYPE, NOT_ACCEPTABLE -> "bad-request";
			default -> "server-error";
		};
	}

	private static void logServerError(HttpServletRequest request, HttpStatus status) {
		if (status.is5xxServerError()) {
			Object ex = request.getAttribute(RequestDispatcher.ERROR_EXCEPTION);
			log.error("Request to {} failed with {}", request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI),
					status.value(), (ex instanceof Throwable t) ? t : null);
		}
	}

}
