package org.portico.platform.uploads;

import java.util.Arrays;
import java.util.Optional;

/**
 * The kinds of file the portal accepts as attachments, told apart by their first bytes:
 * what a file's name or the browser says about it is not trusted.
 */
public enum FileKind {

	PDF("application/pdf", "pdf", bytes("%PDF-")),

	TIFF("image/tiff", "tif", new byte[] { 'I', 'I', 42, 0 }, new byte[] { 'M', 'M', 0, 42 }),

	PNG("image/png", "png", new byte[] { (byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n' }),

	JPEG("image/jpeg", "jpg", new byte[] { (byte) 0xff, (byte) 0xd8, (byte) 0xff });

	private final String mediaType;

	private final String extension;

	private final byte[][] signatures;

	FileKind(String mediaType, String extension, byte[]... signatures) {
		this.mediaType = mediaType;
		this.extension = extension;
		this.signatures = signatures;
	}

	public String mediaType() {
		return this.mediaType;
	}

	public String extension() {
		return this.extension;
	}

	/** The kind whose signature the content starts with, if any. */
	public static Optional<FileKind> of(byte[] content) {
		return Arrays.stream(values()).filter((kind) -> kind.starts(content)).findFirst();
	}

	private boolean starts(byte[] content) {
		for (byte[] signature : this.signatures) {
			if (content.length >= signature.length
					&& Arrays.equals(content, 0, signature.length, signature, 0, signature.length)) {
				return true;
			}
		}
		return false;
	}

	private static byte[] bytes(String ascii) {
		return ascii.getBytes(java.nio.charset.StandardCharsets.US_ASCII);
	}

}
