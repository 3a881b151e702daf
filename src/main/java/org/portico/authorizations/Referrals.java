package org.portico.authorizations;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import org.portico.audit.AuditEvent;
import org.portico.audit.AuditLog;
import org.portico.access.AccessApi;
import org.portico.identity.PorticoUser;
import org.portico.members.Eligibility;
import org.portico.members.EligibilityReport;
import org.portico.members.MemberApi;
import org.portico.members.MemberId;
import org.portico.members.ServiceCategory;
import org.portico.providers.Npi;
import org.portico.providers.ProviderApi;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Referrals from a member's PCP to a specialist or facility: checked as a form, decided
 * at once by the {@link ReferralPolicy}, and stored as requests of the referral kind.
 */
@Service
public class Referrals {

	/** The longest span one referral may cover. */
	public static final int MAX_DAYS = 366;

	private final Authorizations authorizations;

	private final AccessApi access;

	private final AuditLog audit;

	private final MemberApi members;

	private final Eligibility eligibility;

	private final ProviderApi providers;

	private final JdbcClient jdbc;

	Referrals(Authorizations authorizations, AccessApi access, AuditLog audit, MemberApi members,
			Eligibility eligibility, ProviderApi providers, JdbcClient jdbc) {
		this.authorizations = authorizations;
		this.access = access;
		this.audit = audit;
		this.members = members;
		this.eligibility = eligibility;
		this.providers = providers;
		this.jdbc = jdbc;
	}

	/**
	 * The referral form as typed.
	 *
	 * @param npi the referring NPI, one the user acts for
	 * @param member the member ID
	 * @param servicingNpi the specialist's or facility's NPI
	 * @param specialty the specialty's taxonomy code
	 * @param diagnosis the ICD-10-CM code
	 * @param visits the number of visits
	 * @param from the first date
	 * @param to the last date
	 * @param submission the form's one-time key
	 */
	public record ReferralForm(String npi, String member, String servicingNpi, String specialty, String diagnosis,
			String visits, String from, String to, String submission) {

		public static ReferralForm empty(String npi) {
			return new ReferralForm(npi, "", "", "", "", "1", "", "", UUID.randomUUID().toString());
		}

	}

	/** How a submission ended. */
	public sealed interface Outcome {

		record Invalid(List<Problem> problems) implements Outcome {
		}

		record Submitted(AuthorizationRequest request, boolean alreadySubmitted) implements Outcome {
		}

	}

	/**
	 * Checks the form, decides by the policy and stores the referral; a referral for an
	 * NPI the user does not act for is refused and audited.
	 */
	@Transactional
	public Outcome submit(PorticoUser user, ReferralForm form) {
		List<Problem> problems = new ArrayList<>();
		Npi referring = requireNpi(user, form.npi(), problems);
		MemberId member = null;
		try {
			member = MemberId.parse(form.member());
		}
		catch (IllegalArgumentException ex) {
			problems.add(new Problem("member", "referral.problem.member"));
		}
		Npi servicing = null;
		if (!Npi.isValid(form.servicingNpi())) {
			problems.add(new Problem("servicingNpi", "referral.problem.specialist"));
		}
		else {
			servicing = Npi.parse(form.servicingNpi());
			if (this.providers.find(servicing).isEmpty()) {
				problems.add(new Problem("servicingNpi", "referral.problem.specialist-unknown"));
				servicing = null;
			}
		}
		String specialty = (form.specialty() == null) ? "" : form.specialty().strip();
		Optional<ProviderApi.Specialty> named = this.providers.specialties()
			.stream()
			.filter((s) -> s.code().equals(specialty))
			.findFirst();
		if (named.isEmpty()) {
			problems.add(new Problem("specialty", "referral.problem.specialty"));
		}
		if (!Diagnoses.isValid(form.diagnosis())) {
			problems.add(new Problem("diagnosis", "referral.problem.diagnosis"));
		}
		int visits = 0;
		try {
			visits = Integer.parseInt((form.visits() == null) ? "" : form.visits().strip());
		}
		catch (NumberFormatException ex) {
			visits = 0;
		}
		if (visits < 1 || visits > 99) {
			problems.add(new Problem("visits", "referral.problem.visits"));
		}
		LocalDate from = date(form.from(), "from", "referral.problem.from", problems);
		LocalDate to = date(form.to(), "to", "referral.problem.to", problems);
		if (from != null && to != null) {
			if (to.isBefore(from)) {
				problems.add(new Problem("to", "referral.problem.end-before-start"));
			}
			else if (from.plusDays(MAX_DAYS).isBefore(to)) {
				problems.add(new Problem("to", "referral.problem.too-long"));
			}
		}
		Optional<Eligibility.OnDate> onDate = Optional.empty();
		if (member != null && from != null) {
			onDate = this.eligibility.onDate(member, from, ServiceCategory.SPECIALIST_OFFICE_VISIT);
			if (onDate.isEmpty()) {
				problems.add(new Problem("member", "referral.problem.member-unknown"));
			}
			else if (onDate.get().coverage().isEmpty()) {
				problems.add(new Problem("from", "referral.problem.not-covered"));
			}
		}
		else if (member != null && this.members.find(member).isEmpty()) {
			problems.add(new Problem("member", "referral.problem.member-unknown"));
		}
		if (!problems.isEmpty()) {
			return new Outcome.Invalid(problems);
		}
		AutomaticDecision decision = ReferralPolicy
			.decide(facts(member, referring, servicing, onDate.get(), visits, from, to));
		String submission = (form.submission() == null || form.submission().isBlank()) ? UUID.randomUUID().toString()
				: form.submission().strip();
		String diagnosis = Diagnoses.normalize(form.diagnosis());
		int asked = visits;
		Authorizations.Submitted submitted = this.authorizations.submit(
				new NewRequest(RequestKind.REFERRAL, member, referring, servicing, user, Priority.STANDARD, from, to,
						visits, submission.length() > 64 ? submission.substring(0, 64) : submission),
				decision, (id) -> this.jdbc.sql("""
						INSERT INTO authorizations.referral (request_id, specialty_code, diagnosis_code, visits)
						VALUES (?, ?, ?, ?)
						""").params(id, specialty, diagnosis, asked).update());
		return new Outcome.Submitted(submitted.request(), submitted.alreadySubmitted());
	}

