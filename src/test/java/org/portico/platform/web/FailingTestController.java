package org.portico.platform.web;

import org.springframework.context.annotation.Profile;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * Fails the way a bug would, with SQL in the exception's message, so tests can prove that
 * nothing of it reaches the user.
 */
@Controller
@Profile("test")
class FailingTestController {

	@GetMapping("/test/fail")
	String fail() {
		throw new IllegalStateException("SELECT secret FROM members.member failed");
	}

}
