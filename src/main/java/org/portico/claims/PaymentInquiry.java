package org.portico.claims;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;

import org.portico.audit.AuditEvent;
import org.portico.audit.AuditLog;
import org.portico.audit.AuditOutcome;
import org.portico.claims.PayeeNpiAccessRequired.VisiblePayees;
import org.portico.identity.PorticoUser;
import org.portico.members.MemberId;
import org.portico.providers.Npi;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Payments and remittance: finding the checks and EFTs paid to the user's payee NPIs, and
 * the claims each paid with their adjustments. The payee NPI rule applies as for claims
 * ({@link PayeeNpiAccessRequired}); every search and view is audited, and so is every
 * payment withheld.
 */
@Service
@Transactional(readOnly = true)
public class PaymentInquiry {

	/** Payments per page of a list. */
	public static final int PAGE_SIZE = 25;

	/** Claims per page of a remittance. */
	public static final int CLAIMS_PER_PAGE = 50;

	private static final String PAYMENT = "SELECT id, payment_number, method, payment_date, payee_npi, amount FROM claims.payment";

	private final JdbcClient jdbc;

	private final PayeeNpiAccessRequired policy;

	private final AuditLog audit;

	PaymentInquiry(JdbcClient jdbc, PayeeNpiAccessRequired policy, AuditLog audit) {
		this.jdbc = jdbc;
		this.policy = policy;
		this.audit = audit;
	}

	/**
	 * A payment as a list shows it.
	 *
	 * @param number the check number or EFT trace number
	 * @param amount the amount paid
	 */
	public record Payment(PaymentNumber number, PaymentMethod method, LocalDate date, Npi payeeNpi, BigDecimal amount) {
	}

	/**
	 * One page of the payments a search found.
	 *
	 * @param page from 1
	 * @param found how many payments the search found in all
	 */
	public record PaymentPage(List<Payment> payments, int page, int pageSize, int found) {

		public PaymentPage {
			payments = List.copyOf(payments);
		}

		public int pages() {
			return Math.max(1, (this.found + this.pageSize - 1) / this.pageSize);
		}

		public boolean hasPrevious() {
			return this.page > 1;
		}

		public boolean hasNext() {
			return this.page < pages();
		}

	}

	/**
	 * A payment and one page of the claims it paid, as a remittance advice shows them.
	 *
	 * @param claimCount how many claims the payment paid
	 * @param reasons the adjustment reason and remark codes on this page, explained
	 */
	public record Remittance(Payment payment, List<PaidClaim> claims, int page, int claimCount, List<Reason> reasons) {

		public Remittance {
			claims = List.copyOf(claims);
			reasons = List.copyOf(reasons);
		}

		public int pages() {
			return Math.max(1, (this.claimCount + CLAIMS_PER_PAGE - 1) / CLAIMS_PER_PAGE);
		}

		public boolean hasPrevious() {
			return this.page > 1;
		}

		public boolean hasNext() {
			return this.page < pages();
		}

	}

	/** A claim a payment paid, with what was taken off and why. */
	public record PaidClaim(ClaimNumber number, String patientFirstName, String patientLastName, MemberId member,
			LocalDate serviceFrom, BigDecimal billed, BigDecimal allowed, BigDecimal patientResponsibility,
			BigDecimal paid, List<AdjustmentTotal> adjustments) {

		public PaidClaim {
			adjustments = List.copyOf(adjustments);
		}

		public String patientName() {
			return this.patientFirstName + " " + this.patientLastName;
		}

	}

	/**
	 * The claim's adjustments for one group code and reason, over its lines.
	 *
	 * @param remarkCode the remark code (RARC), or null
	 */
	public record AdjustmentTotal(String groupCode, String reasonCode, String remarkCode, BigDecimal amount) {
	}

	/**
	 * An adjustment reason (CARC) or remark (RARC) code and what it means.
	 *
	 * @param kind CARC or RARC
	 */
	public record Reason(String kind, String code, String description) {
	}

