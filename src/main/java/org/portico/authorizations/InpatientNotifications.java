package org.portico.authorizations;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

import org.portico.access.AccessApi;
import org.portico.access.ProviderFunction;
import org.portico.audit.AuditEvent;
import org.portico.audit.AuditLog;
import org.portico.audit.AuditOutcome;
import org.portico.authorizations.InpatientNotification.AdmissionType;
import org.portico.authorizations.InpatientNotification.DischargeDisposition;
import org.portico.identity.PorticoUser;
import org.portico.members.Eligibility;
import org.portico.members.MemberApi;
import org.portico.members.MemberId;
import org.portico.providers.Npi;
import org.portico.providers.ProviderApi;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Inpatient notifications: a facility reports an admission and gets its number at once;
 * the same member, facility and admit date reported again gets the same number. The
 * discharge is added later. A user reads the notifications of the facilities they hold
 * the inpatient notifications function for; any other is not found.
 */
@Service
public class InpatientNotifications {

	static final ProviderFunction FUNCTION = ProviderFunction.INPATIENT_NOTIFICATIONS;

	private final JdbcClient jdbc;

	private final AccessApi access;

	private final AuditLog audit;

	private final MemberApi members;

	private final Eligibility eligibility;

	private final ProviderApi providers;

	private final Clock clock;

	InpatientNotifications(JdbcClient jdbc, AccessApi access, AuditLog audit, MemberApi members,
			Eligibility eligibility, ProviderApi providers, Clock clock) {
		this.jdbc = jdbc;
		this.access = access;
		this.audit = audit;
		this.members = members;
		this.eligibility = eligibility;
		this.providers = providers;
		this.clock = clock;
	}

	/** The admission form as typed. */
	public record AdmissionForm(String facilityNpi, String member, String admitDate, String admitTime,
			String admissionType, String diagnosis, String attendingNpi) {

		public static AdmissionForm empty(String facilityNpi) {
			return new AdmissionForm(facilityNpi, "", "", "", "", "", "");
		}

	}

	/** How a report ended. */
	public sealed interface Outcome {

		record Invalid(List<Problem> problems) implements Outcome {
		}

		/**
		 * @param existing whether the admission had been reported before
		 */
		record Reported(InpatientNotification notification, boolean existing) implements Outcome {
		}

	}

