package org.portico.claims;

import java.math.BigDecimal;
import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

import org.portico.audit.AuditEvent;
import org.portico.audit.AuditLog;
import org.portico.audit.AuditOutcome;
import org.portico.claims.ClaimDetail.Adjustment;
import org.portico.claims.ClaimDetail.Frequency;
import org.portico.claims.ClaimDetail.Line;
import org.portico.claims.ClaimDetail.Payment;
import org.portico.claims.ClaimDetail.Version;
import org.portico.claims.ClaimSearchSql.Query;
import org.portico.claims.ClaimSearchSql.Scope;
import org.portico.claims.PayeeNpiAccessRequired.VisiblePayees;
import org.portico.identity.PorticoUser;
import org.portico.members.MemberId;
import org.portico.providers.Npi;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Claim status inquiry: searching claims and reading one, as the payee NPI rule allows
 * ({@link PayeeNpiAccessRequired}). A claim the user may not see is never told apart from
 * one not on file. Every search and every view is put on the audit trail, and so is every
 * claim withheld from the user.
 */
@Service
@Transactional(readOnly = true)
public class ClaimInquiry {

	/** At most this many claims are listed for a search: those seen most recently. */
	public static final int LISTED = ClaimSearchSql.LISTED;

	/** Claims per page of a list. */
	public static final int PAGE_SIZE = 25;

	/** The longest span of dates of service a search may cover. */
	public static final int LONGEST_RANGE_MONTHS = 18;

	private final JdbcClient jdbc;

	private final PayeeNpiAccessRequired policy;

	private final AuditLog audit;

	ClaimInquiry(JdbcClient jdbc, PayeeNpiAccessRequired policy, AuditLog audit) {
		this.jdbc = jdbc;
		this.policy = policy;
		this.audit = audit;
	}

	/** Whether a span of dates of service is short enough to search at once. */
	public static boolean withinLongestRange(LocalDate from, LocalDate to) {
		return !to.isAfter(from.plusMonths(LONGEST_RANGE_MONTHS));
	}

	/**
	 * A page of the claims matching the criteria that the user may see, in the order
	 * asked for.
	 * @param page from 1; pages past those listed show the last
	 */
	public ClaimPage search(PorticoUser user, ClaimCriteria criteria, ClaimSort sort, int page) {
		if (criteria.isEmpty()) {
			throw new IllegalArgumentException("A claim search needs at least one criterion");
		}
		VisiblePayees payees = this.policy.payeesVisibleTo(user.accountId());
		int lastPage = LISTED / PAGE_SIZE;
		int pageNumber = Math.max(1, Math.min(page, lastPage));
		List<ClaimPage.Row> rows = new ArrayList<>();
		int matched = 0;
		if (!payees.isEmpty()) {
			Query visible = ClaimSearchSql.matched(criteria, payees, Scope.VISIBLE).orElseThrow();
			Query pageQuery = ClaimSearchSql.page(visible, sort, (pageNumber - 1) * PAGE_SIZE, PAGE_SIZE);
			int[] count = new int[1];
			rows.addAll(this.jdbc.sql(pageQuery.sql()).params(pageQuery.params()).query((rs, n) -> {
				count[0] = rs.getInt("matched_count");
				return row(rs);
			}).list());
			// An empty page past the first says nothing of how many there are.
			matched = !rows.isEmpty() ? count[0] : (pageNumber > 1) ? count(ClaimSearchSql.count(visible)) : 0;
		}
		int listed = Math.min(matched, LISTED);
		int pages = Math.max(1, (listed + PAGE_SIZE - 1) / PAGE_SIZE);
		if (rows.isEmpty() && pageNumber > pages) {
			return search(user, criteria, sort, pages);
		}
		AuditObject object = AuditObject.of(criteria);
		this.audit
			.record(new AuditEvent(user.getUsername(), "claim.search", object.type(), object.id(), AuditOutcome.SUCCESS,
					"by " + criteria.describe() + "; "
							+ ((matched > LISTED) ? "more than " + LISTED : String.valueOf(matched)) + " found; page "
							+ pageNumber));
		recordWithheld(user, criteria, payees, object);
		return new ClaimPage(rows, sort, pageNumber, PAGE_SIZE, listed, matched > LISTED);
	}

	/**
	 * The claim, when the user may see it. A claim paid to an NPI the user does not hold
	 * is as absent as one not on file; the attempt is audited as denied.
	 * @param viewedAs how it is shown, for the audit trail: page, PDF
	 */
	public Optional<ClaimDetail> claim(PorticoUser user, ClaimNumber number, String viewedAs) {
		Optional<Header> found = this.jdbc.sql("SELECT * FROM claims.claim WHERE claim_number = ?")
			.param(number.value())
			.query(ClaimInquiry::header)
			.optional();
		if (found.isEmpty()) {
			this.audit.record(new AuditEvent(user.getUsername(), "claim.view", "claim", number.value(),
					AuditOutcome.FAILURE, "not on file (" + viewedAs + ")"));
			return Optional.empty();
		}
		Header h = found.get();
		VisiblePayees payees = this.policy.payeesVisibleTo(user.accountId());
		if (!payees.allow(h.payeeNpi())) {
			this.audit.record(new AuditEvent(user.getUsername(), "claim.view", "claim", number.value(),
					AuditOutcome.DENIED, "payee NPI not held (" + viewedAs + ")"));
			return Optional.empty();
		}
		ClaimDetail detail = detail(h, payees);
		this.audit.record(new AuditEvent(user.getUsername(), "claim.view", "claim", number.value(),
				AuditOutcome.SUCCESS, viewedAs));
		return Optional.of(detail);
	}

