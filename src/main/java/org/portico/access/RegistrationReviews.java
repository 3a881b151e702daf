package org.portico.access;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.portico.audit.AuditEvent;
import org.portico.audit.AuditLog;
import org.portico.audit.AuditOutcome;
import org.portico.identity.AccountId;
import org.portico.identity.AccountSummary;
import org.portico.identity.Accounts;
import org.portico.identity.NewAccount;
import org.portico.identity.PasswordPolicy;
import org.portico.notifications.Email;
import org.portico.notifications.Notifications;
import org.portico.providers.Npi;
import org.portico.providers.ProviderApi;
import org.portico.providers.ProviderSummary;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.interceptor.TransactionAspectSupport;

/**
 * Registration requests reviewed by Provider Services. A person who cannot be verified
 * online sends their request to the plan instead; a Provider Services representative
 * calls the provider's office, then approves or rejects it, and the person is emailed the
 * outcome. The requested account is opened at once, pending approval, so the password is
 * hashed by the identity module and nobody else can take the username meanwhile. No SSN
 * digits, TIN or claim is asked for or kept.
 */
@Service
public class RegistrationReviews {

	/** Requests one client address may send in a day, so nobody can flood the queue. */
	static final int REQUESTS_PER_CLIENT = 3;

	static final Duration REQUEST_WINDOW = Duration.ofHours(24);

	static final int REASON_LENGTH = 500;

	private final JdbcClient jdbc;

	private final AccessApi access;

	private final Accounts accounts;

	private final PasswordPolicy passwordPolicy;

	private final ProviderApi providers;

	private final Notifications notifications;

	private final AuditLog audit;

	private final Clock clock;

	RegistrationReviews(JdbcClient jdbc, AccessApi access, Accounts accounts, PasswordPolicy passwordPolicy,
			ProviderApi providers, Notifications notifications, AuditLog audit, Clock clock) {
		this.jdbc = jdbc;
		this.access = access;
		this.accounts = accounts;
		this.passwordPolicy = passwordPolicy;
		this.providers = providers;
		this.notifications = notifications;
		this.audit = audit;
		this.clock = clock;
	}

	/** What the person sends to Provider Services. */
	public record Request(String npi, String name, String email, String phone, String username, String password,
			String confirmation) {

		@Override
		public String toString() {
			return "Request[" + this.npi + "]";
		}

	}

	/** How sending a request ended. */
	public sealed interface Sent {

		/** The form has mistakes; nothing was kept. */
		record Problems(List<String> messageKeys) implements Sent {
		}

		/** The request waits in the queue; the person was emailed a receipt. */
		record Queued(String email) implements Sent {
		}

	}

