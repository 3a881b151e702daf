package org.portico.access;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

import org.portico.access.AccessApi.NpiAccess;
import org.portico.audit.AuditEvent;
import org.portico.audit.AuditLog;
import org.portico.audit.AuditOutcome;
import org.portico.identity.AccountId;
import org.portico.identity.AccountSummary;
import org.portico.identity.Accounts;
import org.portico.identity.NewAccount;
import org.portico.identity.PasswordPolicy;
import org.portico.identity.PorticoUser;
import org.portico.notifications.Email;
import org.portico.notifications.Notifications;
import org.portico.platform.SingleUseTokens;
import org.portico.providers.Npi;
import org.portico.providers.ProviderApi;
import org.portico.providers.Tin;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.interceptor.TransactionAspectSupport;

/**
 * Registration from the login page's "Register here", and "I need additional access" for
 * a signed-in user adding providers to their login: prove who the provider is with the
 * NPI, the TIN or the last four digits of the SSN, and two claims of the last twelve
 * months; then become the NPI's Senior Access Administrator at once (as the provider), or
 * once the provider approves through an emailed link (on the provider's behalf). No
 * paper, no fax, no waiting for a temporary password. A failed verification gets one
 * answer that reveals nothing, and repeated failures stop further tries.
 */
@Service
public class Registration {

	static final int FAILURES_ALLOWED = 5;

	static final Duration FAILURE_WINDOW = Duration.ofHours(24);

	static final Duration DECISION_LINK_LIFETIME = Duration.ofDays(7);

	private final JdbcClient jdbc;

	private final AccessApi access;

	private final Accounts accounts;

	private final PasswordPolicy passwordPolicy;

	private final ProviderApi providers;

	private final ClaimEvidence claims;

	private final Notifications notifications;

	private final AuditLog audit;

	private final RegistrationAttempts attempts;

	private final Clock clock;

	Registration(JdbcClient jdbc, AccessApi access, Accounts accounts, PasswordPolicy passwordPolicy,
			ProviderApi providers, ClaimEvidence claims, Notifications notifications, AuditLog audit,
			RegistrationAttempts attempts, Clock clock) {
		this.jdbc = jdbc;
		this.access = access;
		this.accounts = accounts;
		this.passwordPolicy = passwordPolicy;
		this.providers = providers;
		this.claims = claims;
		this.notifications = notifications;
		this.audit = audit;
		this.attempts = attempts;
		this.clock = clock;
	}

	/** A claim the registering person quotes to prove they work with the provider. */
	public record ClaimProof(String claimNumber, String serviceDate, String billed) {
	}

	/**
	 * What proves that a person acts for a provider: the NPI, the group's TIN or the
	 * individual's last four SSN digits, and two of the provider's recent claims. Asked
	 * the same way of a new registration and of a signed-in user adding a provider.
	 */
	public record ProviderProof(String npi, boolean group, String tin, String ssnLastFour, List<ClaimProof> claims) {

		@Override
		public String toString() {
			return "ProviderProof[" + this.npi + "]";
		}

	}

	/**
	 * How the person will act for the provider: as the provider, or on the provider's
	 * behalf once the provider approves by email; and whether they may replace the NPI's
	 * current SAA.
	 */
	public record Acting(boolean onBehalf, String providerEmail, boolean replaceSaa) {
	}

	/** What the registration form sends. */
	public record Request(ProviderProof proof, Acting acting, String name, String email, String username,
			String password, String confirmation) {

		@Override
		public String toString() {
			return "Request[" + this.proof.npi() + "]";
		}

	}

	/** How a registration ended. */
	public sealed interface Outcome {

		/** The form has mistakes; nothing was verified or created. */
		record Problems(List<String> messageKeys) implements Outcome {
		}

		/** The details did not verify; the same answer whatever did not match. */
		record NotVerified(boolean tooManyAttempts) implements Outcome {
		}

		/** The NPI has a Senior Access Administrator: replace them, or start over. */
		record SaaExists() implements Outcome {
		}

		/** The account works now. */
		record Registered(String username) implements Outcome {
		}

