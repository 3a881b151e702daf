package org.portico.web;

import jakarta.servlet.http.Cookie;

import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/**
 * One browser's session with the portal through MockMvc: the session lives in the
 * database (Spring Session), so what carries it between requests is its cookie, which
 * this keeps and sends.
 */
public final class PortalSession {

	private final MockMvc mvc;

	private Cookie cookie;

	public PortalSession(MockMvc mvc) {
		this.mvc = mvc;
	}

	public ResultActions perform(MockHttpServletRequestBuilder request) throws Exception {
		if (this.cookie != null) {
			request.cookie(this.cookie);
		}
		ResultActions result = this.mvc.perform(request);
		Cookie returned = result.andReturn().getResponse().getCookie("SESSION");
		if (returned != null) {
			this.cookie = returned;
		}
		return result;
	}

}
