package org.portico.authorizations;

import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.ByteBuffer;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.portico.members.MemberApi;
import org.portico.members.MemberId;
import org.portico.providers.Npi;

import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * High-tech imaging authorizations decided by the plan's imaging benefit manager, which
 * sends them as a CSV file that plan staff import. Each line is checked on its own: lines
 * with errors are reported by number and left out, the good ones stored (a number already
 * on file is updated). A file that cannot be read as a whole is refused with nothing
 * kept. Callers check access and audit.
 */
@Service
public class ImagingAuthorizations {

	/** The file's header row, which must come first, in this order. */
	public static final List<String> COLUMNS = List.of("authorization_number", "member_id", "ordering_npi",
			"rendering_npi", "procedure_code", "description", "status", "approved_units", "valid_from", "valid_to",
			"decided_on");

	/** The most lines one file may have. */
	public static final int MAX_LINES = 5_000;

	/** The largest file taken. */
	public static final int MAX_BYTES = 2 * 1024 * 1024;

	private static final Set<String> STATUSES = Set.of("APPROVED", "PARTIALLY_APPROVED", "DENIED");

	private final JdbcClient jdbc;

	private final MemberApi members;

	private final Clock clock;

	ImagingAuthorizations(JdbcClient jdbc, MemberApi members, Clock clock) {
		this.jdbc = jdbc;
		this.members = members;
		this.clock = clock;
	}

	/** An imaging authorization as the pages show it. */
	public record ImagingAuthorization(String number, MemberId member, Npi orderingNpi, Npi renderingNpi,
			String procedureCode, String description, String status, Integer approvedUnits, LocalDate validFrom,
			LocalDate validTo, LocalDate decidedOn) {
	}

	/** What was wrong with one line: its number, a message key and the value at fault. */
	public record LineError(int line, String messageKey, String detail) {
	}

	/** An import's outcome. */
	public record Import(long id, String importedBy, Instant importedAt, String fileName, int linesRead,
			int linesStored, int linesRefused, List<LineError> errors) {
	}

	/** The whole file was refused: nothing was kept. */
	public static class FileRefused extends RuntimeException {

		private final String messageKey;

		private final Object[] arguments;

		FileRefused(String messageKey, Object... arguments) {
			super(messageKey);
			this.messageKey = messageKey;
			this.arguments = arguments;
		}

		public String messageKey() {
			return this.messageKey;
		}

		public Object[] arguments() {
			return this.arguments;
		}

	}

	@Transactional
	public Import importFile(String importedBy, String fileName, byte[] content) {
		List<List<String>> rows = rows(content);
		List<LineError> errors = new ArrayList<>();
		List<ImagingAuthorization> good = new ArrayList<>();
		Set<String> numbers = new HashSet<>();
		for (int i = 1; i < rows.size(); i++) {
			int line = i + 1;
			List<String> row = rows.get(i);
			if (row.size() == 1 && row.get(0).isBlank()) {
				continue;
			}
			List<LineError> lineErrors = new ArrayList<>();
			ImagingAuthorization a = line(line, row, lineErrors);
			if (a != null && !numbers.add(a.number())) {
				lineErrors.add(new LineError(line, "imaging.import.line.duplicate", a.number()));
			}
			if (lineErrors.isEmpty()) {
				good.add(a);
			}
			errors.addAll(lineErrors);
		}
		int read = (int) rows.stream().skip(1).filter((r) -> !(r.size() == 1 && r.get(0).isBlank())).count();
		Instant now = Instant.now(this.clock);
		String name = (fileName == null || fileName.isBlank()) ? "imaging.csv"
				: fileName.replaceAll("[^\\p{L}\\p{N} ._()\\-]", "_");
		name = name.substring(0, Math.min(name.length(), 120));
		int refused = (int) errors.stream().map(LineError::line).distinct().count();
		KeyHolder keys = new GeneratedKeyHolder();
		this.jdbc
			.sql("""
					INSERT INTO authorizations.imaging_import (imported_by, imported_at, file_name, lines_read, lines_stored,
					  lines_refused) VALUES (?, ?, ?, ?, ?, ?)
					""")
			.params(importedBy, Timestamp.from(now), name, read, good.size(), refused)
			.update(keys, "id");
		long id = keys.getKey().longValue();
		for (ImagingAuthorization a : good) {
			store(id, a);
		}
		for (LineError e : errors) {
			this.jdbc.sql("""
					INSERT INTO authorizations.imaging_import_error (import_id, line_number, message_key, detail)
					VALUES (?, ?, ?, ?)
					""")
				.params(id, e.line(), e.messageKey(),
						(e.detail() == null) ? null : e.detail().substring(0, Math.min(200, e.detail().length())))
				.update();
		}
		return new Import(id, importedBy, now, name, read, good.size(), refused, List.copyOf(errors));
	}