	@Transactional
	public Outcome report(PorticoUser user, AdmissionForm form) {
		List<Problem> problems = new ArrayList<>();
		Npi facility = requireFacility(user, form.facilityNpi(), problems);
		MemberId member = null;
		try {
			member = MemberId.parse(form.member());
			if (this.members.find(member).isEmpty()) {
				problems.add(new Problem("member", "referral.problem.member-unknown"));
				member = null;
			}
		}
		catch (IllegalArgumentException ex) {
			problems.add(new Problem("member", "referral.problem.member"));
		}
		LocalDate admitDate = null;
		try {
			admitDate = LocalDate.parse(form.admitDate().strip());
			if (admitDate.isAfter(LocalDate.now(this.clock).plusDays(1))) {
				problems.add(new Problem("admitDate", "inpatient.problem.admit-future"));
			}
		}
		catch (DateTimeParseException | NullPointerException ex) {
			problems.add(new Problem("admitDate", "inpatient.problem.admit-date"));
		}
		LocalTime admitTime = null;
		try {
			admitTime = LocalTime.parse(form.admitTime().strip());
		}
		catch (DateTimeParseException | NullPointerException ex) {
			problems.add(new Problem("admitTime", "inpatient.problem.admit-time"));
		}
		AdmissionType type = null;
		try {
			type = AdmissionType.valueOf(form.admissionType());
		}
		catch (IllegalArgumentException | NullPointerException ex) {
			problems.add(new Problem("admissionType", "inpatient.problem.type"));
		}
		if (!Diagnoses.isValid(form.diagnosis())) {
			problems.add(new Problem("diagnosis", "referral.problem.diagnosis"));
		}
		Npi attending = null;
		if (!Npi.isValid(form.attendingNpi())) {
			problems.add(new Problem("attendingNpi", "inpatient.problem.attending"));
		}
		else if (this.providers.find(Npi.parse(form.attendingNpi())).isEmpty()) {
			problems.add(new Problem("attendingNpi", "referral.problem.specialist-unknown"));
		}
		else {
			attending = Npi.parse(form.attendingNpi());
		}
		if (member != null && admitDate != null && this.eligibility.coverageOn(member, admitDate).isEmpty()) {
			problems.add(new Problem("admitDate", "inpatient.problem.not-covered"));
		}
		if (!problems.isEmpty()) {
			return new Outcome.Invalid(problems);
		}
		Optional<InpatientNotification> existing = byAdmission(facility, member, admitDate);
		if (existing.isPresent()) {
			return new Outcome.Reported(existing.get(), true);
		}
		int inserted = this.jdbc
			.sql("""
					INSERT INTO authorizations.inpatient_notification (facility_npi, subscriber_id, member_suffix, admit_date,
					  admit_time, admission_type, admitting_diagnosis, attending_npi, reported_by_account, reported_by,
					  reported_at)
					VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
					ON CONFLICT DO NOTHING
					""")
			.params(facility.value(), member.subscriberId(), member.suffix(), admitDate, admitTime, type.name(),
					Diagnoses.normalize(form.diagnosis()), attending.value(), user.accountId().value(),
					user.getUsername(), Timestamp.from(Instant.now(this.clock)))
			.update();
		InpatientNotification notification = byAdmission(facility, member, admitDate).orElseThrow();
		if (inserted == 1) {
			this.audit.record(new AuditEvent(user.getUsername(), "inpatient.report", "inpatient-notification",
					notification.number(), AuditOutcome.SUCCESS, "member " + member + ", facility " + facility));
		}
		return new Outcome.Reported(notification, inserted == 0);
	}

	/** Adds the discharge to a notification the user may read. */
	@Transactional
	public Outcome discharge(PorticoUser user, String number, String dischargeDate, String disposition) {
		InpatientNotification notification = find(user, number)
			.orElseThrow(() -> new org.springframework.web.server.ResponseStatusException(
					org.springframework.http.HttpStatus.NOT_FOUND));
		List<Problem> problems = new ArrayList<>();
		LocalDate date = null;
		try {
			date = LocalDate.parse(dischargeDate.strip());
			if (date.isBefore(notification.admitDate())) {
				problems.add(new Problem("dischargeDate", "inpatient.problem.discharge-before-admit"));
			}
			else if (date.isAfter(LocalDate.now(this.clock).plusDays(1))) {
				problems.add(new Problem("dischargeDate", "inpatient.problem.discharge-future"));
			}
		}
		catch (DateTimeParseException | NullPointerException ex) {
			problems.add(new Problem("dischargeDate", "inpatient.problem.discharge-date"));
		}
		DischargeDisposition chosen = null;
		try {
			chosen = DischargeDisposition.valueOf(disposition);
		}
		catch (IllegalArgumentException | NullPointerException ex) {
			problems.add(new Problem("disposition", "inpatient.problem.disposition"));
		}
		if (!problems.isEmpty()) {
			return new Outcome.Invalid(problems);
		}
		this.jdbc.sql("""
				UPDATE authorizations.inpatient_notification
				SET discharge_date = ?, discharge_disposition = ?, discharge_reported_by = ?, discharge_reported_at = ?
				WHERE id = ?
				""")
			.params(date, chosen.name(), user.getUsername(), Timestamp.from(Instant.now(this.clock)),
					id(notification.number()))
			.update();
		this.audit.record(new AuditEvent(user.getUsername(), "inpatient.discharge", "inpatient-notification",
				notification.number(), AuditOutcome.SUCCESS, chosen.name()));
		return new Outcome.Reported(byId(id(notification.number())).orElseThrow(), true);
	}

