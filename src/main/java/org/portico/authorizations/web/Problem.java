package org.portico.authorizations.web;

import java.util.List;

/**
 * A problem with a form, in words: the field to correct (its element id, or null for the
 * form as a whole), the message key and its arguments.
 */
record Problem(String field, String messageKey, List<Object> arguments) {

	static Problem of(String field, String messageKey, Object... arguments) {
		return new Problem(field, messageKey, List.of(arguments));
	}

	public Object[] args() {
		return this.arguments.toArray();
	}

}
