package org.portico.access;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.portico.access.AccessApi.Grant;
import org.portico.access.AccessApi.NpiAccess;
import org.portico.audit.AuditEvent;
import org.portico.audit.AuditLog;
import org.portico.identity.AccountId;
import org.portico.identity.AccountSummary;
import org.portico.identity.Accounts;
import org.portico.identity.NewAccount;
import org.portico.identity.Passwords;
import org.portico.identity.PorticoUser;
import org.portico.identity.TwoStepSignIn;
import org.portico.platform.SingleUseTokens;
import org.portico.providers.Npi;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.interceptor.TransactionAspectSupport;

/**
 * Access Administration: an SAA manages Access Administrators and Authorized Users of its
 * NPIs, an AA manages Authorized Users, and nobody grants more than they hold.
 */
@Service
public class AccessAdministration {

	/** How often the SAA confirms each user's access. */
	public static final Duration CONFIRMATION_PERIOD = Duration.ofDays(90);

	private final AccessApi access;

	private final Accounts accounts;

	private final Passwords passwords;

	private final AuditLog audit;

	private final TwoStepSignIn twoStep;

	private final Clock clock;

	AccessAdministration(AccessApi access, Accounts accounts, Passwords passwords, AuditLog audit,
			TwoStepSignIn twoStep, Clock clock) {
		this.access = access;
		this.accounts = accounts;
		this.passwords = passwords;
		this.audit = audit;
		this.twoStep = twoStep;
		this.clock = clock;
	}

	/** A user of the administrator's NPIs, with their standing for each. */
	public record ManagedUser(AccountSummary account, List<Grant> grants, boolean manageable,
			boolean confirmationOverdue) {
	}

	/**
	 * The users of the NPIs the administrator administers, the administrator included.
	 */
	@Transactional(readOnly = true)
	public List<ManagedUser> users(PorticoUser admin) {
		List<NpiAccess> mine = this.access.administeredBy(admin.accountId());
		Map<AccountId, List<Grant>> byAccount = this.access.grantsFor(mine.stream().map(NpiAccess::npi).toList())
			.stream()
			.collect(Collectors.groupingBy(Grant::account, LinkedHashMap::new, Collectors.toList()));
		Instant overdue = Instant.now(this.clock).minus(CONFIRMATION_PERIOD);
		List<ManagedUser> users = new ArrayList<>();
		for (AccountSummary account : this.accounts.summaries(byAccount.keySet())) {
			List<Grant> grants = byAccount.get(account.id());
			users.add(new ManagedUser(account, grants,
					mayManage(mine, this.access.accessOf(account.id()), admin.accountId(), account.id()),
					grants.stream().anyMatch((g) -> g.confirmedAt() != null && g.confirmedAt().isBefore(overdue))));
		}
		users.sort(Comparator.comparing((ManagedUser u) -> u.account().displayName()));
		return users;
	}

	/** What an invitation asks for. */
	public record Invitation(String name, String email, String username, AccessRole role, Set<Npi> npis,
			Set<ProviderFunction> functions) {
	}

