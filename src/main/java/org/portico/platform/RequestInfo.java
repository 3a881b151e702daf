package org.portico.platform;

import org.slf4j.MDC;

/**
 * The request id and client address of the request the current thread serves, as set by
 * {@link RequestIdFilter}; both are {@code null} outside a web request.
 *
 * @param requestId the request id, also sent back in the {@code X-Request-Id} header
 * @param clientIp the client's address as the container sees it
 */
public record RequestInfo(String requestId, String clientIp) {

	static final String REQUEST_ID = "requestId";

	static final String CLIENT_IP = "clientIp";

	/**
	 * The request attribute holding the id, still there when the container forwards to an
	 * error page.
	 */
	public static final String REQUEST_ID_ATTRIBUTE = RequestInfo.class.getName() + ".requestId";

	public static RequestInfo current() {
		return new RequestInfo(MDC.get(REQUEST_ID), MDC.get(CLIENT_IP));
	}

}