	/**
	 * The payment with this number, when the user may see it; one paid to an NPI the user
	 * does not hold is as absent as one not on file, and the attempt is audited as
	 * denied.
	 */
	public Optional<Payment> find(PorticoUser user, PaymentNumber number) {
		Optional<Row> row = byNumber(number);
		VisiblePayees payees = this.policy.payeesVisibleTo(user.accountId());
		boolean visible = row.isPresent() && payees.allow(row.get().payment().payeeNpi());
		this.audit.record(new AuditEvent(user.getUsername(), "payment.search", "payment", number.value(),
				AuditOutcome.SUCCESS, "by payment number; " + (visible ? 1 : 0) + " found"));
		if (row.isPresent() && !visible) {
			this.audit.record(new AuditEvent(user.getUsername(), "payment.search", "payment", number.value(),
					AuditOutcome.DENIED, "payee NPI not held"));
		}
		return row.filter((r) -> visible).map(Row::payment);
	}

	/**
	 * The payments made in the dates to the user's payee NPIs, or to one of them, newest
	 * first.
	 * @param payee one of the user's NPIs, or null for all of them
	 */
	public PaymentPage search(PorticoUser user, LocalDate from, LocalDate to, Npi payee, int page) {
		VisiblePayees payees = this.policy.payeesVisibleTo(user.accountId());
		List<String> npis = (payee == null) ? payees.values()
				: payees.allow(payee) ? List.of(payee.value()) : List.of();
		int found = 0;
		List<Payment> payments = List.of();
		int pageNumber = Math.max(1, page);
		if (!npis.isEmpty()) {
			String where = " WHERE payee_npi IN (" + ClaimSearchSql.marks(npis.size())
					+ ") AND payment_date >= ? AND payment_date <= ?";
			List<Object> params = new ArrayList<>(npis);
			params.add(from);
			params.add(to);
			found = this.jdbc.sql("SELECT COUNT(*) FROM claims.payment" + where)
				.params(params)
				.query(Integer.class)
				.single();
			int pages = Math.max(1, (found + PAGE_SIZE - 1) / PAGE_SIZE);
			pageNumber = Math.min(pageNumber, pages);
			params.add((pageNumber - 1) * PAGE_SIZE);
			params.add(PAGE_SIZE);
			payments = this.jdbc
				.sql(PAYMENT + where + " ORDER BY payment_date DESC, id DESC OFFSET ? ROWS FETCH FIRST ? ROWS ONLY")
				.params(params)
				.query((rs, n) -> row(rs).payment())
				.list();
		}
		this.audit.record(new AuditEvent(user.getUsername(), "payment.search", (payee != null) ? "npi" : null,
				(payee != null) ? payee.value() : null, AuditOutcome.SUCCESS,
				"by dates " + from + " to " + to + "; " + found + " found; page " + pageNumber));
		return new PaymentPage(payments, pageNumber, PAGE_SIZE, found);
	}