		/** The account works, and access waits for the provider's approval. */
		record AwaitingProvider(String providerEmail) implements Outcome {
		}

		/** The signed-in user is the SAA of these NPIs now. */
		record Added(List<Npi> npis) implements Outcome {
		}

		/**
		 * The signed-in user administers the NPI already; nothing was verified or
		 * changed.
		 */
		record AlreadyAdministers(Npi npi, AccessRole role) implements Outcome {
		}

	}

	@Transactional
	public Outcome register(Request r, String client) {
		List<String> problems = new ArrayList<>();
		Evidence evidence = read(r.proof(), r.acting(), problems);
		if (r.name() == null || r.name().isBlank() || r.name().length() > 120) {
			problems.add("registration.problem.name");
		}
		if (r.email() == null || !Email.isValidAddress(r.email().strip())) {
			problems.add("registration.problem.email");
		}
		String username = (r.username() == null) ? "" : r.username().strip().toLowerCase(java.util.Locale.ROOT);
		if (!NewAccount.isValidUsername(username)) {
			problems.add("registration.problem.username");
		}
		else if (this.accounts.idOf(username).isPresent()) {
			problems.add("registration.problem.username-taken");
		}
		this.passwordPolicy.problems(r.password(), username, false).forEach((p) -> problems.add(p.messageKey()));
		if (r.password() == null || !r.password().equals(r.confirmation())) {
			problems.add("password.problem.MISMATCH");
		}
		if (!problems.isEmpty()) {
			return new Outcome.Problems(problems);
		}
		Optional<Outcome> refused = verify(evidence, client, "(registration)", r.acting());
		if (refused.isPresent()) {
			return refused.get();
		}
		AccountId account;
		try {
			account = this.accounts
				.openProviderAccount(new NewAccount(username, r.email().strip(), r.name().strip(), r.password()));
		}
		catch (DuplicateKeyException ex) {
			// Taken between the check and the insert, by someone registering the same
			// username at the same moment: nothing of this registration is kept.
			TransactionAspectSupport.currentTransactionStatus().setRollbackOnly();
			return new Outcome.Problems(List.of("registration.problem.username-taken"));
		}
		this.audit.record(AuditEvent.success(username, "registration.verified", "npi", evidence.npi().value()));
		return actFor(account, username, r.name().strip(), evidence, r.acting(),
				(npis) -> new Outcome.Registered(username));
	}

	/**
	 * "I need additional access": a signed-in provider-office user adds a provider to the
	 * login they have, proving they act for it exactly as a new registration does, with
	 * the same throttle. As the provider they become its SAA at once; on its behalf the
	 * provider decides through an emailed link. A failed verification grants nothing.
	 */
	@Transactional
	public Outcome addAccess(PorticoUser user, ProviderProof proof, Acting acting, String client) {
		if (user.isStaff()) {
			throw new IllegalArgumentException("Plan staff accounts do not act for providers");
		}
		List<String> problems = new ArrayList<>();
		Evidence evidence = read(proof, acting, problems);
		if (!problems.isEmpty()) {
			return new Outcome.Problems(problems);
		}
		Optional<NpiAccess> administered = this.access.administeredBy(user.accountId())
			.stream()
			.filter((a) -> a.npi().equals(evidence.npi()))
			.findFirst();
		if (administered.isPresent()) {
			return new Outcome.AlreadyAdministers(evidence.npi(), administered.get().role());
		}
		Optional<Outcome> refused = verify(evidence, client, user.getUsername(), acting);
		if (refused.isPresent()) {
			return refused.get();
		}
		this.audit.record(new AuditEvent(user.getUsername(), "registration.verified", "npi", evidence.npi().value(),
				AuditOutcome.SUCCESS, "additional access"));
		return actFor(user.accountId(), user.getUsername(), user.displayName(), evidence, acting, Outcome.Added::new);
	}

