package org.portico.authorizations;

import java.util.List;

/**
 * Something to correct on a form.
 *
 * @param field the id of the field to correct, or null for the form as a whole
 * @param messageKey what is wrong, in words
 * @param arguments the message's arguments, if it has any
 */
public record Problem(String field, String messageKey, List<Object> arguments) {

	public Problem(String field, String messageKey) {
		this(field, messageKey, List.of());
	}

	public Object[] argumentArray() {
		return this.arguments.toArray();
	}

}
