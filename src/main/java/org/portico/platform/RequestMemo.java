package org.portico.platform;

import java.util.function.Supplier;

import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.context.request.RequestContextHolder;

/**
 * Answers read once per web request: a page that asks the same question several times,
 * such as which functions the user holds, reads the database once. Outside a web request
 * every call reads afresh.
 */
public final class RequestMemo {

	private static final String PREFIX = RequestMemo.class.getName() + ".";

	private RequestMemo() {
	}

	/**
	 * The value remembered under the key in this request, read now if not yet.
	 * @param key what the value answers, unique across modules
	 * @param read how to read it
	 */
	@SuppressWarnings("unchecked")
	public static <T> T get(String key, Supplier<T> read) {
		RequestAttributes request = RequestContextHolder.getRequestAttributes();
		if (request == null) {
			return read.get();
		}
		Object remembered = request.getAttribute(PREFIX + key, RequestAttributes.SCOPE_REQUEST);
		if (remembered != null) {
			return (T) remembered;
		}
		T value = read.get();
		request.setAttribute(PREFIX + key, value, RequestAttributes.SCOPE_REQUEST);
		return value;
	}

	/**
	 * Forgets every value whose key starts with the prefix, after a change to what they
	 * answer.
	 */
	public static void forget(String keyPrefix) {
		RequestAttributes request = RequestContextHolder.getRequestAttributes();
		if (request == null) {
			return;
		}
		for (String name : request.getAttributeNames(RequestAttributes.SCOPE_REQUEST)) {
			if (name.startsWith(PREFIX + keyPrefix)) {
				request.removeAttribute(name, RequestAttributes.SCOPE_REQUEST);
			}
		}
	}

}
