package org.portico.authorizations;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.portico.access.AccessApi;
import org.portico.access.ProviderFunction;
import org.portico.audit.AuditEvent;
import org.portico.audit.AuditLog;
import org.portico.audit.AuditOutcome;
import org.portico.identity.AccountId;
import org.portico.identity.Accounts;
import org.portico.identity.PorticoUser;
import org.portico.identity.StaffRole;
import org.portico.members.MemberId;
import org.portico.notifications.Email;
import org.portico.notifications.Notifications;
import org.portico.providers.Npi;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The facade of requests a clinical reviewer may decide: referrals, prior authorizations
 * and behavioral health requests. Each kind checks its own form and rules, then submits
 * here, so that every kind gets the same tracking numbers, due times, access checks,
 * audit trail, history and review flow.
 * <p>
 * A provider-office user reads a request when they hold the referrals and authorizations
 * function for its requesting or servicing NPI; anyone else is told it does not exist.
 * Clinical reviewers read every request.
 */
@Service
public class Authorizations {

	/** Requests listed at most by one search. */
	public static final int LISTED = 200;

	static final ProviderFunction FUNCTION = ProviderFunction.REFERRALS_AUTHORIZATIONS;

	private final JdbcClient jdbc;

	private final Deadlines deadlines;

	private final AccessApi access;

	private final AuditLog audit;

	private final Accounts accounts;

	private final Notifications notifications;

	private final Clock clock;

	Authorizations(JdbcClient jdbc, Deadlines deadlines, AccessApi access, AuditLog audit, Accounts accounts,
			Notifications notifications, Clock clock) {
		this.jdbc = jdbc;
		this.deadlines = deadlines;
		this.access = access;
		this.audit = audit;
		this.accounts = accounts;
		this.notifications = notifications;
		this.clock = clock;
	}

	/** Writes what only one kind of request has, in the submission's transaction. */
	@FunctionalInterface
	public interface Details {

		void write(long requestId);

	}

	/**
	 * A submitted request.
	 *
	 * @param request the request as stored
	 * @param alreadySubmitted whether the same form had been submitted before: this is
	 * the first request, and nothing new was written
	 */
	public record Submitted(AuthorizationRequest request, boolean alreadySubmitted) {
	}

	/**
	 * Stores a request with its due time and first history entry, approved as asked or
	 * pended with the reasons, and the kind's details, together or not at all. The same
	 * form submitted twice by the same user finds the first request.
	 */
	@Transactional
	public Submitted submit(NewRequest request, AutomaticDecision decision, Details details) {
		AccountId account = request.requester().accountId();
		Instant now = Instant.now(this.clock);
		Instant due = this.deadlines.dueAt(now, request.priority());
		boolean approved = decision instanceof AutomaticDecision.Approved;
		RequestStatus status = approved ? RequestStatus.APPROVED : RequestStatus.PENDED;
		String reasons = (decision instanceof AutomaticDecision.Pended pended) ? String.join("\n", pended.reasonKeys())
				: null;
		KeyHolder keys = new GeneratedKeyHolder();
		// A double submit, earlier or racing this one, inserts nothing here, and the
		// transaction goes on (a failed insert would end it on PostgreSQL).
		int inserted = this.jdbc
			.sql("""
					INSERT INTO authorizations.request (kind, subscriber_id, member_suffix, requesting_npi, servicing_npi,
					  requester_account, requester_username, priority, received_at, due_at, status, service_from, service_to,
					  requested_units, pend_reasons, decided_at, decided_by, approved_units, approved_from, approved_to,
					  submission_key)
					VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
					ON CONFLICT DO NOTHING
					""")
			.params(request.kind().name(), request.member().subscriberId(), request.member().suffix(),
					request.requestingNpi().value(), request.servicingNpi().value(), account.value(),
					request.requester().getUsername(), request.priority().name(), Timestamp.from(now),
					Timestamp.from(due), status.name(), request.serviceFrom(), request.serviceTo(), request.units(),
					reasons, approved ? Timestamp.from(now) : null, approved ? AuthorizationRequest.AUTOMATIC : null,
					approved ? request.units() : null, approved ? request.serviceFrom() : null,
					approved ? request.serviceTo() : null, request.submissionKey())
			.update(keys, "id");
		if (inserted == 0) {
			return new Submitted(bySubmission(account, request.submissionKey()).orElseThrow(), true);
		}
		long id = keys.getKey().longValue();
		String trackingNumber = request.kind().trackingNumber(id);
		this.jdbc.sql("UPDATE authorizations.request SET tracking_number = ? WHERE id = ?")
			.params(trackingNumber, id)
			.update();
		if (approved) {
			this.jdbc
				.sql("""
						INSERT INTO authorizations.request_event (request_id, occurred_at, actor, from_status, to_status, note)
						VALUES (?, ?, ?, NULL, 'PENDED', NULL), (?, ?, ?, 'PENDED', 'APPROVED', NULL)
						""")
				.params(id, Timestamp.from(now), request.requester().getUsername(), id, Timestamp.from(now),
						AuthorizationRequest.AUTOMATIC)
				.update();
		}
		else {
			event(id, now, request.requester().getUsername(), null, RequestStatus.PENDED, null);
		}
		details.write(id);
		this.audit.record(new AuditEvent(request.requester().getUsername(), "authorization.submit",
				"authorization-request", trackingNumber, AuditOutcome.SUCCESS,
				request.kind() + " " + status + " for NPI " + request.requestingNpi().value()));
		return new Submitted(byId(id).orElseThrow(), false);
	}