	/**
	 * Queues a request for Provider Services, with an account pending approval. One
	 * username, one request: not while another request for it is open, nor when the
	 * account exists.
	 */
	@Transactional
	public Sent send(Request r, String client) {
		List<String> problems = new ArrayList<>();
		Npi npi = Npi.isValid(r.npi()) ? Npi.parse(r.npi()) : null;
		if (npi == null) {
			problems.add("registration.problem.npi");
		}
		String name = strip(r.name());
		if (name.isEmpty() || name.length() > 120) {
			problems.add("registration.problem.name");
		}
		String email = strip(r.email());
		if (!Email.isValidAddress(email)) {
			problems.add("registration.problem.email");
		}
		String phone = strip(r.phone());
		if (!isPhoneNumber(phone)) {
			problems.add("registration.review.problem.phone");
		}
		String username = strip(r.username()).toLowerCase(Locale.ROOT);
		if (!NewAccount.isValidUsername(username)) {
			problems.add("registration.problem.username");
		}
		else if (this.accounts.idOf(username).isPresent()) {
			problems.add(usernameProblem(username));
		}
		this.passwordPolicy.problems(r.password(), username, false).forEach((p) -> problems.add(p.messageKey()));
		if (r.password() == null || !r.password().equals(r.confirmation())) {
			problems.add("password.problem.MISMATCH");
		}
		if (!problems.isEmpty()) {
			return new Sent.Problems(problems);
		}
		Instant now = Instant.now(this.clock);
		if (this.jdbc.sql("SELECT COUNT(*) FROM access.registration_review WHERE client = ? AND created_at > ?")
			.params(client, Timestamp.from(now.minus(REQUEST_WINDOW)))
			.query(Long.class)
			.single() >= REQUESTS_PER_CLIENT) {
			this.audit.record(new AuditEvent(username, "registration.review.request", "npi", npi.value(),
					AuditOutcome.DENIED, "too many requests from this client"));
			return new Sent.Problems(List.of("registration.review.problem.too-many"));
		}
		AccountId account;
		try {
			account = this.accounts
				.openProviderAccountPendingApproval(new NewAccount(username, email, name, r.password()));
		}
		catch (DuplicateKeyException ex) {
			// Taken between the check and the insert, such as by a double submit: one
			// request only.
			TransactionAspectSupport.currentTransactionStatus().setRollbackOnly();
			return new Sent.Problems(List.of("registration.review.problem.already-requested"));
		}
		this.jdbc.sql("""
				INSERT INTO access.registration_review
				  (npi, account_id, username, name, email, phone, client, created_at, status)
				VALUES (?, ?, ?, ?, ?, ?, ?, ?, 'OPEN')
				""")
			.params(npi.value(), account.value(), username, name, email, phone, client, Timestamp.from(now))
			.update();
		this.audit.record(AuditEvent.success(username, "registration.review.request", "npi", npi.value()));
		this.notifications
			.send(new Email("registration-review-received", email, "We received your Portico registration request", """
					Hello %s,

					We received your request to use Portico for NPI %s with the username %s.

					A Provider Services representative will call the provider's office to confirm that you work
					for them, usually within two business days, and may call you at %s. We will email you as
					soon as your request is decided; until then the account cannot be used.

					If you did not send this request, call Provider Services.
					""".formatted(name, npi.value(), username, phone)));
		return new Sent.Queued(email);
	}

	/** Where a request stands. */
	public enum Status {

		OPEN, APPROVED, REJECTED

	}

	/**
	 * A request as Provider Services sees it.
	 *
	 * @param id the request
	 * @param npi the NPI the person asked to act for
	 * @param provider the provider on file for it, or null when the NPI is not on file
	 * @param officePhone the office number on file to call, or null
	 * @param saa the NPI's Senior Access Administrator, or null when it has none
	 * @param username the username asked for
	 * @param name the person's name
	 * @param email the person's email address
	 * @param phone the number the person gave for a call back
	 * @param receivedAt when the request came in
	 * @param waiting how long it has waited, or waited until decided
	 * @param status where it stands
	 * @param decidedBy who decided it, or null
	 * @param decidedAt when, or null
	 * @param grantedRole the role an approval gave, or null
	 * @param reason why it was rejected, or null
	 */
	public record Review(long id, Npi npi, ProviderSummary provider, String officePhone, AccountSummary saa,
			String username, String name, String email, String phone, Instant receivedAt, Duration waiting,
			Status status, String decidedBy, Instant decidedAt, AccessRole grantedRole, String reason) {

		public boolean open() {
			return this.status == Status.OPEN;
		}

	}

	/** The open requests, oldest first. */
	@Transactional(readOnly = true)
	public List<Review> queue() {
		return withProviders(this.jdbc.sql("""
				SELECT * FROM access.registration_review WHERE status = 'OPEN' ORDER BY created_at, id
				""").query(this::row).list());
	}

	/** How many requests wait. */
	@Transactional(readOnly = true)
	public long waiting() {
		return this.jdbc.sql("SELECT COUNT(*) FROM access.registration_review WHERE status = 'OPEN'")
			.query(Long.class)
			.single();
	}

	@Transactional(readOnly = true)
	public Optional<Review> find(long id) {
		return this.jdbc.sql("SELECT * FROM access.registration_review WHERE id = ?")
			.param(id)
			.query(this::row)
			.optional()
			.map((r) -> withProviders(List.of(r)).get(0));
	}

	/** How a decision ended. */
	public sealed interface Decision {

		/** The account works and holds the role for the NPI; the person was emailed. */
		record Approved(AccessRole role) implements Decision {
		}

		/** The account was removed and the person emailed the reason. */
		record Rejected() implements Decision {
		}

		/** Someone decided it first; nothing changed. */
		record AlreadyDecided() implements Decision {
		}

		/** The decision is missing something; nothing changed. */
		record Problems(List<String> messageKeys) implements Decision {
		}

	}