	@Transactional(readOnly = true)
	public Optional<Import> findImport(long id) {
		List<LineError> errors = this.jdbc.sql("""
				SELECT line_number, message_key, detail FROM authorizations.imaging_import_error WHERE import_id = ?
				ORDER BY line_number, message_key
				""").param(id).query((rs, row) -> new LineError(rs.getInt(1), rs.getString(2), rs.getString(3))).list();
		return this.jdbc.sql("""
				SELECT id, imported_by, imported_at, file_name, lines_read, lines_stored, lines_refused
				FROM authorizations.imaging_import WHERE id = ?
				""").param(id).query((rs, row) -> anImport(rs, errors)).optional();
	}

	/** The latest imports, newest first, without their errors. */
	@Transactional(readOnly = true)
	public List<Import> recentImports(int limit) {
		return this.jdbc.sql("""
				SELECT id, imported_by, imported_at, file_name, lines_read, lines_stored, lines_refused
				FROM authorizations.imaging_import ORDER BY imported_at DESC, id DESC FETCH FIRST ? ROWS ONLY
				""").param(limit).query((rs, row) -> anImport(rs, List.of())).list();
	}

	/**
	 * The authorizations ordered or rendered by one of the NPIs that match, newest
	 * decision first, at most {@link Authorizations#LISTED}.
	 */
	@Transactional(readOnly = true)
	public List<ImagingAuthorization> search(Collection<Npi> npis, MemberId member, Npi npi, String status,
			LocalDate decidedFrom, LocalDate decidedTo) {
		if (npis.isEmpty()) {
			return List.of();
		}
		StringBuilder sql = new StringBuilder(SELECT).append(" WHERE (ordering_npi IN (")
			.append(String.join(", ", Collections.nCopies(npis.size(), "?")))
			.append(") OR rendering_npi IN (")
			.append(String.join(", ", Collections.nCopies(npis.size(), "?")))
			.append("))");
		List<Object> params = new ArrayList<>();
		npis.forEach((n) -> params.add(n.value()));
		npis.forEach((n) -> params.add(n.value()));
		if (member != null) {
			sql.append(" AND subscriber_id = ? AND member_suffix = ?");
			params.add(member.subscriberId());
			params.add(member.suffix());
		}
		if (npi != null) {
			sql.append(" AND (ordering_npi = ? OR rendering_npi = ?)");
			params.add(npi.value());
			params.add(npi.value());
		}
		if (status != null) {
			sql.append(" AND status = ?");
			params.add(status);
		}
		if (decidedFrom != null) {
			sql.append(" AND decided_on >= ?");
			params.add(decidedFrom);
		}
		if (decidedTo != null) {
			sql.append(" AND decided_on <= ?");
			params.add(decidedTo);
		}
		sql.append(" ORDER BY decided_on DESC, id DESC FETCH FIRST ")
			.append(Authorizations.LISTED)
			.append(" ROWS ONLY");
		return this.jdbc.sql(sql.toString()).params(params).query(this::authorization).list();
	}

	@Transactional(readOnly = true)
	public Optional<ImagingAuthorization> find(String number) {
		if (number == null || number.length() > 20) {
			return Optional.empty();
		}
		return this.jdbc.sql(SELECT + " WHERE authorization_number = ?")
			.param(number.strip().toUpperCase(java.util.Locale.ROOT))
			.query(this::authorization)
			.optional();
	}

