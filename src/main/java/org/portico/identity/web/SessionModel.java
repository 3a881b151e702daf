package org.portico.identity.web;

import java.time.Duration;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;

/**
 * What the page needs to warn before an idle session ends, and the request that keeps it.
 */
@Controller
@ControllerAdvice
class SessionModel {

	private final long timeoutSeconds;

	SessionModel(@Value("${spring.session.timeout:15m}") Duration timeout) {
		this.timeoutSeconds = timeout.toSeconds();
	}

	@ModelAttribute("sessionTimeoutSeconds")
	long sessionTimeoutSeconds() {
		return this.timeoutSeconds;
	}

	/** Any request keeps a session; this one does nothing else. */
	@PostMapping("/session/keep-alive")
	ResponseEntity<Void> keepAlive() {
		return ResponseEntity.noContent().build();
	}

}