	/**
	 * Approves a request after the office confirmed, by phone, that the person works for
	 * the provider. The account works at once and becomes the NPI's Senior Access
	 * Administrator. When the NPI has an SAA already, the person becomes an Access
	 * Administrator instead, and the SAA is told: a call to the office proves the person
	 * works there, but not that the practice wants its SAA replaced, which only the
	 * provider decides (by registering with "Replace current SAA", or through Provider
	 * Services with the provider on the phone). As an AA the person can work and manage
	 * the office's Authorized Users at once, while the SAA, who outranks them, can
	 * deactivate them if the office disagrees.
	 */
	@Transactional
	public Decision approve(long id, String staff, boolean officeConfirmed) {
		if (!officeConfirmed) {
			return new Decision.Problems(List.of("registration.review.problem.not-confirmed"));
		}
		Optional<Review> found = find(id);
		if (found.isPresent() && found.get().open() && found.get().provider() == null) {
			// Nobody on file to call, and nothing to grant: the NPI was mistyped.
			return new Decision.Problems(List.of("registration.review.problem.not-on-file"));
		}
		if (found.isEmpty() || !claim(id, Status.APPROVED, staff, null)) {
			return alreadyDecided(id, staff);
		}
		Review review = found.get();
		AccountId account = accountOf(id);
		if (!this.accounts.approvePendingAccount(account, staff)) {
			throw new IllegalStateException("The account of an open request was not pending approval");
		}
		Optional<AccountId> saa = this.access.seniorAccessAdministratorOf(review.npi());
		AccessRole role = saa.isEmpty() ? AccessRole.SAA : AccessRole.AA;
		if (role == AccessRole.SAA) {
			this.access.makeSeniorAccessAdministrator(account, review.npi(), staff);
		}
		else {
			this.access.grant(account, review.npi(), AccessRole.AA, EnumSet.allOf(ProviderFunction.class), null);
		}
		this.jdbc.sql("UPDATE access.registration_review SET granted_role = ? WHERE id = ?")
			.params(role.name(), id)
			.update();
		this.audit.record(new AuditEvent(staff, "registration.review.approve", "registration-review",
				String.valueOf(id), AuditOutcome.SUCCESS, "granted " + role + " of NPI " + review.npi().value()));
		this.notifications.send(
				new Email("registration-review-approved", review.email(), "Your Portico registration was approved", """
						Hello %s,

						Provider Services verified your request with the provider's office: your account %s works now,
						as the %s of NPI %s. Sign in at %s.
						""".formatted(review.name(), review.username(), roleName(role), review.npi().value(),
						this.notifications.link("/login"))));
		saa.ifPresent((current) -> tellSaa(current, review));
		return new Decision.Approved(role);
	}

	/**
	 * Rejects a request, with a reason the person is emailed. The account pending
	 * approval is removed, so the username is free again.
	 */
	@Transactional
	public Decision reject(long id, String staff, String reason) {
		String why = strip(reason);
		if (why.isEmpty() || why.length() > REASON_LENGTH) {
			return new Decision.Problems(List.of("registration.review.problem.reason"));
		}
		Optional<Review> found = find(id);
		if (found.isEmpty() || !claim(id, Status.REJECTED, staff, why)) {
			return alreadyDecided(id, staff);
		}
		Review review = found.get();
		this.accounts.discardPendingAccount(accountOf(id), staff);
		this.audit
			.record(AuditEvent.success(staff, "registration.review.reject", "registration-review", String.valueOf(id)));
		this.notifications.send(new Email("registration-review-rejected", review.email(),
				"Your Portico registration was not approved", """
						Hello %s,

						Provider Services could not approve your request to use Portico for NPI %s:

						%s

						The account %s was not opened. If you have questions, call Provider Services weekdays
						8:30 a.m. to 5:00 p.m.
						""".formatted(review.name(), review.npi().value(), why, review.username())));
		return new Decision.Rejected();
	}

	/**
	 * Takes the decision if nobody has: of two staff deciding at once, or a decision sent
	 * twice, exactly one changes the request.
	 */
	private boolean claim(long id, Status decision, String staff, String reason) {
		return this.jdbc.sql("""
				UPDATE access.registration_review SET status = ?, decided_by = ?, decided_at = ?, reason = ?
				WHERE id = ? AND status = 'OPEN'
				""").params(decision.name(), staff, Timestamp.from(Instant.now(this.clock)), reason, id).update() == 1;
	}