	private ReferralPolicy.Facts facts(MemberId member, Npi referring, Npi servicing, Eligibility.OnDate onDate,
			int visits, LocalDate from, LocalDate to) {
		EligibilityReport.Coverage coverage = onDate.coverage().orElseThrow();
		boolean coveredThrough = coverage.terminationDate() == null || !coverage.terminationDate().isBefore(to);
		ProviderApi.PcpRelation relation = onDate.pcpNpi()
			.filter(Npi::isValid)
			.map((pcp) -> this.providers.relationToPcp(referring, new Npi(pcp)))
			.orElse(ProviderApi.PcpRelation.NONE);
		boolean inNetwork = this.providers.inNetwork(servicing, coverage.productCode(), from);
		Integer left = onDate.visitLimit().map(EligibilityReport.VisitLimit::remaining).orElse(null);
		boolean overlap = this.jdbc.sql("""
				SELECT COUNT(*) FROM authorizations.request
				WHERE kind = 'REFERRAL' AND subscriber_id = ? AND member_suffix = ? AND servicing_npi = ?
				  AND status IN ('APPROVED', 'PARTIALLY_APPROVED', 'PENDED', 'IN_REVIEW', 'INFO_REQUESTED')
				  AND service_from <= ? AND service_to >= ?
				""")
			.params(member.subscriberId(), member.suffix(), servicing.value(), to, from)
			.query(Long.class)
			.single() > 0;
		return new ReferralPolicy.Facts(coveredThrough, coverage.referralsRequired(), coverage.pcpRequired(),
				relation == ProviderApi.PcpRelation.PCP_OR_GROUP, relation == ProviderApi.PcpRelation.SAME_UNIT,
				inNetwork, visits, left, overlap);
	}

	private Npi requireNpi(PorticoUser user, String typed, List<Problem> problems) {
		if (!Npi.isValid(typed)) {
			problems.add(new Problem("npi", "referral.problem.npi"));
			return null;
		}
		Npi npi = Npi.parse(typed);
		if (!this.access.may(user.accountId(), Authorizations.FUNCTION, npi)) {
			this.audit.record(AuditEvent.denied(user.getUsername(), "referral.submit", "npi", npi.value()));
			throw new AccessDeniedException("No referrals for " + npi.value());
		}
		return npi;
	}

	private static LocalDate date(String typed, String field, String key, List<Problem> problems) {
		try {
			return LocalDate.parse((typed == null) ? "" : typed.strip());
		}
		catch (DateTimeParseException ex) {
			problems.add(new Problem(field, key));
			return null;
		}
	}

	/** The referral with this tracking number, when the user may read it (audited). */
	@Transactional(readOnly = true)
	public Optional<Referral> find(PorticoUser user, String trackingNumber) {
		return this.authorizations.find(user, trackingNumber)
			.filter((r) -> r.kind() == RequestKind.REFERRAL)
			.map(this::details);
	}

	/** The referrals the user may read that match, newest first (audited). */
	@Transactional(readOnly = true)
	public List<Referral> search(PorticoUser user, Authorizations.RequestSearch search) {
		Authorizations.RequestSearch referrals = new Authorizations.RequestSearch(Set.of(RequestKind.REFERRAL),
				search.member(), search.npi(), search.status(), search.receivedFrom(), search.receivedTo(),
				search.trackingNumber());
		return details(this.authorizations.search(user, referrals));
	}

	/** The referral details of a request already read. */
	@Transactional(readOnly = true)
	public Referral details(AuthorizationRequest request) {
		return details(List.of(request)).get(0);
	}

	/** The referral details of requests already read, in their order. */
	List<Referral> details(List<AuthorizationRequest> requests) {
		if (requests.isEmpty()) {
			return List.of();
		}
		Map<Long, Object[]> rows = new HashMap<>();
		this.jdbc.sql("""
				SELECT request_id, specialty_code, diagnosis_code, visits, visits_used FROM authorizations.referral
				WHERE request_id IN (:ids)
				""").param("ids", requests.stream().map(AuthorizationRequest::id).toList()).query((rs) -> {
			rows.put(rs.getLong(1), new Object[] { rs.getString(2), rs.getString(3), rs.getInt(4), rs.getInt(5) });
		});
		Map<String, String> specialties = new HashMap<>();
		this.providers.specialties().forEach((s) -> specialties.put(s.code(), s.name()));
		List<Referral> referrals = new ArrayList<>();
		for (AuthorizationRequest r : requests) {
			Object[] row = rows.get(r.id());
			if (row != null) {
				referrals
					.add(new Referral(r, (String) row[0], specialties.getOrDefault((String) row[0], (String) row[0]),
							(String) row[1], (Integer) row[2], (Integer) row[3]));
			}
		}
		return referrals;
	}

}
