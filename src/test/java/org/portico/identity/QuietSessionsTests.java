package org.portico.identity;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;

import jakarta.servlet.http.Cookie;
import org.junit.jupiter.api.Test;

import org.portico.PorticoIntegrationTest;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

/**
 * The session store writes a session back only when it changed or its last use is old.
 */
@PorticoIntegrationTest
class QuietSessionsTests {

	@Autowired
	private MockMvc mvc;

	@Autowired
	private JdbcClient jdbc;

	@Test
	void aRequestThatChangesNothingDoesNotRewriteTheSessionWithinAMinute() throws Exception {
		Cookie cookie = this.mvc.perform(get("/login")).andReturn().getResponse().getCookie("SESSION");
		assertThat(cookie).as("the login page opens a session for its form token").isNotNull();
		String id = new String(Base64.getDecoder().decode(cookie.getValue()), StandardCharsets.US_ASCII);
		long recorded = lastAccess(id);

		this.mvc.perform(get("/login").cookie(cookie));
		assertThat(lastAccess(id)).isEqualTo(recorded);

		long twoMinutesAgo = System.currentTimeMillis() - Duration.ofMinutes(2).toMillis();
		this.jdbc.sql("UPDATE identity.spring_session SET last_access_time = ? WHERE session_id = ?")
			.params(twoMinutesAgo, id)
			.update();
		MvcResult later = this.mvc.perform(get("/login").cookie(cookie)).andReturn();
		assertThat(later.getResponse().getStatus()).isEqualTo(200);
		assertThat(lastAccess(id)).isGreaterThan(twoMinutesAgo + Duration.ofSeconds(100).toMillis());
	}

	private long lastAccess(String id) {
		return this.jdbc.sql("SELECT last_access_time FROM identity.spring_session WHERE session_id = ?")
			.param(id)
			.query(Long.class)
			.single();
	}

}