	private void store(long importId, ImagingAuthorization a) {
		int updated = this.jdbc.sql("""
				UPDATE authorizations.imaging_authorization SET import_id = ?, subscriber_id = ?, member_suffix = ?,
				  ordering_npi = ?, rendering_npi = ?, procedure_code = ?, description = ?, status = ?,
				  approved_units = ?, valid_from = ?, valid_to = ?, decided_on = ?
				WHERE authorization_number = ?
				""")
			.params(importId, a.member().subscriberId(), a.member().suffix(), a.orderingNpi().value(),
					a.renderingNpi().value(), a.procedureCode(), a.description(), a.status(), a.approvedUnits(),
					a.validFrom(), a.validTo(), a.decidedOn(), a.number())
			.update();
		if (updated == 0) {
			this.jdbc.sql("""
					INSERT INTO authorizations.imaging_authorization (authorization_number, import_id, subscriber_id,
					  member_suffix, ordering_npi, rendering_npi, procedure_code, description, status, approved_units,
					  valid_from, valid_to, decided_on) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
					""")
				.params(a.number(), importId, a.member().subscriberId(), a.member().suffix(), a.orderingNpi().value(),
						a.renderingNpi().value(), a.procedureCode(), a.description(), a.status(), a.approvedUnits(),
						a.validFrom(), a.validTo(), a.decidedOn())
				.update();
		}
	}

	/** One line read and checked; null, with the errors, when it cannot be stored. */
	private ImagingAuthorization line(int line, List<String> row, List<LineError> errors) {
		if (row.size() != COLUMNS.size()) {
			errors.add(new LineError(line, "imaging.import.line.columns", String.valueOf(row.size())));
			return null;
		}
		String number = row.get(0).toUpperCase(java.util.Locale.ROOT);
		if (!number.matches("[A-Z0-9-]{4,20}")) {
			errors.add(new LineError(line, "imaging.import.line.number", row.get(0)));
		}
		MemberId member = null;
		try {
			member = MemberId.parse(row.get(1));
			if (this.members.find(member).isEmpty()) {
				errors.add(new LineError(line, "imaging.import.line.member-unknown", row.get(1)));
			}
		}
		catch (IllegalArgumentException ex) {
			errors.add(new LineError(line, "imaging.import.line.member-id", row.get(1)));
		}
		Npi ordering = npi(line, row.get(2), "imaging.import.line.ordering-npi", errors);
		Npi rendering = npi(line, row.get(3), "imaging.import.line.rendering-npi", errors);
		if (!row.get(4).matches("[0-9]{4}[0-9A-Z]")) {
			errors.add(new LineError(line, "imaging.import.line.procedure-code", row.get(4)));
		}
		if (row.get(5).isEmpty() || row.get(5).length() > 120) {
			errors.add(new LineError(line, "imaging.import.line.description", null));
		}
		String status = row.get(6).toUpperCase(java.util.Locale.ROOT);
		if (!STATUSES.contains(status)) {
			errors.add(new LineError(line, "imaging.import.line.status", row.get(6)));
		}
		Integer units = null;
		if (!row.get(7).isEmpty()) {
			try {
				units = Integer.valueOf(row.get(7));
			}
			catch (NumberFormatException ex) {
				units = -1;
			}
		}
		if ((units != null && (units < 1 || units > 999)) || (units == null && !"DENIED".equals(status))) {
			errors.add(new LineError(line, "imaging.import.line.units", row.get(7)));
		}
		LocalDate from = date(line, row.get(8), "imaging.import.line.valid-from", errors);
		LocalDate to = date(line, row.get(9), "imaging.import.line.valid-to", errors);
		LocalDate decided = date(line, row.get(10), "imaging.import.line.decided-on", errors);
		if (from != null && to != null && to.isBefore(from)) {
			errors.add(new LineError(line, "imaging.import.line.dates", row.get(9)));
		}
		if (!errors.isEmpty()) {
			return null;
		}
		return new ImagingAuthorization(number, member, ordering, rendering, row.get(4), row.get(5), status,
				"DENIED".equals(status) ? null : units, from, to, decided);
	}