	/**
	 * The request with this tracking number, when the user may read it; the read is
	 * audited, and so is a refusal. A request the user may not read is not found, like
	 * one that does not exist.
	 */
	@Transactional(readOnly = true)
	public Optional<AuthorizationRequest> find(PorticoUser user, String trackingNumber) {
		String typed = (trackingNumber == null) ? "" : trackingNumber.strip().toUpperCase(java.util.Locale.ROOT);
		Optional<AuthorizationRequest> found = typed.length() > 20 ? Optional.empty()
				: this.jdbc.sql(SELECT + " WHERE r.tracking_number = ?").param(typed).query(this::request).optional();
		if (found.isPresent() && !mayRead(user, found.get())) {
			this.audit
				.record(AuditEvent.denied(user.getUsername(), "authorization.view", "authorization-request", typed));
			return Optional.empty();
		}
		found.ifPresent((r) -> this.audit.record(new AuditEvent(user.getUsername(), "authorization.view",
				"authorization-request", r.trackingNumber(), AuditOutcome.SUCCESS, "member " + r.member())));
		return found;
	}

	/** Whether the user may read the request: a reviewer, or one acting for its NPIs. */
	public boolean mayRead(PorticoUser user, AuthorizationRequest request) {
		if (isReviewer(user)) {
			return true;
		}
		Set<Npi> npis = this.access.npisFor(user.accountId(), FUNCTION);
		return npis.contains(request.requestingNpi()) || npis.contains(request.servicingNpi());
	}

	public static boolean isReviewer(PorticoUser user) {
		return user.isStaff() && user.getAuthorities()
			.stream()
			.anyMatch((a) -> StaffRole.CLINICAL_REVIEWER.authority().equals(a.getAuthority()));
	}

	/** The request's history, oldest first; for a request the caller has read. */
	@Transactional(readOnly = true)
	public List<RequestEvent> history(AuthorizationRequest request) {
		return this.jdbc.sql("""
				SELECT occurred_at, actor, from_status, to_status, note FROM authorizations.request_event
				WHERE request_id = ? ORDER BY occurred_at, id
				""")
			.param(request.id())
			.query((rs, row) -> new RequestEvent(rs.getTimestamp(1).toInstant(), rs.getString(2),
					(rs.getString(3) != null) ? RequestStatus.valueOf(rs.getString(3)) : null,
					RequestStatus.valueOf(rs.getString(4)), rs.getString(5)))
			.list();
	}