	/**
	 * Reads the provider's details as typed; adds what is wrong to the problems.
	 * @return the details, or null when any is wrong
	 */
	private Evidence read(ProviderProof p, Acting acting, List<String> problems) {
		int before = problems.size();
		Npi npi = Npi.isValid(p.npi()) ? Npi.parse(p.npi()) : null;
		if (npi == null) {
			problems.add("registration.problem.npi");
		}
		Tin tin = null;
		String ssnLastFour = null;
		if (p.group()) {
			try {
				tin = Tin.parse(p.tin());
			}
			catch (IllegalArgumentException ex) {
				problems.add("registration.problem.tin");
			}
		}
		else if (p.ssnLastFour() == null || !p.ssnLastFour().strip().matches("[0-9]{4}")) {
			problems.add("registration.problem.ssn");
		}
		else {
			ssnLastFour = p.ssnLastFour().strip();
		}
		List<QuotedClaim> proofs = proofs(p.claims(), problems);
		if (acting.onBehalf()
				&& (acting.providerEmail() == null || !Email.isValidAddress(acting.providerEmail().strip()))) {
			problems.add("registration.problem.provider-email");
		}
		return (problems.size() == before) ? new Evidence(npi, tin, ssnLastFour, proofs) : null;
	}

	/**
	 * The one check of a provider's details, for a new registration and for a signed-in
	 * user adding a provider alike: the TIN or SSN digits and two recent claims must
	 * match. Repeated failures from one client or for one NPI stop further tries, and
	 * every failure gets the same answer whatever did not match.
	 * @param actor who is trying, for the audit trail
	 * @return empty when verified and the person may act as asked; otherwise the answer
	 */
	private Optional<Outcome> verify(Evidence e, String client, String actor, Acting acting) {
		if (this.attempts.tooMany(client, e.npi())) {
			return Optional.of(new Outcome.NotVerified(true));
		}
		boolean identified = e.group() ? this.providers.tinMatches(e.npi(), e.tin())
				: this.providers.ssnLastFourMatches(e.npi(), e.ssnLastFour());
		LocalDate since = LocalDate.now(this.clock).minusMonths(12);
		boolean claimsMatch = !e.claims().get(0).number().equals(e.claims().get(1).number()) && e.claims()
			.stream()
			.allMatch((c) -> this.claims.matchesRecentClaim(e.npi(), c.number(), c.serviceDate(), c.billed(), since));
		if (!identified || !claimsMatch) {
			this.attempts.failed(client, e.npi(), actor);
			return Optional.of(new Outcome.NotVerified(this.attempts.tooMany(client, e.npi())));
		}
		if (this.access.seniorAccessAdministratorOf(e.npi()).isPresent() && !acting.replaceSaa()) {
			return Optional.of(new Outcome.SaaExists());
		}
		return Optional.empty();
	}

	/**
	 * After verification: as the provider, the account becomes the NPI's SAA at once (for
	 * a group's own NPI, also of the NPIs under its TIN that have none); on the
	 * provider's behalf, the provider is asked by email, once: asking again while a
	 * request waits sends nothing new.
	 * @param done what to answer, given the NPIs the account is SAA of now
	 * @return what to answer when done, or that the provider was asked
	 */
	private Outcome actFor(AccountId account, String username, String name, Evidence e, Acting acting,
			Function<List<Npi>, Outcome> done) {
		if (acting.onBehalf()) {
			Optional<String> asked = providerAlreadyAsked(account, e.npi());
			if (asked.isPresent()) {
				return new Outcome.AwaitingProvider(asked.get());
			}
			requestProviderDecision(account, username, e.npi(), acting.providerEmail().strip(), acting.replaceSaa(),
					name);
			return new Outcome.AwaitingProvider(acting.providerEmail().strip());
		}
		List<Npi> npis = (e.group() && this.providers.npisUnderSameTin(e.npi()).contains(e.npi()))
				? this.providers.npisUnderSameTin(e.npi()) : List.of(e.npi());
		List<Npi> made = new ArrayList<>();
		for (Npi each : npis) {
			if (each.equals(e.npi()) || this.access.seniorAccessAdministratorOf(each).isEmpty()) {
				becomeSaa(account, username, each);
				made.add(each);
			}
		}
		return done.apply(made);
	}

