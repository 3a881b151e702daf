package org.portico.claims.web;

import org.portico.claims.AdjustmentCase;

import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/**
 * What the office's and the staff's adjustment pages share.
 */
final class AdjustmentWeb {

	private AdjustmentWeb() {
	}

	/**
	 * A kept file as a download: its checked media type, never shown in the browser's
	 * window, and never sniffed as anything else.
	 */
	static ResponseEntity<byte[]> download(AdjustmentCase.File file) {
		return ResponseEntity.ok()
			.contentType(MediaType.parseMediaType(file.mediaType()))
			.header(HttpHeaders.CONTENT_DISPOSITION,
					ContentDisposition.attachment().filename(file.name()).build().toString())
			.header("X-Content-Type-Options", "nosniff")
			.header(HttpHeaders.CACHE_CONTROL, "no-store")
			.body(file.content());
	}

}