	/**
	 * What a search asks for; every field may be empty. Kinds empty means every kind.
	 */
	public record RequestSearch(Set<RequestKind> kinds, MemberId member, Npi npi, RequestStatus status,
			LocalDate receivedFrom, LocalDate receivedTo, String trackingNumber) {
	}

	/**
	 * The requests the user may read that match, newest first, at most {@link #LISTED}.
	 * Searching for an NPI the user does not act for finds nothing. The search is
	 * audited.
	 */
	@Transactional(readOnly = true)
	public List<AuthorizationRequest> search(PorticoUser user, RequestSearch search) {
		StringBuilder sql = new StringBuilder(SELECT).append(" WHERE 1 = 1");
		List<Object> params = new ArrayList<>();
		if (!isReviewer(user)) {
			List<String> npis = this.access.npisFor(user.accountId(), FUNCTION).stream().map(Npi::value).toList();
			if (npis.isEmpty()) {
				return List.of();
			}
			String in = String.join(", ", java.util.Collections.nCopies(npis.size(), "?"));
			sql.append(" AND (r.requesting_npi IN (")
				.append(in)
				.append(") OR r.servicing_npi IN (")
				.append(in)
				.append("))");
			params.addAll(npis);
			params.addAll(npis);
		}
		if (search.kinds() != null && !search.kinds().isEmpty()) {
			sql.append(" AND r.kind IN (")
				.append(String.join(", ", java.util.Collections.nCopies(search.kinds().size(), "?")))
				.append(")");
			search.kinds().forEach((k) -> params.add(k.name()));
		}
		if (search.member() != null) {
			sql.append(" AND r.subscriber_id = ? AND r.member_suffix = ?");
			params.add(search.member().subscriberId());
			params.add(search.member().suffix());
		}
		if (search.npi() != null) {
			sql.append(" AND (r.requesting_npi = ? OR r.servicing_npi = ?)");
			params.add(search.npi().value());
			params.add(search.npi().value());
		}
		if (search.status() != null) {
			sql.append(" AND r.status = ?");
			params.add(search.status().name());
		}
		if (search.receivedFrom() != null) {
			sql.append(" AND r.received_at >= ?");
			params.add(Timestamp.from(search.receivedFrom().atStartOfDay(this.deadlines.planZone()).toInstant()));
		}
		if (search.receivedTo() != null) {
			sql.append(" AND r.received_at < ?");
			params.add(Timestamp
				.from(search.receivedTo().plusDays(1).atStartOfDay(this.deadlines.planZone()).toInstant()));
		}
		if (search.trackingNumber() != null) {
			sql.append(" AND r.tracking_number = ?");
			params.add(search.trackingNumber());
		}
		sql.append(" ORDER BY r.received_at DESC, r.id DESC FETCH FIRST ").append(LISTED).append(" ROWS ONLY");
		List<AuthorizationRequest> found = this.jdbc.sql(sql.toString()).params(params).query(this::request).list();
		this.audit.record(new AuditEvent(user.getUsername(), "authorization.search", null, null, AuditOutcome.SUCCESS,
				found.size() + " found"));
		return found;
	}

	/**
	 * The open requests of these kinds, soonest due first: the clinical reviewer's queue.
	 */
	@Transactional(readOnly = true)
	public List<AuthorizationRequest> queue(PorticoUser reviewer, Collection<RequestKind> kinds) {
		requireReviewer(reviewer);
		List<String> names = kinds.stream().map(Enum::name).toList();
		List<AuthorizationRequest> open = this.jdbc.sql(SELECT + """
				 WHERE r.status IN ('PENDED', 'IN_REVIEW', 'INFO_REQUESTED') AND r.kind IN (:kinds)
				ORDER BY r.due_at, r.id
				""").param("kinds", names).query(this::request).list();
		this.audit.record(new AuditEvent(reviewer.getUsername(), "authorization.queue", null, null,
				AuditOutcome.SUCCESS, open.size() + " open"));
		return open;
	}

