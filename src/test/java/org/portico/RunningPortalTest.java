package org.portico;

import org.portico.platform.uploads.LocalClamd;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ContextConfiguration;

/**
 * The portal running in its servlet container on a random port, for tests that go through
 * real HTTP: browser journeys and error pages. Every subclass shares one application
 * context.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ContextConfiguration(initializers = LocalClamd.class)
public abstract class RunningPortalTest {

	protected static final String DEMO_PASSWORD = "Portico-demo-2026";

	@LocalServerPort
	protected int port;

	protected String url(String path) {
		return "http://localhost:" + this.port + path;
	}

}