	private AccountId accountOf(long id) {
		return new AccountId(this.jdbc.sql("SELECT account_id FROM access.registration_review WHERE id = ?")
			.param(id)
			.query(Long.class)
			.single());
	}

	private Decision alreadyDecided(long id, String staff) {
		this.audit.record(new AuditEvent(staff, "registration.review.decide", "registration-review", String.valueOf(id),
				AuditOutcome.FAILURE, "already decided"));
		return new Decision.AlreadyDecided();
	}

	private void tellSaa(AccountId saa, Review review) {
		AccountSummary current = this.accounts.summaries(List.of(saa)).get(0);
		this.notifications.send(new Email("registration-review-aa", current.email(),
				"A new Access Administrator for NPI " + review.npi().value(), """
						Hello %s,

						%s (%s) asked to use Portico for NPI %s. Provider Services confirmed with the provider's office
						that they work for the provider, and made them an Access Administrator of this NPI, as you are
						its Senior Access Administrator.

						If this is wrong, deactivate them in Self Service, Access Administration, and call Provider
						Services.
						""".formatted(current.displayName(), review.name(), review.username(), review.npi().value())));
	}

	private List<Review> withProviders(List<Review> reviews) {
		Map<Npi, ProviderSummary> byNpi = this.providers.findAll(reviews.stream().map(Review::npi).distinct().toList())
			.stream()
			.collect(Collectors.toMap(ProviderSummary::npi, Function.identity()));
		List<Review> complete = new ArrayList<>();
		for (Review r : reviews) {
			AccountSummary saa = this.access.seniorAccessAdministratorOf(r.npi())
				.map((id) -> this.accounts.summaries(List.of(id)).get(0))
				.orElse(null);
			complete
				.add(new Review(r.id(), r.npi(), byNpi.get(r.npi()), this.providers.officePhone(r.npi()).orElse(null),
						saa, r.username(), r.name(), r.email(), r.phone(), r.receivedAt(), r.waiting(), r.status(),
						r.decidedBy(), r.decidedAt(), r.grantedRole(), r.reason()));
		}
		return complete;
	}

	private Review row(ResultSet rs, int row) throws SQLException {
		Instant received = rs.getTimestamp("created_at").toInstant();
		Instant decided = (rs.getTimestamp("decided_at") != null) ? rs.getTimestamp("decided_at").toInstant() : null;
		String role = rs.getString("granted_role");
		return new Review(rs.getLong("id"), new Npi(rs.getString("npi")), null, null, null, rs.getString("username"),
				rs.getString("name"), rs.getString("email"), rs.getString("phone"), received,
				Duration.between(received, (decided != null) ? decided : Instant.now(this.clock)),
				Status.valueOf(rs.getString("status")), rs.getString("decided_by"), decided,
				(role != null) ? AccessRole.valueOf(role) : null, rs.getString("reason"));
	}

	private String usernameProblem(String username) {
		return (this.jdbc.sql("""
				SELECT COUNT(*) FROM access.registration_review WHERE username = ? AND status = 'OPEN'
				""").param(username).query(Long.class).single() > 0) ? "registration.review.problem.already-requested"
				: "registration.problem.username-taken";
	}

	/**
	 * A North American number of ten digits, with or without a leading 1, punctuated as
	 * people write it, with an optional extension.
	 */
	static boolean isPhoneNumber(String phone) {
		if (phone.length() > 40 || !phone.matches("(?i)\\+?[0-9().\\s-]+((x|ext\\.?|extension)\\s*[0-9]{1,6})?")) {
			return false;
		}
		String number = phone.replaceAll("(?i)(x|ext\\.?|extension)\\s*[0-9]{1,6}$", "").replaceAll("[^0-9]", "");
		return number.length() == 10 || (number.length() == 11 && number.startsWith("1"));
	}

	private static String roleName(AccessRole role) {
		return (role == AccessRole.SAA) ? "Senior Access Administrator" : "Access Administrator";
	}

	private static String strip(String text) {
		return (text == null) ? "" : text.strip();
	}

}