	/**
	 * The claim an adjustment case is about, for the claims staff working the case: with
	 * its payment and the history of its payee's claims of the same original. Audited.
	 */
	public Optional<ClaimDetail> claimForClaimsStaff(PorticoUser staff, ClaimNumber number) {
		if (!staff.isStaff()) {
			throw new IllegalArgumentException("Only plan staff read claims this way");
		}
		Optional<ClaimDetail> detail = this.jdbc.sql("SELECT * FROM claims.claim WHERE claim_number = ?")
			.param(number.value())
			.query(ClaimInquiry::header)
			.optional()
			.map((h) -> detail(h, new VisiblePayees(java.util.Set.of(h.payeeNpi()))));
		this.audit.record(new AuditEvent(staff.getUsername(), "claim.view", "claim", number.value(),
				detail.isPresent() ? AuditOutcome.SUCCESS : AuditOutcome.FAILURE,
				"claims staff, adjustment case" + (detail.isPresent() ? "" : ": not on file")));
		return detail;
	}

	private ClaimDetail detail(Header h, VisiblePayees payees) {
		return new ClaimDetail(h.number(), h.institutional(), h.frequency(), h.replacedClaim(), h.member(),
				h.firstName(), h.lastName(), h.birthDate(), h.productCode(), h.billingNpi(), h.renderingNpi(),
				h.payeeNpi(), h.placeOfService(), h.serviceFrom(), h.serviceTo(), h.receivedDate(), h.adjudicatedDate(),
				h.status(), h.category(), h.diagnosisCodes(), h.billed(), h.allowed(), h.paid(),
				h.patientResponsibility(), lines(h.id()), payment(h.paymentId(), payees), history(h, payees));
	}

	private void recordWithheld(PorticoUser user, ClaimCriteria criteria, VisiblePayees payees, AuditObject object) {
		ClaimSearchSql.matched(criteria, payees, Scope.WITHHELD).ifPresent((withheld) -> {
			int count = count(ClaimSearchSql.count(withheld));
			if (count > 0) {
				this.audit.record(new AuditEvent(user.getUsername(), "claim.search", object.type(), object.id(),
						AuditOutcome.DENIED, ((count > LISTED) ? "more than " + LISTED : String.valueOf(count))
								+ " matching claims withheld: payee NPI not held"));
			}
		});
	}

	private int count(Query query) {
		return this.jdbc.sql(query.sql()).params(query.params()).query(Integer.class).single();
	}

	/** What a search is about, for the audit trail: its most specific criterion. */
	private record AuditObject(String type, String id) {

		static AuditObject of(ClaimCriteria c) {
			if (c.claimNumber() != null) {
				return new AuditObject("claim", c.claimNumber().value());
			}
			if (c.member() != null) {
				return new AuditObject("member", c.member().toString());
			}
			if (c.subscriberId() != null) {
				return new AuditObject("subscriber", c.subscriberId());
			}
			if (c.provider() != null) {
				return new AuditObject("npi", c.provider().value());
			}
			return new AuditObject(null, null);
		}

	}

	private static ClaimPage.Row row(ResultSet rs) throws SQLException {
		return new ClaimPage.Row(new ClaimNumber(rs.getString("claim_number")), rs.getString("patient_first_name"),
				rs.getString("patient_last_name"),
				new MemberId(rs.getString("subscriber_id"), rs.getString("member_suffix")),
				rs.getObject("service_from", LocalDate.class), rs.getObject("service_to", LocalDate.class),
				new Npi(rs.getString("billing_npi")), new Npi(rs.getString("rendering_npi")),
				new Npi(rs.getString("payee_npi")), ClaimStatus.valueOf(rs.getString("status")),
				ClaimStatusCategory.valueOf(rs.getString("status_category")), rs.getBigDecimal("total_billed"),
				rs.getBigDecimal("total_paid"));
	}

	private record Header(long id, ClaimNumber number, boolean institutional, Frequency frequency,
			ClaimNumber replacedClaim, MemberId member, String firstName, String lastName, LocalDate birthDate,
			String productCode, Npi billingNpi, Npi renderingNpi, Npi payeeNpi, String placeOfService,
			LocalDate serviceFrom, LocalDate serviceTo, LocalDate receivedDate, LocalDate adjudicatedDate,
			ClaimStatus status, ClaimStatusCategory category, List<String> diagnosisCodes, BigDecimal billed,
			BigDecimal allowed, BigDecimal paid, BigDecimal patientResponsibility, Long paymentId) {
	}