	private static Npi npi(int line, String typed, String messageKey, List<LineError> errors) {
		if (!Npi.isValid(typed)) {
			errors.add(new LineError(line, messageKey, typed));
			return null;
		}
		return Npi.parse(typed);
	}

	private static LocalDate date(int line, String typed, String messageKey, List<LineError> errors) {
		try {
			return LocalDate.parse(typed);
		}
		catch (DateTimeParseException ex) {
			errors.add(new LineError(line, messageKey, typed));
			return null;
		}
	}

	/** The file's rows, the header checked; refused as a whole when it cannot be read. */
	static List<List<String>> rows(byte[] content) {
		if (content == null || content.length == 0) {
			throw new FileRefused("imaging.import.file.empty");
		}
		if (content.length > MAX_BYTES) {
			throw new FileRefused("imaging.import.file.too-large", MAX_BYTES / (1024 * 1024));
		}
		String text;
		try {
			text = StandardCharsets.UTF_8.newDecoder()
				.onMalformedInput(CodingErrorAction.REPORT)
				.decode(ByteBuffer.wrap(content))
				.toString();
		}
		catch (CharacterCodingException ex) {
			throw new FileRefused("imaging.import.file.not-text");
		}
		if (text.startsWith("\uFEFF")) {
			text = text.substring(1);
		}
		List<List<String>> rows = new ArrayList<>();
		for (String line : text.split("\r?\n", -1)) {
			rows.add(fields(line));
		}
		while (rows.size() > 1 && rows.get(rows.size() - 1).size() == 1 && rows.get(rows.size() - 1).get(0).isBlank()) {
			rows.remove(rows.size() - 1);
		}
		List<String> header = rows.get(0).stream().map((h) -> h.toLowerCase(java.util.Locale.ROOT)).toList();
		if (!header.equals(COLUMNS)) {
			throw new FileRefused("imaging.import.file.header", String.join(",", COLUMNS));
		}
		if (rows.size() - 1 > MAX_LINES) {
			throw new FileRefused("imaging.import.file.too-many", MAX_LINES);
		}
		return rows;
	}

	/**
	 * One CSV line's fields: commas separate, double quotes enclose, two double quotes
	 * escape.
	 */
	static List<String> fields(String line) {
		List<String> fields = new ArrayList<>();
		StringBuilder field = new StringBuilder();
		boolean quoted = false;
		for (int i = 0; i < line.length(); i++) {
			char c = line.charAt(i);
			if (quoted) {
				if (c == '"' && i + 1 < line.length() && line.charAt(i + 1) == '"') {
					field.append('"');
					i++;
				}
				else if (c == '"') {
					quoted = false;
				}
				else {
					field.append(c);
				}
			}
			else if (c == '"') {
				quoted = true;
			}
			else if (c == ',') {
				fields.add(field.toString().strip());
				field.setLength(0);
			}
			else {
				field.append(c);
			}
		}
		fields.add(field.toString().strip());
		return fields;
	}

	private static final String SELECT = """
			SELECT authorization_number, subscriber_id, member_suffix, ordering_npi, rendering_npi, procedure_code,
			       description, status, approved_units, valid_from, valid_to, decided_on
			FROM authorizations.imaging_authorization""";

	private ImagingAuthorization authorization(ResultSet rs, int row) throws SQLException {
		return new ImagingAuthorization(rs.getString(1), new MemberId(rs.getString(2), rs.getString(3)),
				new Npi(rs.getString(4)), new Npi(rs.getString(5)), rs.getString(6), rs.getString(7), rs.getString(8),
				rs.getObject(9, Integer.class), rs.getObject(10, LocalDate.class), rs.getObject(11, LocalDate.class),
				rs.getObject(12, LocalDate.class));
	}

	private static Import anImport(ResultSet rs, List<LineError> errors) throws SQLException {
		return new Import(rs.getLong(1), rs.getString(2), rs.getTimestamp(3).toInstant(), rs.getString(4), rs.getInt(5),
				rs.getInt(6), rs.getInt(7), errors);
	}

}