	/** How a reviewer's step ended. */
	public sealed interface Step {

		record Done(AuthorizationRequest request) implements Step {
		}

		/**
		 * @param messageKey why nothing changed
		 */
		record Refused(String messageKey) implements Step {
		}

	}

	/** The reviewer takes an open request to work on it. */
	@Transactional
	public Step take(PorticoUser reviewer, String trackingNumber) {
		requireReviewer(reviewer);
		return change(reviewer, trackingNumber, RequestStatus.IN_REVIEW, null, (r, now) -> this.jdbc.sql("""
				UPDATE authorizations.request SET status = 'IN_REVIEW', reviewer = ?, taken_at = ?
				WHERE id = ? AND status IN ('PENDED', 'INFO_REQUESTED', 'IN_REVIEW')
				""").params(reviewer.getUsername(), Timestamp.from(now), r.id()).update(), false);
	}

	/**
	 * The reviewer asks the provider for more information; the provider is told by email.
	 */
	@Transactional
	public Step requestInformation(PorticoUser reviewer, String trackingNumber, String whatIsNeeded) {
		requireReviewer(reviewer);
		if (whatIsNeeded == null || whatIsNeeded.isBlank()) {
			return new Step.Refused("authorizations.review.problem.information");
		}
		String asked = limit(whatIsNeeded);
		return change(reviewer, trackingNumber, RequestStatus.INFO_REQUESTED, asked, (r, now) -> this.jdbc.sql("""
				UPDATE authorizations.request SET status = 'INFO_REQUESTED', reviewer = ?, information_requested = ?
				WHERE id = ? AND status IN ('PENDED', 'IN_REVIEW', 'INFO_REQUESTED')
				""").params(reviewer.getUsername(), asked, r.id()).update(), true);
	}

	/**
	 * The reviewer extends a standard request's deadline by 14 calendar days, once, as
	 * the rule allows when the plan needs information it asked for; the provider is told
	 * by email. Expedited requests are not extended here.
	 */
	@Transactional
	public Step extend(PorticoUser reviewer, String trackingNumber, String why) {
		requireReviewer(reviewer);
		if (why == null || why.isBlank()) {
			return new Step.Refused("authorizations.review.problem.extension");
		}
		Optional<AuthorizationRequest> found = byTrackingNumber(trackingNumber);
		if (found.isEmpty()) {
			return new Step.Refused("authorizations.review.problem.not-found");
		}
		AuthorizationRequest r = found.get();
		if (r.priority() != Priority.STANDARD || r.extended()) {
			return new Step.Refused("authorizations.review.problem.not-extendable");
		}
		Instant due = this.deadlines.extended(r.dueAt());
		String note = limit(why);
		return change(reviewer, trackingNumber, r.status(), "extended to " + due + ": " + note,
				(req, now) -> this.jdbc.sql("""
						UPDATE authorizations.request SET extended = true, due_at = ?
						WHERE id = ? AND NOT extended AND priority = 'STANDARD'
						  AND status IN ('PENDED', 'IN_REVIEW', 'INFO_REQUESTED')
						""").params(Timestamp.from(due), req.id()).update(), true);
	}