	private static Header header(ResultSet rs, int row) throws SQLException {
		String original = rs.getString("original_claim_number");
		long paymentId = rs.getLong("payment_id");
		Long payment = rs.wasNull() ? null : paymentId;
		return new Header(rs.getLong("id"), new ClaimNumber(rs.getString("claim_number")),
				"I".equals(rs.getString("claim_type")), Frequency.of(rs.getString("frequency_code").charAt(0)),
				(original != null) ? new ClaimNumber(original) : null,
				new MemberId(rs.getString("subscriber_id"), rs.getString("member_suffix")),
				rs.getString("patient_first_name"), rs.getString("patient_last_name"),
				rs.getObject("patient_birth_date", LocalDate.class), rs.getString("product_code"),
				new Npi(rs.getString("billing_npi")), new Npi(rs.getString("rendering_npi")),
				new Npi(rs.getString("payee_npi")), rs.getString("place_of_service"),
				rs.getObject("service_from", LocalDate.class), rs.getObject("service_to", LocalDate.class),
				rs.getObject("received_date", LocalDate.class), rs.getObject("adjudicated_date", LocalDate.class),
				ClaimStatus.valueOf(rs.getString("status")),
				ClaimStatusCategory.valueOf(rs.getString("status_category")), strings(rs.getArray("diagnosis_codes")),
				rs.getBigDecimal("total_billed"), rs.getBigDecimal("total_allowed"), rs.getBigDecimal("total_paid"),
				rs.getBigDecimal("patient_responsibility"), payment);
	}

	private static List<String> strings(Array array) throws SQLException {
		if (array == null) {
			return List.of();
		}
		Object[] values = (Object[]) array.getArray();
		return Arrays.stream(values).map(String::valueOf).toList();
	}

	private List<Line> lines(long claimId) {
		Map<Integer, List<Adjustment>> adjustments = this.jdbc.sql("""
				SELECT a.line_number, a.group_code, a.reason_code, r.description, a.remark_code, m.description, a.amount
				FROM claims.claim_line_adjustment a
				LEFT JOIN claims.adjustment_reason r ON r.kind = 'CARC' AND r.code = a.reason_code
				LEFT JOIN claims.adjustment_reason m ON m.kind = 'RARC' AND m.code = a.remark_code
				WHERE a.claim_id = ?
				ORDER BY a.line_number, a.sequence
				""")
			.param(claimId)
			.query((rs, row) -> new Adjustment(rs.getInt(1), rs.getString(2).strip(), rs.getString(3), rs.getString(4),
					rs.getString(5), rs.getString(6), rs.getBigDecimal(7)))
			.list()
			.stream()
			.collect(Collectors.groupingBy(Adjustment::line));
		return this.jdbc.sql("""
				SELECT line_number, service_date, procedure_code, modifiers, revenue_code, units, billed, allowed, paid,
				       patient_responsibility
				FROM claims.claim_line WHERE claim_id = ? ORDER BY line_number
				""").param(claimId).query((rs, row) -> {
			int number = rs.getInt(1);
			String modifiers = rs.getString(4);
			return new Line(number, rs.getObject(2, LocalDate.class), rs.getString(3),
					(modifiers == null || modifiers.isBlank()) ? List.of()
							: Arrays.asList(modifiers.strip().split("[\\s,:]+")),
					rs.getString(5), rs.getInt(6), rs.getBigDecimal(7), rs.getBigDecimal(8), rs.getBigDecimal(9),
					rs.getBigDecimal(10), adjustments.getOrDefault(number, List.of()));
		}).list();
	}

	private Payment payment(Long paymentId, VisiblePayees payees) {
		if (paymentId == null) {
			return null;
		}
		return this.jdbc
			.sql("SELECT payment_number, method, payment_date, amount, payee_npi FROM claims.payment WHERE id = ?")
			.param(paymentId)
			.query((rs, row) -> new Payment(rs.getString(1), PaymentMethod.of(rs.getString(2)),
					rs.getObject(3, LocalDate.class), rs.getBigDecimal(4), new Npi(rs.getString(5))))
			.optional()
			.filter((p) -> payees.allow(p.payeeNpi()))
			.orElse(null);
	}

	/** The claims of the same original that the user may see, this one included. */
	private List<Version> history(Header h, VisiblePayees payees) {
		String original = (h.replacedClaim() != null) ? h.replacedClaim().value() : h.number().value();
		List<Object> params = new ArrayList<>(List.of(original, original));
		params.addAll(payees.values());
		return this.jdbc.sql("""
				SELECT claim_number, frequency_code, received_date, status, total_paid FROM claims.claim
				WHERE (claim_number = ? OR original_claim_number = ?) AND payee_npi IN (%s)
				ORDER BY received_date, id
				""".formatted(ClaimSearchSql.marks(payees.values().size())))
			.params(params)
			.query((rs, row) -> new Version(new ClaimNumber(rs.getString(1)), Frequency.of(rs.getString(2).charAt(0)),
					rs.getObject(3, LocalDate.class), ClaimStatus.valueOf(rs.getString(4)), rs.getBigDecimal(5)))
			.list();
	}

}