	/**
	 * The notification, when the user acts for its facility (audited); otherwise none.
	 */
	@Transactional(readOnly = true)
	public Optional<InpatientNotification> find(PorticoUser user, String number) {
		String typed = (number == null) ? "" : number.strip().toUpperCase(Locale.ROOT);
		if (!typed.matches("IPN-[0-9]{8}")) {
			return Optional.empty();
		}
		Optional<InpatientNotification> found = byId(id(typed));
		if (found.isPresent() && !this.access.may(user.accountId(), FUNCTION, found.get().facilityNpi())) {
			this.audit.record(AuditEvent.denied(user.getUsername(), "inpatient.view", "inpatient-notification", typed));
			return Optional.empty();
		}
		found.ifPresent((n) -> this.audit.record(new AuditEvent(user.getUsername(), "inpatient.view",
				"inpatient-notification", n.number(), AuditOutcome.SUCCESS, "member " + n.member())));
		return found;
	}

	/** The latest notifications of the facilities the user acts for, newest first. */
	@Transactional(readOnly = true)
	public List<InpatientNotification> recent(PorticoUser user, int limit) {
		Set<Npi> facilities = this.access.npisFor(user.accountId(), FUNCTION);
		if (facilities.isEmpty()) {
			return List.of();
		}
		List<InpatientNotification> found = this.jdbc
			.sql(SELECT + " WHERE facility_npi IN (:npis) ORDER BY admit_date DESC, id DESC FETCH FIRST " + limit
					+ " ROWS ONLY")
			.param("npis", facilities.stream().map(Npi::value).toList())
			.query(InpatientNotifications::notification)
			.list();
		this.audit.record(new AuditEvent(user.getUsername(), "inpatient.list", null, null, AuditOutcome.SUCCESS,
				found.size() + " listed"));
		return found;
	}

	private Npi requireFacility(PorticoUser user, String typed, List<Problem> problems) {
		if (!Npi.isValid(typed)) {
			problems.add(new Problem("facilityNpi", "inpatient.problem.facility"));
			return null;
		}
		Npi npi = Npi.parse(typed);
		if (!this.access.may(user.accountId(), FUNCTION, npi)) {
			this.audit.record(AuditEvent.denied(user.getUsername(), "inpatient.report", "npi", npi.value()));
			throw new AccessDeniedException("No inpatient notifications for " + npi.value());
		}
		return npi;
	}

	private static long id(String number) {
		return Long.parseLong(number.substring(InpatientNotification.PREFIX.length()));
	}

	private Optional<InpatientNotification> byId(long id) {
		return this.jdbc.sql(SELECT + " WHERE id = ?").param(id).query(InpatientNotifications::notification).optional();
	}

	private Optional<InpatientNotification> byAdmission(Npi facility, MemberId member, LocalDate admitDate) {
		return this.jdbc
			.sql(SELECT + " WHERE facility_npi = ? AND subscriber_id = ? AND member_suffix = ? AND admit_date = ?")
			.params(facility.value(), member.subscriberId(), member.suffix(), admitDate)
			.query(InpatientNotifications::notification)
			.optional();
	}

	private static final String SELECT = """
			SELECT id, facility_npi, subscriber_id, member_suffix, admit_date, admit_time, admission_type,
			       admitting_diagnosis, attending_npi, discharge_date, discharge_disposition, reported_by, reported_at
			FROM authorizations.inpatient_notification""";

	private static InpatientNotification notification(ResultSet rs, int row) throws SQLException {
		String disposition = rs.getString("discharge_disposition");
		return new InpatientNotification(InpatientNotification.number(rs.getLong("id")),
				new Npi(rs.getString("facility_npi")),
				new MemberId(rs.getString("subscriber_id"), rs.getString("member_suffix")),
				rs.getObject("admit_date", LocalDate.class), rs.getObject("admit_time", LocalTime.class),
				AdmissionType.valueOf(rs.getString("admission_type")), rs.getString("admitting_diagnosis"),
				new Npi(rs.getString("attending_npi")), rs.getObject("discharge_date", LocalDate.class),
				(disposition != null) ? DischargeDisposition.valueOf(disposition) : null, rs.getString("reported_by"),
				rs.getTimestamp("reported_at").toInstant());
	}

}