	/**
	 * Opens an account for a new user of the administrator's practice, grants what the
	 * administrator chose and emails the new user a link to choose a password. All of it
	 * or nothing: a refusal or a taken username leaves no trace.
	 * @return message keys of what is wrong; empty when the invitation was sent
	 */
	@Transactional
	public List<String> invite(PorticoUser admin, Invitation invitation) {
		List<String> problems = new ArrayList<>();
		Map<Npi, NpiAccess> mine = this.access.administeredBy(admin.accountId())
			.stream()
			.collect(Collectors.toMap(NpiAccess::npi, (a) -> a));
		if (invitation.npis().isEmpty()) {
			problems.add("access.invite.problem.no-npi");
		}
		if (invitation.functions().isEmpty()) {
			problems.add("access.invite.problem.no-function");
		}
		for (Npi npi : invitation.npis()) {
			NpiAccess held = mine.get(npi);
			if (held == null || !mayGrantRole(held.role(), invitation.role())
					|| !held.functions().containsAll(invitation.functions())) {
				problems.add("access.invite.problem.more-than-you-hold");
				break;
			}
		}
		if (!problems.isEmpty()) {
			return problems;
		}
		if (this.accounts.idOf(invitation.username()).isPresent()) {
			return List.of("access.invite.problem.username-taken");
		}
		AccountId invited;
		try {
			invited = this.accounts.openProviderAccount(new NewAccount(invitation.username(), invitation.email(),
					invitation.name(), SingleUseTokens.newToken()));
		}
		catch (DuplicateKeyException ex) {
			// Taken between the check and the insert, such as by a double submit: one
			// account only.
			TransactionAspectSupport.currentTransactionStatus().setRollbackOnly();
			return List.of("access.invite.problem.username-taken");
		}
		for (Npi npi : invitation.npis()) {
			this.access.grant(invited, npi, invitation.role(), invitation.functions(), admin.accountId());
			this.audit.record(AuditEvent.success(admin.getUsername(), "access.grant", "npi", npi.value()));
		}
		this.passwords.invite(invited, admin.displayName(), "your practice");
		return List.of();
	}

	/** Deactivates or reactivates a user the administrator may manage. */
	@Transactional
	public boolean setActive(PorticoUser admin, AccountId user, boolean active) {
		if (manageable(admin, user, active ? "account.reactivate" : "account.deactivate").isEmpty()) {
			return false;
		}
		return this.accounts.setEnabled(user, active, admin.getUsername());
	}

	/**
	 * The 90-day review: the administrator confirms the user still needs what they hold.
	 */
	@Transactional
	public boolean confirm(PorticoUser admin, AccountId user) {
		List<NpiAccess> mine = manageable(admin, user, "access.confirm");
		if (mine.isEmpty()) {
			return false;
		}
		this.access.confirm(user, mine.stream().map(NpiAccess::npi).toList());
		this.audit
			.record(AuditEvent.success(admin.getUsername(), "access.confirm", "account", String.valueOf(user.value())));
		return true;
	}

	/**
	 * Turns a user's two-step sign-in off, such as after a lost phone; they set it up
	 * again.
	 */
	@Transactional
	public boolean resetTwoStep(PorticoUser admin, AccountId user) {
		if (manageable(admin, user, "mfa.remove").isEmpty()) {
			return false;
		}
		this.twoStep.remove(user, admin.getUsername());
		return true;
	}

	/**
	 * The administrator's NPIs when they may manage the user; empty (and audited)
	 * otherwise. Every NPI the user holds, not only the administrator's, must be one the
	 * administrator outranks them on: a person who is also another practice's SAA is not
	 * theirs to manage.
	 */
	private List<NpiAccess> manageable(PorticoUser admin, AccountId user, String action) {
		List<NpiAccess> mine = this.access.administeredBy(admin.accountId());
		if (!mayManage(mine, this.access.accessOf(user), admin.accountId(), user)) {
			this.audit.record(AuditEvent.denied(admin.getUsername(), action, "account", String.valueOf(user.value())));
			return List.of();
		}
		return mine;
	}

	/**
	 * An SAA manages AAs and AUs; an AA manages AUs; nobody manages themselves or an SAA.
	 */
	private static boolean mayManage(List<NpiAccess> mine, List<NpiAccess> theirs, AccountId admin, AccountId user) {
		if (theirs.isEmpty() || user.equals(admin)) {
			return false;
		}
		for (NpiAccess held : theirs) {
			AccessRole over = mine.stream()
				.filter((m) -> m.npi().equals(held.npi()))
				.map(NpiAccess::role)
				.findFirst()
				.orElse(null);
			if (over == null || !mayGrantRole(over, held.role())) {
				return false;
			}
		}
		return true;
	}

	private static boolean mayGrantRole(AccessRole admin, AccessRole granted) {
		return switch (admin) {
			case SAA -> granted == AccessRole.AA || granted == AccessRole.AU;
			case AA -> granted == AccessRole.AU;
			case AU -> false;
		};
	}

}
