package org.portico.members;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import javax.sql.DataSource;

import org.portico.providers.Npi;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What reports may ask about PCP panels, in aggregate: the counting runs here, next to
 * the members tables. Callers check access and audit.
 */
@Service
@Transactional(readOnly = true)
public class PanelReporting {

	/** The product of the member's coverage on the date given by the expression. */
	private static final String PRODUCT_ON = """
			LEFT JOIN members.coverage c ON c.subscriber_id = a.subscriber_id AND c.member_suffix = a.member_suffix
			  AND c.effective_date <= %1$s AND (c.termination_date IS NULL OR c.termination_date >= %1$s)
			LEFT JOIN members.product p ON p.code = c.product_code
			""";

	private final JdbcClient jdbc;

	private final JdbcTemplate streaming;

	PanelReporting(JdbcClient jdbc, DataSource dataSource) {
		this.jdbc = jdbc;
		this.streaming = new JdbcTemplate(dataSource);
		this.streaming.setFetchSize(5_000);
	}

	/**
	 * The panels of the PCPs by product: members assigned on the date, assignments that
	 * began in its month and assignments that end in its month (the last day of an
	 * assignment is its termination date). Each count takes the product of the member's
	 * coverage on the day that matters: the date, the first day, the last day.
	 */
	public List<RosterCount> roster(Collection<Npi> pcps, LocalDate asOf) {
		if (pcps.isEmpty()) {
			return List.of();
		}
		LocalDate first = asOf.withDayOfMonth(1);
		LocalDate last = asOf.withDayOfMonth(asOf.lengthOfMonth());
		Map<String, long[]> counts = new LinkedHashMap<>();
		Map<String, String> names = new LinkedHashMap<>();
		count(pcps, ":asOf",
				"a.effective_date <= :asOf AND (a.termination_date IS NULL OR a.termination_date >= :asOf)", asOf,
				first, last, 0, counts, names);
		count(pcps, "a.effective_date", "a.effective_date >= :first AND a.effective_date <= :last", asOf, first, last,
				1, counts, names);
		count(pcps, "a.termination_date", "a.termination_date >= :first AND a.termination_date <= :last", asOf, first,
				last, 2, counts, names);
		List<RosterCount> rows = new ArrayList<>();
		counts.forEach((key, c) -> {
			int bar = key.indexOf('|');
			rows.add(new RosterCount(new Npi(key.substring(0, bar)), key.substring(bar + 1), names.get(key), c[0], c[1],
					c[2]));
		});
		return rows;
	}

	private void count(Collection<Npi> pcps, String productDate, String when, LocalDate asOf, LocalDate first,
			LocalDate last, int column, Map<String, long[]> counts, Map<String, String> names) {
		this.jdbc.sql("""
				SELECT a.pcp_npi, COALESCE(p.code, ''), COALESCE(p.name, ''), COUNT(*)
				FROM members.pcp_assignment a
				%s
				WHERE a.pcp_npi IN (:pcps) AND %s
				GROUP BY a.pcp_npi, p.code, p.name
				""".formatted(PRODUCT_ON.formatted(productDate), when))
			.param("pcps", pcps.stream().map(Npi::value).toList())
			.param("asOf", asOf)
			.param("first", first)
			.param("last", last)
			.query((rs) -> {
				String key = rs.getString(1) + "|" + rs.getString(2);
				names.put(key, rs.getString(3));
				counts.computeIfAbsent(key, (k) -> new long[3])[column] += rs.getLong(4);
			});
	}

	/**
	 * Every member assigned to a PCP on the date, with what care-gap measures ask of
	 * them: date of birth and gender.
	 */
	public void panelMembers(LocalDate asOf, Consumer<PanelMember> each) {
		this.streaming.query("""
				SELECT a.pcp_npi, m.subscriber_id, m.member_suffix, m.birth_date, m.gender
				FROM members.pcp_assignment a
				JOIN members.member m ON m.subscriber_id = a.subscriber_id AND m.member_suffix = a.member_suffix
				WHERE a.effective_date <= ? AND (a.termination_date IS NULL OR a.termination_date >= ?)
				""", (rs) -> {
			each.accept(new PanelMember(new MemberId(rs.getString(2), rs.getString(3)), new Npi(rs.getString(1)),
					rs.getObject(4, LocalDate.class), rs.getString(5)));
		}, asOf, asOf);
	}

	/** The members on file among these, by ID. */
	public Map<MemberId, MemberSummary> members(Collection<MemberId> ids) {
		Map<MemberId, MemberSummary> found = new LinkedHashMap<>();
		for (MemberId id : ids) {
			this.jdbc.sql("""
					SELECT first_name, last_name, birth_date FROM members.member
					WHERE subscriber_id = ? AND member_suffix = ?
					""")
				.params(id.subscriberId(), id.suffix())
				.query((rs, row) -> new MemberSummary(id, rs.getString(1), rs.getString(2),
						rs.getObject(3, LocalDate.class)))
				.optional()
				.ifPresent((m) -> found.put(id, m));
		}
		return found;
	}

	/**
	 * One PCP's members of one product: assigned on the date, new and ended in its month.
	 */
	public record RosterCount(Npi pcp, String productCode, String productName, long assigned, long added, long ended) {
	}

	/** A member on a PCP's panel. */
	public record PanelMember(MemberId member, Npi pcp, LocalDate birthDate, String gender) {
	}

}