	/** The provider's address of a request of the account for the NPI still waiting. */
	private Optional<String> providerAlreadyAsked(AccountId account, Npi npi) {
		return this.jdbc.sql("""
				SELECT provider_email FROM access.registration_request
				WHERE requester_account_id = ? AND npi = ? AND status = 'PENDING' AND expires_at > ?
				ORDER BY id DESC FETCH FIRST 1 ROWS ONLY
				""")
			.params(account.value(), npi.value(), Timestamp.from(Instant.now(this.clock)))
			.query(String.class)
			.optional();
	}

	/**
	 * A registration on the provider's behalf, as the provider sees it before deciding.
	 */
	public record PendingDecision(long id, Npi npi, AccountSummary requester, boolean replaceSaa) {
	}

	@Transactional(readOnly = true)
	public Optional<PendingDecision> pendingDecision(String token) {
		if (token == null || token.isBlank()) {
			return Optional.empty();
		}
		return this.jdbc.sql("""
				SELECT id, npi, requester_account_id, replace_saa FROM access.registration_request
				WHERE token_hash = ? AND status = 'PENDING' AND expires_at > ?
				""").params(SingleUseTokens.hash(token), Timestamp.from(Instant.now(this.clock))).query((rs, row) -> {
			AccountSummary requester = this.accounts.summaries(List.of(new AccountId(rs.getLong(3)))).get(0);
			return new PendingDecision(rs.getLong(1), new Npi(rs.getString(2)), requester, rs.getBoolean(4));
		}).optional();
	}

	/**
	 * The provider approves or rejects, confirming who they are with the last four digits
	 * of their SSN or their TIN. The link works once.
	 * @return empty when done; otherwise the message key of what is wrong
	 */
	@Transactional
	public Optional<String> decide(String token, boolean approve, String confirmation) {
		Optional<PendingDecision> pending = pendingDecision(token);
		if (pending.isEmpty()) {
			return Optional.of("registration.decide.unusable");
		}
		PendingDecision p = pending.get();
		String typed = (confirmation == null) ? "" : confirmation.replaceAll("[\\s-]", "");
		boolean confirmed = (typed.length() == 4) ? this.providers.ssnLastFourMatches(p.npi(), typed)
				: typed.length() == 9 && isTin(typed) && this.providers.tinMatches(p.npi(), new Tin(typed));
		if (!confirmed) {
			this.audit.record(new AuditEvent("provider@" + p.npi().value(), "registration.decide", "npi",
					p.npi().value(), AuditOutcome.FAILURE, "identity not confirmed"));
			this.jdbc.sql("""
					UPDATE access.registration_request
					SET failed_confirmations = failed_confirmations + 1,
					    status = CASE WHEN failed_confirmations + 1 >= ? THEN 'REJECTED' ELSE status END
					WHERE id = ?
					""").params(FAILURES_ALLOWED, p.id()).update();
			return Optional.of("registration.decide.not-confirmed");
		}
		int updated = this.jdbc.sql("""
				UPDATE access.registration_request SET status = ?, decided_at = ? WHERE id = ? AND status = 'PENDING'
				""")
			.params(approve ? "APPROVED" : "REJECTED", Timestamp.from(Instant.now(this.clock)), p.id())
			.update();
		if (updated != 1) {
			return Optional.of("registration.decide.unusable");
		}
		AccountSummary requester = p.requester();
		this.audit.record(AuditEvent.success("provider@" + p.npi().value(),
				approve ? "registration.approve" : "registration.reject", "account",
				String.valueOf(requester.id().value())));
		if (approve && (p.replaceSaa() || this.access.seniorAccessAdministratorOf(p.npi()).isEmpty())) {
			becomeSaa(requester.id(), requester.username(), p.npi());
		}
		boolean granted = approve
				&& this.access.seniorAccessAdministratorOf(p.npi()).filter(requester.id()::equals).isPresent();
		this.notifications.send(new Email(granted ? "registration-approved" : "registration-rejected",
				requester.email(),
				granted ? "Your Portico access was approved" : "Your Portico access request was not approved",
				granted ? """
						Hello %s,

						The provider approved your request: you can now use Portico for NPI %s. Sign in at %s.
						""".formatted(requester.displayName(), p.npi().value(), this.notifications.link("/login")) : """
						Hello %s,

						Your request to use Portico for NPI %s was not approved. If you think this is a mistake,
						talk to the provider or call Provider Services.
						""".formatted(requester.displayName(), p.npi().value())));
		return Optional.empty();
	}