	/**
	 * The reviewer approves: as asked, or partly when fewer units or a shorter span than
	 * asked. The provider is told by email.
	 */
	@Transactional
	public Step approve(PorticoUser reviewer, String trackingNumber, int units, LocalDate from, LocalDate to) {
		requireReviewer(reviewer);
		Optional<AuthorizationRequest> found = byTrackingNumber(trackingNumber);
		if (found.isEmpty()) {
			return new Step.Refused("authorizations.review.problem.not-found");
		}
		AuthorizationRequest r = found.get();
		if (from == null || to == null || to.isBefore(from)) {
			return new Step.Refused("authorizations.review.problem.dates");
		}
		if (from.isBefore(r.serviceFrom()) || to.isAfter(r.serviceTo())) {
			return new Step.Refused("authorizations.review.problem.dates-outside");
		}
		if (units < 1 || units > r.requestedUnits()) {
			return new Step.Refused("authorizations.review.problem.units");
		}
		boolean partly = units < r.requestedUnits() || from.isAfter(r.serviceFrom()) || to.isBefore(r.serviceTo());
		RequestStatus status = partly ? RequestStatus.PARTIALLY_APPROVED : RequestStatus.APPROVED;
		String note = units + " from " + from + " to " + to;
		return change(reviewer, trackingNumber, status, note, (req, now) -> this.jdbc.sql("""
				UPDATE authorizations.request SET status = ?, decided_at = ?, decided_by = ?, approved_units = ?,
				  approved_from = ?, approved_to = ?
				WHERE id = ? AND status IN ('PENDED', 'IN_REVIEW', 'INFO_REQUESTED')
				""")
			.params(status.name(), Timestamp.from(now), reviewer.getUsername(), units, from, to, req.id())
			.update(), true);
	}

	/**
	 * The reviewer denies, with a specific reason and their own words. The provider is
	 * told by email.
	 */
	@Transactional
	public Step deny(PorticoUser reviewer, String trackingNumber, DenialReason reason, String text) {
		requireReviewer(reviewer);
		if (reason == null) {
			return new Step.Refused("authorizations.review.problem.reason");
		}
		if (text == null || text.isBlank()) {
			return new Step.Refused("authorizations.review.problem.reason-text");
		}
		String words = limit(text);
		return change(reviewer, trackingNumber, RequestStatus.DENIED, reason.name(), (r, now) -> this.jdbc.sql("""
				UPDATE authorizations.request SET status = 'DENIED', decided_at = ?, decided_by = ?,
				  denial_reason_code = ?, denial_reason_text = ?
				WHERE id = ? AND status IN ('PENDED', 'IN_REVIEW', 'INFO_REQUESTED')
				""").params(Timestamp.from(now), reviewer.getUsername(), reason.name(), words, r.id()).update(), true);
	}

	@FunctionalInterface
	private interface Update {

		int apply(AuthorizationRequest request, Instant now);

	}

	private Step change(PorticoUser reviewer, String trackingNumber, RequestStatus to, String note, Update update,
			boolean tellProvider) {
		Optional<AuthorizationRequest> found = byTrackingNumber(trackingNumber);
		if (found.isEmpty()) {
			return new Step.Refused("authorizations.review.problem.not-found");
		}
		AuthorizationRequest before = found.get();
		Instant now = Instant.now(this.clock);
		if (update.apply(before, now) != 1) {
			this.audit.record(new AuditEvent(reviewer.getUsername(), "authorization.review", "authorization-request",
					before.trackingNumber(), AuditOutcome.FAILURE, "not open: " + before.status()));
			return new Step.Refused("authorizations.review.problem.not-open");
		}
		event(before.id(), now, reviewer.getUsername(), before.status(), to, note);
		AuthorizationRequest after = byId(before.id()).orElseThrow();
		this.audit.record(new AuditEvent(reviewer.getUsername(), "authorization.review", "authorization-request",
				after.trackingNumber(), AuditOutcome.SUCCESS, before.status() + " to " + to));
		if (tellProvider) {
			tellRequester(after);
		}
		return new Step.Done(after);
	}

	/**
	 * Mail to the requester that the request changed: the tracking number and a link, no
	 * PHI.
	 */
	private void tellRequester(AuthorizationRequest request) {
		long account = this.jdbc.sql("SELECT requester_account FROM authorizations.request WHERE id = ?")
			.param(request.id())
			.query(Long.class)
			.single();
		this.accounts.summaries(List.of(new AccountId(account)))
			.stream()
			.filter((a) -> a.enabled() && Email.isValidAddress(a.email()))
			.findFirst()
			.ifPresent((a) -> this.notifications
				.send(new Email("authorization-update", a.email(), "Update on request " + request.trackingNumber(),
						"Hello " + a.displayName() + ",\n\nThere is an update on request " + request.trackingNumber()
								+ " you submitted. For your patient's privacy this message does not say more. "
								+ "Sign in to read it:\n\n"
								+ this.notifications.link("/referrals/requests/" + request.trackingNumber())
								+ "\n\nProvider Services")));
	}

