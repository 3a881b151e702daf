package org.portico;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The portal running in its servlet container on a random port, for tests that go through
 * real HTTP: browser journeys and error pages. Every subclass shares one application
 * context.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
public abstract class RunningPortalTest {

	protected static final String DEMO_PASSWORD = "Portico-demo-2026";

	@LocalServerPort
	protected int port;

	protected String url(String path) {
		return "http://localhost:" + this.port + path;
	}

}
