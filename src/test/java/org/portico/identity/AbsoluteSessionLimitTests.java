package org.portico.identity;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;

import org.junit.jupiter.api.Test;

import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.mock.web.MockHttpSession;

import static org.assertj.core.api.Assertions.assertThat;

class AbsoluteSessionLimitTests {

	@Test
	void aSessionEndsTwelveHoursAfterSignInHoweverActive() throws Exception {
		MockHttpSession session = new MockHttpSession();
		MockHttpResponseAndChain result = run(session, Duration.ofHours(12).plusMinutes(1));
		assertThat(session.isInvalid()).isTrue();
		assertThat(result.response().getRedirectedUrl()).isEqualTo("/login?expired");
		assertThat(result.chain().getRequest()).as("the request went no further").isNull();
	}

	@Test
	void aYoungerSessionCarriesOn() throws Exception {
		MockHttpSession session = new MockHttpSession();
		MockHttpResponseAndChain result = run(session, Duration.ofHours(11));
		assertThat(session.isInvalid()).isFalse();
		assertThat(result.chain().getRequest()).isNotNull();
	}

	private static MockHttpResponseAndChain run(MockHttpSession session, Duration later) throws Exception {
		Clock clock = Clock.fixed(Instant.ofEpochMilli(session.getCreationTime()).plus(later), ZoneOffset.UTC);
		AbsoluteSessionLimit filter = new AbsoluteSessionLimit(Duration.ofHours(12), clock, null);
		MockHttpServletRequest request = new MockHttpServletRequest("GET", "/");
		request.setSession(session);
		MockHttpServletResponse response = new MockHttpServletResponse();
		MockFilterChain chain = new MockFilterChain();
		filter.doFilter(request, response, chain);
		return new MockHttpResponseAndChain(response, chain);
	}

	private record MockHttpResponseAndChain(MockHttpServletResponse response, MockFilterChain chain) {
	}

}
