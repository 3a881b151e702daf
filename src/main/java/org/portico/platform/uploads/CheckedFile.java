package org.portico.platform.uploads;

/**
 * An uploaded file that passed every check: its kind judged from its bytes, scanned for
 * viruses where a scanner is configured.
 *
 * @param name a display name made from the uploaded one, safe to show and to offer as a
 * download name, with the extension of its real kind; never a path
 * @param kind what the bytes are
 * @param content the file
 * @param sha256 hex digest of the content
 */
public record CheckedFile(String name, FileKind kind, byte[] content, String sha256) {

	public long size() {
		return this.content.length;
	}

}
