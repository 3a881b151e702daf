package org.portico.platform.uploads;

/**
 * A file the portal will not take, and why, in a message key for the user: the form shows
 * it beside the upload and stores nothing of the submission.
 */
public class UploadRefused extends RuntimeException {

	private final String messageKey;

	private final transient Object[] arguments;

	UploadRefused(String messageKey, Object... arguments) {
		super(messageKey);
		this.messageKey = messageKey;
		this.arguments = arguments;
	}

	public String messageKey() {
		return this.messageKey;
	}

	public Object[] arguments() {
		return this.arguments.clone();
	}

}
