package org.portico.claims;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;

import org.portico.claims.PayeeNpiAccessRequired.VisiblePayees;

/**
 * The SQL of a claim search. Each search reads one or a few index ranges, each already in
 * order of date of service, newest first, and stops after {@link #LISTED} claims plus one
 * (to know there are more): the claim number, the member, the provider's billing,
 * rendering and payee indexes, or else each visible payee's own claims. The work done is
 * bounded by what is listed, not by the number of claims on file.
 */
final class ClaimSearchSql {

	/** At most this many claims are listed for one search, those seen most recently. */
	static final int LISTED = 1000;

	/** Beyond this many payee NPIs, one index range per payee is no longer worth it. */
	private static final int BRANCHES_PER_PAYEE = 20;

	static final String COLUMNS = """
			c.claim_number, c.patient_first_name, c.patient_last_name, c.subscriber_id, c.member_suffix,
			c.service_from, c.service_to, c.billing_npi, c.rendering_npi, c.payee_npi, c.status, c.status_category,
			c.total_billed, c.total_paid""";

	private static final String NAME = "claims.patient_search_name(c.patient_first_name, c.patient_last_name)";

	private static final String NEWEST_FIRST = " ORDER BY c.service_from DESC, c.id DESC";

	private ClaimSearchSql() {
	}

	record Query(String sql, List<Object> params) {
	}

	/** Which claims of the search: those the user may see, or those withheld. */
	enum Scope {

		VISIBLE, WITHHELD

	}

	private record Part(String sql, List<Object> params) {

		Part(String sql, Object... params) {
			this(sql, List.of(params));
		}

	}

	/**
	 * The ids and first dates of service of at most {@link #LISTED} plus one matching
	 * claims, newest first.
	 * @return empty when the scope cannot be read through an index: the withheld claims
	 * of a search that names no claim, member or provider
	 */
	static Optional<Query> matched(ClaimCriteria c, VisiblePayees payees, Scope scope) {
		List<Part> drivers = new ArrayList<>();
		String driver = driver(c, payees, scope, drivers);
		boolean perPayee = drivers.isEmpty();
		if (perPayee) {
			if (scope == Scope.WITHHELD) {
				return Optional.empty();
			}
			if (payees.npis().size() <= BRANCHES_PER_PAYEE) {
				payees.values().forEach((p) -> drivers.add(new Part("c.payee_npi = ?", p)));
			}
			else {
				drivers.add(payeesIn(payees, scope));
			}
		}
		List<Part> filters = filters(c, driver);
		if (!perPayee) {
			filters.add(payeesIn(payees, scope));
		}
		StringBuilder sql = new StringBuilder("SELECT m.id, m.service_from FROM (");
		List<Object> params = new ArrayList<>();
		for (int i = 0; i < drivers.size(); i++) {
			sql.append((i == 0) ? "" : " UNION ALL ")
				.append("(SELECT c.id, c.service_from FROM claims.claim c WHERE ")
				.append(drivers.get(i).sql());
			params.addAll(drivers.get(i).params());
			for (Part filter : filters) {
				sql.append(" AND ").append(filter.sql());
				params.addAll(filter.params());
			}
			sql.append(NEWEST_FIRST).append(" FETCH FIRST ").append(LISTED + 1).append(" ROWS ONLY)");
		}
		if (drivers.isEmpty()) {
			// No way for the claims to be there: the provider's own branches were all
			// left out for this scope.
			sql.append("SELECT c.id, c.service_from FROM claims.claim c WHERE 1 = 0");
		}
		sql.append(") m ORDER BY m.service_from DESC, m.id DESC FETCH FIRST ").append(LISTED + 1).append(" ROWS ONLY");
		return Optional.of(new Query(sql.toString(), params));
	}

	/**
	 * One page of the listed claims in the order asked for, each row with the number of
	 * claims matched (at most {@link #LISTED} plus one).
	 */
	static Query page(Query matched, ClaimSort sort, int offset, int size) {
		List<Object> params = new ArrayList<>(matched.params());
		String direction = sort.ascending() ? " ASC" : " DESC";
		StringBuilder sql = new StringBuilder("WITH matched AS (").append(matched.sql())
			.append(") SELECT ")
			.append(COLUMNS)
			.append(", (SELECT COUNT(*) FROM matched) AS matched_count FROM claims.claim c JOIN ");
		String listed = "(SELECT id, service_from FROM matched ORDER BY service_from DESC, id DESC FETCH FIRST "
				+ LISTED + " ROWS ONLY)";
		if (sort.column() == ClaimSort.Column.SERVICE_DATE) {
			// The page is cut from the ids alone; only its own rows are read.
			sql.append("(SELECT id, service_from FROM ")
				.append(listed)
				.append(" l ORDER BY service_from")
				.append(direction)
				.append(", id")
				.append(direction)
				.append(" OFFSET ? ROWS FETCH FIRST ? ROWS ONLY) k ON k.id = c.id ORDER BY c.service_from")
				.append(direction)
				.append(", c.id")
				.append(direction);
		}
		else {
			sql.append(listed)
				.append(" k ON k.id = c.id ORDER BY ")
				.append(order(sort.column(), direction))
				.append(", c.service_from DESC, c.id DESC OFFSET ? ROWS FETCH FIRST ? ROWS ONLY");
		}
		params.add(offset);
		params.add(size);
		return new Query(sql.toString(), params);
	}