	private void becomeSaa(AccountId account, String username, Npi npi) {
		Optional<AccountId> replaced = this.access.makeSeniorAccessAdministrator(account, npi, username);
		this.audit.record(AuditEvent.success(username, "registration.saa", "npi", npi.value()));
		replaced.ifPresent((old) -> {
			AccountSummary previous = this.accounts.summaries(List.of(old)).get(0);
			this.audit.record(
					AuditEvent.success(username, "registration.replace-saa", "account", String.valueOf(old.value())));
			this.notifications.send(new Email("saa-replaced", previous.email(),
					"You are no longer the Senior Access Administrator of NPI " + npi.value(), """
							Hello %s,

							%s registered as the Senior Access Administrator of NPI %s after proving they act for the
							provider, and replaced you. You keep your access to it as an Access Administrator.

							If this is wrong, call Provider Services at once.
							""".formatted(previous.displayName(), username, npi.value())));
		});
	}

	private void requestProviderDecision(AccountId account, String username, Npi npi, String providerEmail,
			boolean replaceSaa, String name) {
		String token = SingleUseTokens.newToken();
		Instant now = Instant.now(this.clock);
		this.jdbc.sql("""
				INSERT INTO access.registration_request
				  (npi, requester_account_id, provider_email, replace_saa, token_hash, created_at, expires_at, status)
				VALUES (?, ?, ?, ?, ?, ?, ?, 'PENDING')
				""")
			.params(npi.value(), account.value(), providerEmail, replaceSaa, SingleUseTokens.hash(token),
					Timestamp.from(now), Timestamp.from(now.plus(DECISION_LINK_LIFETIME)))
			.update();
		this.audit.record(AuditEvent.success(username, "registration.on-behalf", "npi", npi.value()));
		this.notifications.send(new Email("registration-decision", providerEmail,
				"Approve or reject a Portico access request for NPI " + npi.value(), """
						Hello,

						%s asked to manage Portico access for NPI %s on your behalf, as its Senior Access Administrator.

						To approve or reject, open this link within 7 days (it works once). You will be asked for the
						last four digits of your SSN or your TIN to confirm it is you:

						%s

						If you do not know this person, reject the request.
						""".formatted(name, npi.value(), this.notifications.link("/register/decide?token=" + token))));
	}

	private record QuotedClaim(String number, LocalDate serviceDate, BigDecimal billed) {
	}

	/**
	 * A provider's details, well formed: the NPI, the TIN (a group) or the last four SSN
	 * digits (an individual), and two claims.
	 */
	private record Evidence(Npi npi, Tin tin, String ssnLastFour, List<QuotedClaim> claims) {

		boolean group() {
			return this.tin != null;
		}

	}

	private List<QuotedClaim> proofs(List<ClaimProof> claims, List<String> problems) {
		List<QuotedClaim> proofs = new ArrayList<>();
		if (claims == null || claims.size() != 2) {
			problems.add("registration.problem.claims");
			return proofs;
		}
		for (ClaimProof c : claims) {
			try {
				BigDecimal billed = new BigDecimal(c.billed().strip().replace("$", "").replace(",", ""));
				proofs.add(new QuotedClaim(
						this.claims.claimNumber(c.claimNumber()).orElseThrow(IllegalArgumentException::new),
						LocalDate.parse(c.serviceDate().strip()),
						billed.setScale(2, java.math.RoundingMode.UNNECESSARY)));
			}
			catch (IllegalArgumentException | DateTimeParseException | ArithmeticException | NullPointerException ex) {
				problems.add("registration.problem.claims");
				return proofs;
			}
		}
		return proofs;
	}

	private static boolean isTin(String digits) {
		try {
			new Tin(digits);
			return true;
		}
		catch (IllegalArgumentException ex) {
			return false;
		}
	}

}
