package org.portico.platform.pdf;

import java.util.Locale;

import org.springframework.context.MessageSource;

/** A PDF's words, looked up by the same message keys as the page it prints. */
public record Words(MessageSource messages, Locale locale) {

	public String get(String key, Object... args) {
		return this.messages.getMessage(key, args, this.locale);
	}

	/** The message, or null where the key has none. */
	public String getOrNull(String key) {
		return this.messages.getMessage(key, null, null, this.locale);
	}

}