	/**
	 * The payment and a page of the claims it paid that the user may see, when the user
	 * may see the payment.
	 */
	public Optional<Remittance> remittance(PorticoUser user, PaymentNumber number, int page) {
		Optional<Row> row = byNumber(number);
		VisiblePayees payees = this.policy.payeesVisibleTo(user.accountId());
		if (row.isEmpty() || !payees.allow(row.get().payment().payeeNpi())) {
			this.audit.record(new AuditEvent(user.getUsername(), "payment.view", "payment", number.value(),
					row.isEmpty() ? AuditOutcome.FAILURE : AuditOutcome.DENIED,
					row.isEmpty() ? "not on file" : "payee NPI not held"));
			return Optional.empty();
		}
		long id = row.get().id();
		List<Object> params = new ArrayList<>(List.of(id));
		params.addAll(payees.values());
		String where = " WHERE c.payment_id = ? AND c.payee_npi IN (" + ClaimSearchSql.marks(payees.values().size())
				+ ")";
		int count = this.jdbc.sql("SELECT COUNT(*) FROM claims.claim c" + where)
			.params(params)
			.query(Integer.class)
			.single();
		int pages = Math.max(1, (count + CLAIMS_PER_PAGE - 1) / CLAIMS_PER_PAGE);
		int pageNumber = Math.max(1, Math.min(page, pages));
		params.add((pageNumber - 1) * CLAIMS_PER_PAGE);
		params.add(CLAIMS_PER_PAGE);
		List<Listed> listed = this.jdbc
			.sql("""
					SELECT c.id, c.claim_number, c.patient_first_name, c.patient_last_name, c.subscriber_id, c.member_suffix,
					       c.service_from, c.total_billed, c.total_allowed, c.patient_responsibility, c.total_paid
					FROM claims.claim c"""
					+ where + " ORDER BY c.claim_number OFFSET ? ROWS FETCH FIRST ? ROWS ONLY")
			.params(params)
			.query((rs, n) -> new Listed(rs.getLong(1), new PaidClaim(new ClaimNumber(rs.getString(2)), rs.getString(3),
					rs.getString(4), new MemberId(rs.getString(5), rs.getString(6)), rs.getObject(7, LocalDate.class),
					rs.getBigDecimal(8), rs.getBigDecimal(9), rs.getBigDecimal(10), rs.getBigDecimal(11), List.of())))
			.list();
		Map<Long, List<AdjustmentTotal>> adjustments = new LinkedHashMap<>();
		TreeSet<String> reasonCodes = new TreeSet<>();
		TreeSet<String> remarkCodes = new TreeSet<>();
		if (!listed.isEmpty()) {
			this.jdbc.sql("""
					SELECT claim_id, group_code, reason_code, remark_code, SUM(amount) FROM claims.claim_line_adjustment
					WHERE claim_id IN (:ids)
					GROUP BY claim_id, group_code, reason_code, remark_code
					ORDER BY claim_id, group_code, reason_code, remark_code
					""").param("ids", listed.stream().map(Listed::id).toList()).query((rs) -> {
				String remark = rs.getString(4);
				adjustments.computeIfAbsent(rs.getLong(1), (k) -> new ArrayList<>())
					.add(new AdjustmentTotal(rs.getString(2).strip(), rs.getString(3), remark, rs.getBigDecimal(5)));
				reasonCodes.add(rs.getString(3));
				if (remark != null) {
					remarkCodes.add(remark);
				}
			});
		}
		List<PaidClaim> paid = listed.stream().map((l) -> {
			PaidClaim c = l.claim();
			return new PaidClaim(c.number(), c.patientFirstName(), c.patientLastName(), c.member(), c.serviceFrom(),
					c.billed(), c.allowed(), c.patientResponsibility(), c.paid(),
					adjustments.getOrDefault(l.id(), List.of()));
		}).toList();
		this.audit.record(new AuditEvent(user.getUsername(), "payment.view", "payment", number.value(),
				AuditOutcome.SUCCESS, "remittance, " + count + " claims; page " + pageNumber));
		return Optional
			.of(new Remittance(row.get().payment(), paid, pageNumber, count, reasons(reasonCodes, remarkCodes)));
	}

	private List<Reason> reasons(TreeSet<String> reasonCodes, TreeSet<String> remarkCodes) {
		List<Reason> reasons = new ArrayList<>();
		if (!reasonCodes.isEmpty()) {
			reasons.addAll(explain("CARC", reasonCodes));
		}
		if (!remarkCodes.isEmpty()) {
			reasons.addAll(explain("RARC", remarkCodes));
		}
		return reasons;
	}

	private List<Reason> explain(String kind, TreeSet<String> codes) {
		Map<String, String> known = new LinkedHashMap<>();
		this.jdbc.sql("SELECT code, description FROM claims.adjustment_reason WHERE kind = :kind AND code IN (:codes)")
			.param("kind", kind)
			.param("codes", List.copyOf(codes))
			.query((rs) -> {
				known.put(rs.getString(1), rs.getString(2));
			});
		return codes.stream().map((code) -> new Reason(kind, code, known.get(code))).toList();
	}

	private record Row(long id, Payment payment) {
	}

	private record Listed(long id, PaidClaim claim) {
	}

	private Optional<Row> byNumber(PaymentNumber number) {
		return this.jdbc.sql(PAYMENT + " WHERE payment_number = ?")
			.param(number.value())
			.query((rs, n) -> row(rs))
			.optional();
	}

	private static Row row(ResultSet rs) throws SQLException {
		return new Row(rs.getLong("id"),
				new Payment(new PaymentNumber(rs.getString("payment_number")), PaymentMethod.of(rs.getString("method")),
						rs.getObject("payment_date", LocalDate.class), new Npi(rs.getString("payee_npi")),
						rs.getBigDecimal("amount")));
	}

}