	private void requireReviewer(PorticoUser user) {
		if (!isReviewer(user)) {
			this.audit.record(AuditEvent.denied(user.getUsername(), "authorization.review", null, null));
			throw new org.springframework.security.access.AccessDeniedException("Clinical reviewers only");
		}
	}

	private void event(long requestId, Instant at, String actor, RequestStatus from, RequestStatus to, String note) {
		this.jdbc.sql("""
				INSERT INTO authorizations.request_event (request_id, occurred_at, actor, from_status, to_status, note)
				VALUES (?, ?, ?, ?, ?, ?)
				""")
			.params(requestId, Timestamp.from(at), actor, (from != null) ? from.name() : null, to.name(), note)
			.update();
	}

	private static String limit(String text) {
		String stripped = text.strip();
		return (stripped.length() > 2000) ? stripped.substring(0, 2000) : stripped;
	}

	Optional<AuthorizationRequest> byId(long id) {
		return this.jdbc.sql(SELECT + " WHERE r.id = ?").param(id).query(this::request).optional();
	}

	Optional<AuthorizationRequest> byTrackingNumber(String trackingNumber) {
		if (trackingNumber == null || trackingNumber.length() > 20) {
			return Optional.empty();
		}
		return this.jdbc.sql(SELECT + " WHERE r.tracking_number = ?")
			.param(trackingNumber.strip().toUpperCase(java.util.Locale.ROOT))
			.query(this::request)
			.optional();
	}

	private Optional<AuthorizationRequest> bySubmission(AccountId account, String key) {
		return this.jdbc.sql(SELECT + " WHERE r.requester_account = ? AND r.submission_key = ?")
			.params(account.value(), key)
			.query(this::request)
			.optional();
	}

	static final String SELECT = """
			SELECT r.id, r.tracking_number, r.kind, r.subscriber_id, r.member_suffix, r.requesting_npi, r.servicing_npi,
			       r.requester_username, r.priority, r.received_at, r.due_at, r.extended, r.status, r.service_from,
			       r.service_to, r.requested_units, r.pend_reasons, r.reviewer, r.information_requested, r.decided_at,
			       r.decided_by, r.approved_units, r.approved_from, r.approved_to, r.denial_reason_code,
			       r.denial_reason_text
			FROM authorizations.request r""";

	AuthorizationRequest request(ResultSet rs, int row) throws SQLException {
		String reasons = rs.getString("pend_reasons");
		Timestamp decided = rs.getTimestamp("decided_at");
		String denial = rs.getString("denial_reason_code");
		return new AuthorizationRequest(rs.getLong("id"), rs.getString("tracking_number"),
				RequestKind.valueOf(rs.getString("kind")),
				new MemberId(rs.getString("subscriber_id"), rs.getString("member_suffix")),
				new Npi(rs.getString("requesting_npi")), new Npi(rs.getString("servicing_npi")),
				rs.getString("requester_username"), Priority.valueOf(rs.getString("priority")),
				rs.getTimestamp("received_at").toInstant(), rs.getTimestamp("due_at").toInstant(),
				rs.getBoolean("extended"), RequestStatus.valueOf(rs.getString("status")),
				rs.getObject("service_from", LocalDate.class), rs.getObject("service_to", LocalDate.class),
				rs.getInt("requested_units"), (reasons == null) ? List.of() : Arrays.asList(reasons.split("\n")),
				rs.getString("reviewer"), rs.getString("information_requested"),
				(decided != null) ? decided.toInstant() : null, rs.getString("decided_by"),
				rs.getObject("approved_units", Integer.class), rs.getObject("approved_from", LocalDate.class),
				rs.getObject("approved_to", LocalDate.class), (denial != null) ? DenialReason.valueOf(denial) : null,
				rs.getString("denial_reason_text"));
	}

}