	/** How many claims matched, at most {@link #LISTED} plus one. */
	static Query count(Query matched) {
		return new Query("SELECT COUNT(*) FROM (" + matched.sql() + ") x", matched.params());
	}

	private static String order(ClaimSort.Column column, String direction) {
		return switch (column) {
			case NUMBER -> "c.claim_number" + direction;
			case PATIENT -> "c.patient_last_name" + direction + ", c.patient_first_name" + direction;
			case SERVICE_DATE -> "c.service_from" + direction;
			case STATUS -> "c.status" + direction;
			case BILLED -> "c.total_billed" + direction;
			case PAID -> "c.total_paid" + direction;
		};
	}

	/**
	 * The index ranges a search reads, by the most selective of what it names.
	 * @return which criterion drives the search, or null when none does
	 */
	private static String driver(ClaimCriteria c, VisiblePayees payees, Scope scope, List<Part> drivers) {
		if (c.claimNumber() != null) {
			drivers.add(new Part("c.claim_number = ?", c.claimNumber().value()));
			return "claimNumber";
		}
		if (c.member() != null) {
			drivers.add(new Part("c.subscriber_id = ? AND c.member_suffix = ?", c.member().subscriberId(),
					c.member().suffix()));
			return "member";
		}
		if (c.subscriberId() != null) {
			drivers.add(new Part("c.subscriber_id = ?", c.subscriberId()));
			return "subscriberId";
		}
		if (c.provider() != null) {
			String n = c.provider().value();
			drivers.add(new Part("c.billing_npi = ?", n));
			drivers.add(new Part("c.rendering_npi = ? AND c.billing_npi <> ?", n, n));
			// Paid to the NPI but billed and rendered by others: visible only when the
			// NPI is one of the user's.
			if (payees.allow(c.provider()) == (scope == Scope.VISIBLE)) {
				drivers.add(new Part("c.payee_npi = ? AND c.billing_npi <> ? AND c.rendering_npi <> ?", n, n, n));
			}
			return "provider";
		}
		return null;
	}

	private static List<Part> filters(ClaimCriteria c, String driver) {
		List<Part> filters = new ArrayList<>();
		if (c.member() != null && !"member".equals(driver)) {
			filters.add(new Part("c.subscriber_id = ? AND c.member_suffix = ?", c.member().subscriberId(),
					c.member().suffix()));
		}
		if (c.subscriberId() != null && !"subscriberId".equals(driver)) {
			filters.add(new Part("c.subscriber_id = ?", c.subscriberId()));
		}
		if (c.provider() != null && !"provider".equals(driver)) {
			String n = c.provider().value();
			filters.add(new Part("(c.billing_npi = ? OR c.rendering_npi = ? OR c.payee_npi = ?)", n, n, n));
		}
		for (String word : c.nameWords()) {
			filters.add(new Part(NAME + " LIKE ?", PatientSearchName.wordStart(word)));
		}
		if (c.serviceFrom() != null) {
			filters.add(new Part("c.service_from >= ?", c.serviceFrom()));
		}
		if (c.serviceTo() != null) {
			filters.add(new Part("c.service_from <= ?", c.serviceTo()));
		}
		if (c.billed() != null) {
			filters.add(new Part("c.total_billed = ?", c.billed()));
		}
		if (!c.statuses().isEmpty()) {
			List<Object> statuses = c.statuses()
				.stream()
				.map(ClaimStatus::name)
				.sorted()
				.map(Object.class::cast)
				.toList();
			filters.add(new Part("c.status IN (" + marks(statuses.size()) + ")", statuses));
		}
		return filters;
	}

	private static Part payeesIn(VisiblePayees payees, Scope scope) {
		List<Object> values = new ArrayList<>(payees.values());
		if (values.isEmpty()) {
			return new Part((scope == Scope.VISIBLE) ? "1 = 0" : "1 = 1");
		}
		return new Part(
				"c.payee_npi " + ((scope == Scope.VISIBLE) ? "IN" : "NOT IN") + " (" + marks(values.size()) + ")",
				values);
	}

	static String marks(int count) {
		return String.join(", ", Collections.nCopies(count, "?"));
	}

}
