package org.portico.members;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;

/**
 * A batch eligibility file, read and checked as a whole before anything is stored: a CSV
 * file with the header row
 * {@code member_id,first_name,last_name,birth_date,date_of_service} and up to
 * {@value #MAX_ROWS} rows of members. A file that cannot be read that way is refused with
 * the line at fault; a row with a wrong value is not the file's fault, and becomes an
 * error row of the result instead.
 */
public final class EligibilityBatchFile {

	public static final int MAX_ROWS = 10_000;

	/** The columns, in order, as the header row names them. */
	public static final List<String> COLUMNS = List.of("member_id", "first_name", "last_name", "birth_date",
			"date_of_service");

	/** Longer values are cut here when stored: none is valid at that length anyway. */
	static final int KEPT_LENGTH = 100;

	private static final byte[] UTF8_BOM = { (byte) 0xEF, (byte) 0xBB, (byte) 0xBF };

	private final List<Row> rows;

	private final String sha256;

	private EligibilityBatchFile(List<Row> rows, String sha256) {
		this.rows = List.copyOf(rows);
		this.sha256 = sha256;
	}

	/**
	 * One member to check, as typed (trimmed).
	 *
	 * @param line the line of the file the row starts on, counting the header as line 1
	 */
	public record Row(int line, String memberId, String firstName, String lastName, String birthDate,
			String dateOfService) {
	}

	/** Why a file as a whole cannot be read. */
	public enum Problem {

		EMPTY, NOT_CSV, HEADER, NO_ROWS, COLUMNS, UNCLOSED_QUOTE, STRAY_QUOTE, TOO_MANY_ROWS;

		public String messageKey() {
			return "eligibility.batch.file." + name().toLowerCase(Locale.ROOT).replace('_', '-');
		}

	}

	/**
	 * A file refused as a whole.
	 */
	public static final class Malformed extends Exception {

		private final Problem problem;

		private final int line;

		private final int columns;

		Malformed(Problem problem, int line, int columns) {
			super(problem + " at line " + line);
			this.problem = problem;
			this.line = line;
			this.columns = columns;
		}

		public Problem problem() {
			return this.problem;
		}

		/** The line at fault, counting from 1; 0 when it is about the whole file. */
		public int line() {
			return this.line;
		}

		/** How many values the line at fault has, for {@link Problem#COLUMNS}. */
		public int columns() {
			return this.columns;
		}

		/**
		 * What the message of the problem shows: the line, the columns found, the limit.
		 */
		public Object[] messageArguments() {
			return new Object[] { this.line, this.columns, MAX_ROWS, COLUMNS.size(), String.join(",", COLUMNS) };
		}

	}

	public List<Row> rows() {
		return this.rows;
	}

	/** The SHA-256 of the file as uploaded, in hexadecimal. */
	public String sha256() {
		return this.sha256;
	}

	/**
	 * Reads an uploaded file. UTF-8 (with or without a byte order mark) is expected;
	 * anything else is read as Windows-1252, how spreadsheet programs commonly save CSV.
	 * @throws Malformed when the file cannot be read as a whole
	 */
	public static EligibilityBatchFile read(byte[] content) throws Malformed {
		String text = decode(content);
		if (text.isBlank()) {
			throw new Malformed(Problem.EMPTY, 0, 0);
		}
		List<Row> rows = new ArrayList<>();
		boolean header = false;
		Records records = new Records(text);
		for (Record record = records.next(); record != null; record = records.next()) {
			if (record.cells().stream().allMatch(String::isBlank)) {
				continue;
			}
			List<String> cells = withoutTrailingBlanks(record.cells());
			if (!header) {
				if (!isHeader(cells)) {
					throw new Malformed(Problem.HEADER, record.line(), cells.size());
				}
				header = true;
				continue;
			}
			if (cells.size() != COLUMNS.size()) {
				throw new Malformed(Problem.COLUMNS, record.line(), cells.size());
			}
			if (rows.size() == MAX_ROWS) {
				throw new Malformed(Problem.TOO_MANY_ROWS, record.line(), cells.size());
			}
			rows.add(new Row(record.line(), kept(cells.get(0)), kept(cells.get(1)), kept(cells.get(2)),
					kept(cells.get(3)), kept(cells.get(4))));
		}
		if (!header) {
			throw new Malformed(Problem.EMPTY, 0, 0);
		}
		if (rows.isEmpty()) {
			throw new Malformed(Problem.NO_ROWS, 0, 0);
		}
		return new EligibilityBatchFile(rows, sha256(content));
	}

