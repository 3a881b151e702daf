package org.portico.platform.uploads;

import java.io.IOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;
import org.springframework.util.StringUtils;
import org.springframework.web.multipart.MultipartFile;

/**
 * The checks every attachment passes before any module keeps it: not empty, at most 10
 * MB, a PDF, TIFF, PNG or JPEG judged from its bytes, and no virus found by {@code clamd}
 * where one is configured ({@code portico.uploads.clamd.host}). A scanner that is
 * configured but cannot answer refuses the file rather than let it through unscanned.
 */
@Service
public class Uploads {

	private static final Logger log = LoggerFactory.getLogger(Uploads.class);

	/** The largest file taken: 10 MB. */
	public static final long MAX_BYTES = 10L * 1024 * 1024;

	/** The most files one case or request may hold. */
	public static final int MAX_FILES = 10;

	/** The page that says an upload was too large for the server to read at all. */
	public static final String TOO_LARGE_PAGE = "/error/too-large";

	private static final int MAX_NAME_LENGTH = 80;

	private final VirusScanner scanner;

	@Autowired
	Uploads(@Value("${portico.uploads.clamd.host:}") String clamdHost,
			@Value("${portico.uploads.clamd.port:3310}") int clamdPort,
			@Value("${portico.uploads.clamd.timeout:30s}") Duration timeout) {
		this(scanner(clamdHost, clamdPort, timeout));
	}

	Uploads(VirusScanner scanner) {
		this.scanner = scanner;
	}

	private static VirusScanner scanner(String host, int port, Duration timeout) {
		if (StringUtils.hasText(host)) {
			return new ClamdScanner(host, port, timeout);
		}
		log.warn("Uploaded files are not scanned for viruses: set portico.uploads.clamd.host (PORTICO_CLAMD_HOST)");
		return (content) -> VirusScanner.Verdict.NOT_SCANNED;
	}

	/** One file, checked; refused with the reason otherwise. */
	public CheckedFile check(MultipartFile file) {
		String shown = displayName(file.getOriginalFilename());
		if (file.isEmpty()) {
			throw new UploadRefused("upload.refused.empty", shown);
		}
		if (file.getSize() > MAX_BYTES) {
			throw new UploadRefused("upload.refused.too-large", shown, megabytes(file.getSize()), megabytes(MAX_BYTES));
		}
		byte[] content = read(file, shown);
		FileKind kind = FileKind.of(content).orElseThrow(() -> new UploadRefused("upload.refused.type", shown));
		switch (this.scanner.scan(content)) {
			case INFECTED -> throw new UploadRefused("upload.refused.virus", shown);
			case UNAVAILABLE -> throw new UploadRefused("upload.refused.scan-unavailable", shown);
			default -> {
			}
		}
		return new CheckedFile(withExtension(shown, kind), kind, content, sha256(content));
	}

	/**
	 * The files of one submission, all or none: the first refused file refuses them all.
	 * Parts the browser sends for an empty file input are left out.
	 * @param alreadyAttached how many files the case or request holds already
	 */
	public List<CheckedFile> checkAll(List<MultipartFile> files, int alreadyAttached) {
		List<MultipartFile> chosen = (files != null) ? files.stream()
			.filter((file) -> !(file.isEmpty() && !StringUtils.hasText(file.getOriginalFilename())))
			.toList() : List.of();
		if (alreadyAttached + chosen.size() > MAX_FILES) {
			throw new UploadRefused("upload.refused.too-many", MAX_FILES, alreadyAttached, chosen.size());
		}
		List<CheckedFile> checked = new ArrayList<>(chosen.size());
		for (MultipartFile file : chosen) {
			checked.add(check(file));
		}
		return checked;
	}

	/**
	 * The last segment of what the browser called the file, without anything that could
	 * mislead in a page, a header or a path: letters, digits, spaces and {@code ._()-}.
	 */
	static String displayName(String uploaded) {
		String name = (uploaded != null) ? uploaded : "";
		name = name.substring(Math.max(name.lastIndexOf('/'), name.lastIndexOf('\\')) + 1);
		name = name.replaceAll("\\p{Cntrl}", " ")
			.replaceAll("[^\\p{L}\\p{N} ._()\\-]", "_")
			.replaceAll("\\s+", " ")
			.strip();
		name = name.replaceAll("^[ .]+", "");
		if (name.length() > MAX_NAME_LENGTH) {
			name = name.substring(0, MAX_NAME_LENGTH).strip();
		}
		return name.isEmpty() ? "attachment" : name;
	}

	/** The name with the extension of what the file really is. */
	static String withExtension(String name, FileKind kind) {
		int dot = name.lastIndexOf('.');
		String base = (dot > 0) ? name.substring(0, dot) : name;
		String extension = (dot > 0) ? name.substring(dot + 1).toLowerCase(Locale.ROOT) : "";
		boolean fits = extension.equals(kind.extension()) || (kind == FileKind.TIFF && extension.equals("tiff"))
				|| (kind == FileKind.JPEG && extension.equals("jpeg"));
		return fits ? name : base + "." + kind.extension();
	}

	private static byte[] read(MultipartFile file, String shown) {
		try {
			return file.getBytes();
		}
		catch (IOException ex) {
			throw new UploadRefused("upload.refused.unreadable", shown);
		}
	}

	private static String megabytes(long bytes) {
		return String.format(Locale.US, "%.1f MB", bytes / (1024.0 * 1024.0));
	}

	private static String sha256(byte[] content) {
		try {
			return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
