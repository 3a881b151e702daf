package org.portico.claims;

import java.math.BigDecimal;
import java.sql.Array;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

import javax.sql.DataSource;

import org.portico.members.MemberId;
import org.portico.providers.Npi;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What reports may ask about claims, in aggregate: the grouping runs here, next to the
 * claims tables, and only totals (or, for clinical quality, the dated codes that count as
 * evidence) leave the module. Callers check access and audit.
 */
@Service
@Transactional(readOnly = true)
public class ClaimReporting {

	/** Claims that a replacement or void took the place of do not count twice. */
	private static final String COUNTED = "c.frequency_code <> '8'";

	private static final String OF_NPIS = "(c.payee_npi IN (:npis) OR c.billing_npi IN (:npis) OR c.rendering_npi IN (:npis))";

	private final JdbcClient jdbc;

	private final NamedParameterJdbcTemplate streaming;

	ClaimReporting(JdbcClient jdbc, DataSource dataSource) {
		this.jdbc = jdbc;
		JdbcTemplate template = new JdbcTemplate(dataSource);
		template.setFetchSize(5_000);
		this.streaming = new NamedParameterJdbcTemplate(template);
	}

	/**
	 * Claims billed by, rendered by or paid to any of the NPIs, with a first date of
	 * service in the span: how many, billed and paid, per month of service and status.
	 */
	public List<MonthlyClaims> monthlyTotals(Collection<Npi> npis, LocalDate from, LocalDate to) {
		if (npis.isEmpty()) {
			return List.of();
		}
		return this.jdbc.sql("""
				SELECT EXTRACT(YEAR FROM c.service_from) AS y, EXTRACT(MONTH FROM c.service_from) AS m, c.status,
				       COUNT(*) AS claims, SUM(c.total_billed) AS billed, SUM(c.total_paid) AS paid
				FROM claims.claim c
				WHERE c.service_from >= :from AND c.service_from <= :to AND %s AND %s
				GROUP BY EXTRACT(YEAR FROM c.service_from), EXTRACT(MONTH FROM c.service_from), c.status
				""".formatted(COUNTED, OF_NPIS))
			.param("from", from)
			.param("to", to)
			.param("npis", values(npis))
			.query((rs, row) -> new MonthlyClaims(YearMonth.of(rs.getInt("y"), rs.getInt("m")),
					ClaimStatus.valueOf(rs.getString("status")), rs.getLong("claims"), rs.getBigDecimal("billed"),
					rs.getBigDecimal("paid")))
			.list();
	}

	/**
	 * The adjustment reasons (CARC) most often given on denied claims of the NPIs in the
	 * span, with their descriptions: how many denied claims gave each and the amount
	 * adjusted for it.
	 */
	public List<DenialReason> topDenialReasons(Collection<Npi> npis, LocalDate from, LocalDate to, int limit) {
		if (npis.isEmpty()) {
			return List.of();
		}
		return this.jdbc.sql("""
				SELECT a.reason_code, r.description, COUNT(DISTINCT c.id) AS claims, SUM(a.amount) AS amount
				FROM claims.claim c
				JOIN claims.claim_line_adjustment a ON a.claim_id = c.id
				LEFT JOIN claims.adjustment_reason r ON r.kind = 'CARC' AND r.code = a.reason_code
				WHERE c.status = 'DENIED' AND c.service_from >= :from AND c.service_from <= :to AND %s AND %s
				GROUP BY a.reason_code, r.description
				ORDER BY COUNT(DISTINCT c.id) DESC, a.reason_code
				FETCH FIRST %d ROWS ONLY
				""".formatted(COUNTED, OF_NPIS, limit))
			.param("from", from)
			.param("to", to)
			.param("npis", values(npis))
			.query((rs, row) -> new DenialReason(rs.getString(1), rs.getString(2), rs.getLong(3), rs.getBigDecimal(4)))
			.list();
	}

	/**
	 * Every diagnosis and procedure among the codes asked for on a claim with service in
	 * the span, as dated evidence per member, in no particular order: what disease
	 * registries and care gaps are computed from. Diagnoses come from the claim's
	 * diagnosis codes, procedures from its service lines.
	 */
	public void clinicalEvidence(LocalDate from, LocalDate to, Set<String> diagnoses, Set<String> procedures,
			Consumer<ClinicalEvidence> each) {
		if (!diagnoses.isEmpty()) {
			List<String> codes = List.copyOf(diagnoses);
			Map<String, Object> params = new LinkedHashMap<>();
			List<String> tests = new ArrayList<>();
			for (int i = 0; i < codes.size(); i++) {
				params.put("d" + i, codes.get(i));
				tests.add(":d" + i + " = ANY(c.diagnosis_codes)");
			}
			params.put("from", from);
			params.put("to", to);
			this.streaming.query("""
					SELECT c.subscriber_id, c.member_suffix, c.service_from, c.diagnosis_codes FROM claims.claim c
					WHERE c.service_from >= :from AND c.service_from <= :to AND %s AND (%s)
					""".formatted(COUNTED, String.join(" OR ", tests)), params, (rs) -> {
				MemberId member = new MemberId(rs.getString(1), rs.getString(2));
				LocalDate date = rs.getObject(3, LocalDate.class);
				for (String code : strings(rs.getArray(4))) {
					if (diagnoses.contains(code)) {
						each.accept(new ClinicalEvidence(member, date, code));
					}
				}
			});
		}
		if (!procedures.isEmpty()) {
			this.streaming.query("""
					SELECT c.subscriber_id, c.member_suffix, l.service_date, l.procedure_code
					FROM claims.claim_line l JOIN claims.claim c ON c.id = l.claim_id
					WHERE l.service_date >= :from AND l.service_date <= :to AND l.procedure_code IN (:codes) AND %s
					""".formatted(COUNTED), Map.of("from", from, "to", to, "codes", List.copyOf(procedures)), (rs) -> {
				each.accept(new ClinicalEvidence(new MemberId(rs.getString(1), rs.getString(2)),
						rs.getObject(3, LocalDate.class), rs.getString(4)));
			});
		}
	}

	private static List<String> values(Collection<Npi> npis) {
		return npis.stream().map(Npi::value).toList();
	}

	private static List<String> strings(Array array) throws SQLException {
		if (array == null) {
			return List.of();
		}
		List<String> out = new ArrayList<>();
		for (Object o : (Object[]) array.getArray()) {
			if (o != null) {
				out.add(o.toString().trim());
			}
		}
		return out;
	}

	/** Claims of one month of service and status. */
	public record MonthlyClaims(YearMonth month, ClaimStatus status, long claims, BigDecimal billed, BigDecimal paid) {
	}

	/** A claim adjustment reason code given on denied claims. */
	public record DenialReason(String code, String description, long claims, BigDecimal amount) {
	}

	/** A diagnosis or procedure code on a member's claim, with its date of service. */
	public record ClinicalEvidence(MemberId member, LocalDate date, String code) {
	}

}