	private static String decode(byte[] content) throws Malformed {
		int start = startsWith(content, UTF8_BOM) ? UTF8_BOM.length : 0;
		// A spreadsheet, a PDF, a picture or UTF-16 text: bytes no CSV file has.
		if (startsWith(content, new byte[] { 'P', 'K', 3, 4 }) || startsWith(content, "%PDF".getBytes())) {
			throw new Malformed(Problem.NOT_CSV, 0, 0);
		}
		for (int i = start; i < content.length; i++) {
			if (content[i] == 0) {
				throw new Malformed(Problem.NOT_CSV, 0, 0);
			}
		}
		ByteBuffer bytes = ByteBuffer.wrap(content, start, content.length - start);
		try {
			return StandardCharsets.UTF_8.newDecoder()
				.onMalformedInput(CodingErrorAction.REPORT)
				.onUnmappableCharacter(CodingErrorAction.REPORT)
				.decode(bytes)
				.toString();
		}
		catch (CharacterCodingException ex) {
			return new String(content, start, content.length - start, Charset.forName("windows-1252"));
		}
	}

	private static boolean startsWith(byte[] content, byte[] prefix) {
		if (content.length < prefix.length) {
			return false;
		}
		for (int i = 0; i < prefix.length; i++) {
			if (content[i] != prefix[i]) {
				return false;
			}
		}
		return true;
	}

	/**
	 * Without empty cells past the last column: spreadsheets add them when a column
	 * beyond was ever touched.
	 */
	private static List<String> withoutTrailingBlanks(List<String> cells) {
		int end = cells.size();
		while (end > COLUMNS.size() && cells.get(end - 1).isBlank()) {
			end--;
		}
		return cells.subList(0, end);
	}

	private static boolean isHeader(List<String> cells) {
		if (cells.size() != COLUMNS.size()) {
			return false;
		}
		for (int i = 0; i < cells.size(); i++) {
			String name = cells.get(i).strip().toLowerCase(Locale.ROOT).replaceAll("[\\s-]+", "_");
			if (!name.equals(COLUMNS.get(i))) {
				return false;
			}
		}
		return true;
	}

	private static String kept(String cell) {
		String value = cell.strip();
		return (value.length() > KEPT_LENGTH) ? value.substring(0, KEPT_LENGTH) : value;
	}

	private static String sha256(byte[] content) {
		try {
			return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/** A record of the file and the line it starts on. */
	private record Record(int line, List<String> cells) {
	}

	/**
	 * Reads the records of a CSV text one by one, as RFC 4180 has them: values separated
	 * by commas, in double quotes when they hold a comma, a quote (doubled) or a line
	 * break. Problems are found in the order of the lines.
	 */
	private static final class Records {

		private final String text;

		private int at;

		private int line = 1;

		Records(String text) {
			this.text = text;
		}

		/** The next record, or null at the end. */
		Record next() throws Malformed {
			if (this.at >= this.text.length()) {
				return null;
			}
			int recordLine = this.line;
			List<String> cells = new ArrayList<>();
			StringBuilder cell = new StringBuilder();
			boolean closedQuote = false;
			while (this.at < this.text.length()) {
				char c = this.text.charAt(this.at++);
				if (c == ',') {
					cells.add(cell.toString());
					cell.setLength(0);
					closedQuote = false;
				}
				else if (c == '\n' || c == '\r') {
					skipLineFeedAfter(c);
					this.line++;
					cells.add(cell.toString());
					return new Record(recordLine, cells);
				}
				else if (c == '"') {
					if (closedQuote || !cell.toString().isBlank()) {
						throw new Malformed(Problem.STRAY_QUOTE, this.line, 0);
					}
					cell.setLength(0);
					quoted(cell);
					closedQuote = true;
				}
				else if (closedQuote) {
					// Only blanks may follow a closing quote before the comma.
					if (c != ' ' && c != '\t') {
						throw new Malformed(Problem.STRAY_QUOTE, this.line, 0);
					}
				}
				else {
					cell.append(c);
				}
			}
			cells.add(cell.toString());
			return new Record(recordLine, cells);
		}

		/** A value in quotes, from after the opening quote to after the closing one. */
		private void quoted(StringBuilder cell) throws Malformed {
			int opened = this.line;
			while (this.at < this.text.length()) {
				char c = this.text.charAt(this.at++);
				if (c == '"') {
					if (this.at < this.text.length() && this.text.charAt(this.at) == '"') {
						cell.append('"');
						this.at++;
					}
					else {
						return;
					}
				}
				else if (c == '\n' || c == '\r') {
					skipLineFeedAfter(c);
					this.line++;
					cell.append('\n');
				}
				else {
					cell.append(c);
				}
			}
			throw new Malformed(Problem.UNCLOSED_QUOTE, opened, 0);
		}

		private void skipLineFeedAfter(char c) {
			if (c == '\r' && this.at < this.text.length() && this.text.charAt(this.at) == '\n') {
				this.at++;
			}
		}

	}

}
