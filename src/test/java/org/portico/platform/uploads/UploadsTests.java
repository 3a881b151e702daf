package org.portico.platform.uploads;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import org.springframework.mock.web.MockMultipartFile;
import org.springframework.web.multipart.MultipartFile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/** The attachment checks, with a real clamd scanning. */
class UploadsTests {

	private static final byte[] PDF = "%PDF-1.7\n1 0 obj\n<<>>\nendobj\n%%EOF\n".getBytes(StandardCharsets.US_ASCII);

	private static final byte[] PNG = { (byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n', 0, 0, 0, 13 };

	private final Uploads uploads = new Uploads("127.0.0.1", LocalClamd.PORT, Duration.ofSeconds(10));

	@BeforeAll
	static void clamd() {
		LocalClamd.ensureRunning();
	}

	@Test
	void aCleanPdfPassesTheScanAndKeepsItsName() {
		CheckedFile file = this.uploads.check(file("Op note 2026-11-02.pdf", PDF));
		assertThat(file.kind()).isEqualTo(FileKind.PDF);
		assertThat(file.name()).isEqualTo("Op note 2026-11-02.pdf");
		assertThat(file.content()).isEqualTo(PDF);
		assertThat(file.sha256()).hasSize(64);
	}

	@Test
	void theKindComesFromTheBytesNotTheName() {
		CheckedFile png = this.uploads.check(file("scan.pdf", PNG));
		assertThat(png.kind()).isEqualTo(FileKind.PNG);
		assertThat(png.name()).isEqualTo("scan.png");
		assertThat(FileKind.of(new byte[] { 'I', 'I', 42, 0, 8 })).contains(FileKind.TIFF);
		assertThat(FileKind.of(new byte[] { 'M', 'M', 0, 42, 8 })).contains(FileKind.TIFF);
		assertThat(FileKind.of(new byte[] { (byte) 0xff, (byte) 0xd8, (byte) 0xff, (byte) 0xe0 }))
			.contains(FileKind.JPEG);
		assertThat(FileKind.of("%PDF".getBytes(StandardCharsets.US_ASCII))).isEmpty();
	}

	@Test
	void aProgramOrTextNamedLikeAPdfIsRefused() {
		assertRefused(file("invoice.pdf", "MZ\u0090\u0000 this is a program".getBytes(StandardCharsets.ISO_8859_1)),
				"upload.refused.type");
		assertRefused(file("notes.pdf", "plain words".getBytes(StandardCharsets.US_ASCII)), "upload.refused.type");
	}

	@Test
	void theVirusTestFileIsRefusedWhateverItLooksLike() {
		UploadRefused refused = assertRefused(file("records.pdf", LocalClamd.infectedPdf()), "upload.refused.virus");
		assertThat(refused.arguments()).containsExactly("records.pdf");
	}

	@Test
	void anEmptyOrOversizedFileIsRefused() {
		assertRefused(file("empty.pdf", new byte[0]), "upload.refused.empty");
		byte[] big = new byte[(int) Uploads.MAX_BYTES + 1];
		System.arraycopy(PDF, 0, big, 0, PDF.length);
		UploadRefused refused = assertRefused(file("big.pdf", big), "upload.refused.too-large");
		assertThat(refused.arguments()).containsExactly("big.pdf", "10.0 MB", "10.0 MB");
		byte[] justFits = new byte[(int) Uploads.MAX_BYTES];
		System.arraycopy(PDF, 0, justFits, 0, PDF.length);
		assertThat(this.uploads.check(file("fits.pdf", justFits)).size()).isEqualTo(Uploads.MAX_BYTES);
	}

	@Test
	void atMostTenFilesPerRequestCountingThoseAlreadyThere() {
		List<MultipartFile> three = List.of(file("a.pdf", PDF), file("b.pdf", PDF), file("c.png", PNG));
		assertThat(this.uploads.checkAll(three, 7)).extracting(CheckedFile::name)
			.containsExactly("a.pdf", "b.pdf", "c.png");
		assertThatExceptionOfType(UploadRefused.class).isThrownBy(() -> this.uploads.checkAll(three, 8))
			.satisfies((refused) -> assertThat(refused.messageKey()).isEqualTo("upload.refused.too-many"));
		List<MultipartFile> eleven = new ArrayList<>();
		for (int i = 0; i < 11; i++) {
			eleven.add(file("page" + i + ".pdf", PDF));
		}
		assertThatExceptionOfType(UploadRefused.class).isThrownBy(() -> this.uploads.checkAll(eleven, 0));
	}

	@Test
	void anEmptyFileInputSendsNothing() {
		MultipartFile nothingChosen = new MockMultipartFile("files", "", "application/octet-stream", new byte[0]);
		assertThat(this.uploads.checkAll(List.of(nothingChosen), 0)).isEmpty();
		assertThat(this.uploads.checkAll(null, 0)).isEmpty();
	}

	@Test
	void oneBadFileRefusesTheWholeSubmission() {
		List<MultipartFile> files = List.of(file("good.pdf", PDF), file("bad.pdf", LocalClamd.infectedPdf()));
		assertThatExceptionOfType(UploadRefused.class).isThrownBy(() -> this.uploads.checkAll(files, 0))
			.satisfies((refused) -> assertThat(refused.messageKey()).isEqualTo("upload.refused.virus"));
	}

	@Test
	void aScannerThatCannotBeReachedRefusesRatherThanLetsThrough() {
		Uploads unreachable = new Uploads("127.0.0.1", 9, Duration.ofSeconds(2));
		assertThatExceptionOfType(UploadRefused.class).isThrownBy(() -> unreachable.check(file("a.pdf", PDF)))
			.satisfies((refused) -> assertThat(refused.messageKey()).isEqualTo("upload.refused.scan-unavailable"));
	}

	@Test
	void withoutAScannerFilesAreCheckedButNotScanned() {
		Uploads unscanned = new Uploads("", 3310, Duration.ofSeconds(1));
		assertThat(unscanned.check(file("a.pdf", PDF)).kind()).isEqualTo(FileKind.PDF);
	}

	@Test
	void theUploadedNameIsNeverAPath() {
		assertThat(Uploads.displayName("../../etc/passwd")).isEqualTo("passwd");
		assertThat(Uploads.displayName("C:\\Users\\front desk\\EOB scan.pdf")).isEqualTo("EOB scan.pdf");
		assertThat(Uploads.displayName("..")).isEqualTo("attachment");
		assertThat(Uploads.displayName("<script>x</script>.pdf")).isEqualTo("script_.pdf");
		assertThat(Uploads.displayName("a\r\nContent-Type: x.pdf")).isEqualTo("a Content-Type_ x.pdf");
		assertThat(Uploads.displayName(null)).isEqualTo("attachment");
		assertThat(Uploads.displayName("x".repeat(300) + ".pdf")).hasSize(80);
	}

	private static MultipartFile file(String name, byte[] content) {
		return new MockMultipartFile("files", name, "application/pdf", content);
	}

	private UploadRefused assertRefused(MultipartFile file, String key) {
		try {
			this.uploads.check(file);
		}
		catch (UploadRefused refused) {
			assertThat(refused.messageKey()).isEqualTo(key);
			return refused;
		}
		throw new AssertionError("Expected " + file.getOriginalFilename() + " to be refused with " + key);
	}

}
