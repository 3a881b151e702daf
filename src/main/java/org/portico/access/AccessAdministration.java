package org.portico.access;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import org.portico.access.AccessApi.Grant;
import org.portico.access.AccessApi.NpiAccess;
import org.portico.audit.AuditEvent;
import org.portico.audit.AuditLog;
import org.portico.audit.AuditOutcome;
import org.portico.identity.AccountId;
import org.portico.identity.AccountSummary;
import org.portico.identity.Accounts;
import org.portico.identity.NewAccount;
import org.portico.identity.Passwords;
import org.portico.identity.PorticoUser;
import org.portico.identity.TwoStepSignIn;
import org.portico.notifications.Email;
import org.portico.notifications.Notifications;
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

	private final Notifications notifications;

	private final Clock clock;

	AccessAdministration(AccessApi access, Accounts accounts, Passwords passwords, AuditLog audit,
			TwoStepSignIn twoStep, Notifications notifications, Clock clock) {
		this.access = access;
		this.accounts = accounts;
		this.passwords = passwords;
		this.audit = audit;
		this.twoStep = twoStep;
		this.notifications = notifications;
		this.clock = clock;
	}

	/**
	 * A user of the administrator's NPIs, with their standing for each.
	 *
	 * @param account the user's account
	 * @param grants the user's standing for each of the administrator's NPIs
	 * @param manageable whether the administrator may deactivate, confirm or reset the
	 * user: they outrank the user on every NPI the user holds
	 * @param accessChangeable whether the administrator may change the user's access to
	 * the administrator's NPIs: they outrank the user on each of those the user holds
	 * @param confirmationOverdue whether the 90-day review is overdue
	 */
	public record ManagedUser(AccountSummary account, List<Grant> grants, boolean manageable, boolean accessChangeable,
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
			List<NpiAccess> theirs = this.access.accessOf(account.id());
			users.add(new ManagedUser(account, grants, mayManage(mine, theirs, admin.accountId(), account.id()),
					mayChangeAccess(mine, theirs, admin.accountId(), account.id()),
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
	 * One of the administrator's NPIs as the change-access page offers it.
	 *
	 * @param npi the NPI
	 * @param roles the roles the administrator may give for it
	 * @param functions the functions the administrator may leave the user with: those the
	 * administrator holds, and those the user already has
	 * @param current what the user holds for it now, or null
	 */
	public record NpiChoice(Npi npi, List<AccessRole> roles, Set<ProviderFunction> functions, NpiAccess current) {
	}

	/** A user's access as one administrator may change it. */
	public record AccessToChange(AccountSummary account, List<NpiChoice> npis) {
	}

	/**
	 * What the administrator chose for the user on one of the administrator's NPIs.
	 *
	 * @param npi the NPI
	 * @param role the role, AA or AU; null when none was chosen
	 * @param functions what the user may do for it
	 */
	public record ChosenAccess(Npi npi, AccessRole role, Set<ProviderFunction> functions) {
	}

	/** How a change of a user's access ended. */
	public sealed interface AccessChange {

		/**
		 * The user is not one the administrator may change; nothing was changed.
		 *
		 * @param messageKey why
		 */
		record Refused(String messageKey) implements AccessChange {
		}

		/**
		 * The choice asks for something the administrator may not give; nothing changed.
		 */
		record Problems(List<String> messageKeys) implements AccessChange {
		}

		/** Done: so many of the user's NPIs changed, none when it already was so. */
		record Changed(int npis) implements AccessChange {
		}

	}

	/**
	 * The administrator's NPIs with what the user holds for each, those the user holds
	 * first, when the administrator may change the user's access; empty (and audited)
	 * otherwise.
	 */
	@Transactional(readOnly = true)
	public Optional<AccessToChange> accessToChange(PorticoUser admin, AccountId user) {
		List<NpiAccess> mine = this.access.administeredBy(admin.accountId());
		List<NpiAccess> theirs = this.access.accessOf(user);
		if (!mayChangeAccess(mine, theirs, admin.accountId(), user)) {
			this.audit
				.record(AuditEvent.denied(admin.getUsername(), "access.view", "account", String.valueOf(user.value())));
			return Optional.empty();
		}
		Map<Npi, NpiAccess> theirsByNpi = theirs.stream().collect(Collectors.toMap(NpiAccess::npi, (a) -> a));
		List<NpiChoice> choices = new ArrayList<>();
		for (NpiAccess held : mine) {
			NpiAccess current = theirsByNpi.get(held.npi());
			Set<ProviderFunction> offered = EnumSet.copyOf(held.functions());
			if (current != null) {
				offered.addAll(current.functions());
			}
			choices.add(new NpiChoice(held.npi(), grantableRoles(held.role()), offered, current));
		}
		// The providers the user acts for first: a practice may have dozens.
		choices.sort(Comparator.comparing((NpiChoice c) -> c.current() == null));
		return Optional.of(new AccessToChange(this.accounts.summaries(List.of(user)).get(0), choices));
	}

	/**
	 * Replaces the user's access to the administrator's NPIs with the administrator's
	 * choice: an NPI not chosen is taken away, a chosen one is given or changed. Access
	 * to other NPIs is left alone. Nobody gives more than they hold for the NPI, an AA
	 * changes only Authorized Users, nobody changes their own access, and the SAA role is
	 * neither given nor taken here. All of it or nothing; each NPI changed is audited
	 * with its before and after, counts as confirmed now, and the user is told by email.
	 */
	@Transactional
	public AccessChange changeAccess(PorticoUser admin, AccountId user, List<ChosenAccess> chosen) {
		if (user.equals(admin.accountId())) {
			this.audit.record(new AuditEvent(admin.getUsername(), "access.change", "account",
					String.valueOf(user.value()), AuditOutcome.DENIED, "own access"));
			return new AccessChange.Refused("access.change.refused.yourself");
		}
		// Two changes of one user, such as a double submit, take turns; the second finds
		// the first done.
		this.access.lockGrantsOf(user);
		List<NpiAccess> mine = this.access.administeredBy(admin.accountId());
		List<NpiAccess> theirs = this.access.accessOf(user);
		if (!mayChangeAccess(mine, theirs, admin.accountId(), user)) {
			this.audit.record(
					AuditEvent.denied(admin.getUsername(), "access.change", "account", String.valueOf(user.value())));
			return new AccessChange.Refused("access.admin.refused");
		}
		Map<Npi, NpiAccess> mineByNpi = mine.stream().collect(Collectors.toMap(NpiAccess::npi, (a) -> a));
		Map<Npi, NpiAccess> theirsByNpi = theirs.stream().collect(Collectors.toMap(NpiAccess::npi, (a) -> a));
		Map<Npi, ChosenAccess> chosenByNpi = new LinkedHashMap<>();
		Set<String> problems = new LinkedHashSet<>();
		for (ChosenAccess choice : chosen) {
			NpiAccess held = mineByNpi.get(choice.npi());
			if (held == null || chosenByNpi.put(choice.npi(), choice) != null) {
				problems.add("access.change.problem.not-your-provider");
				continue;
			}
			if (choice.role() == null || !mayGrantRole(held.role(), choice.role())) {
				problems.add("access.change.problem.role");
			}
			if (choice.functions().isEmpty()) {
				problems.add("access.change.problem.no-function");
			}
			Set<ProviderFunction> allowed = EnumSet.copyOf(held.functions());
			NpiAccess current = theirsByNpi.get(choice.npi());
			if (current != null) {
				allowed.addAll(current.functions());
			}
			if (!allowed.containsAll(choice.functions())) {
				problems.add("access.change.problem.more-than-you-hold");
			}
		}
		if (!problems.isEmpty()) {
			this.audit.record(new AuditEvent(admin.getUsername(), "access.change", "account",
					String.valueOf(user.value()), AuditOutcome.DENIED, String.join(", ", problems)));
			return new AccessChange.Problems(List.copyOf(problems));
		}
		int changed = 0;
		for (NpiAccess held : mine) {
			Npi npi = held.npi();
			NpiAccess before = theirsByNpi.get(npi);
			ChosenAccess after = chosenByNpi.get(npi);
			if (before == null && after == null || before != null && after != null && before.role() == after.role()
					&& before.functions().equals(after.functions())) {
				continue;
			}
			if (after == null) {
				this.access.revoke(user, npi);
			}
			else {
				this.access.changeGrant(user, npi, after.role(), after.functions(), admin.accountId());
			}
			this.audit.record(new AuditEvent(admin.getUsername(), "access.change", "account",
					String.valueOf(user.value()), AuditOutcome.SUCCESS, "NPI " + npi.value() + ": " + describe(before)
							+ " -> " + ((after != null) ? describe(after.role(), after.functions()) : "none")));
			changed++;
		}
		if (changed > 0) {
			tellAccessChanged(admin, user);
		}
		return new AccessChange.Changed(changed);
	}

	private void tellAccessChanged(PorticoUser admin, AccountId user) {
		AccountSummary account = this.accounts.summaries(List.of(user)).get(0);
		this.notifications.send(new Email("access-changed", account.email(), "Your Portico access was changed", """
				Hello %s,

				%s, an access administrator of your practice, changed the providers you act for in Portico or what
				you may do for them. Sign in to see your access now:

				%s

				If you think this is a mistake, talk to your practice's Senior Access Administrator.
				""".formatted(account.displayName(), admin.displayName(), this.notifications.link("/"))));
	}

	private static String describe(NpiAccess access) {
		return (access != null) ? describe(access.role(), access.functions()) : "none";
	}

	private static String describe(AccessRole role, Set<ProviderFunction> functions) {
		return role.name() + " " + EnumSet.copyOf(functions);
	}

	/**
	 * Whether the administrator may change the user's access to the administrator's NPIs:
	 * never their own; the user holds at least one of those NPIs (a stranger cannot be
	 * given access by guessing an id); and on each of those the user holds, the
	 * administrator outranks them. NPIs of other administrators do not count: they are
	 * not changed.
	 */
	private static boolean mayChangeAccess(List<NpiAccess> mine, List<NpiAccess> theirs, AccountId admin,
			AccountId user) {
		if (user.equals(admin)) {
			return false;
		}
		boolean holdsOneOfMine = false;
		for (NpiAccess held : theirs) {
			Optional<AccessRole> over = mine.stream()
				.filter((m) -> m.npi().equals(held.npi()))
				.map(NpiAccess::role)
				.findFirst();
			if (over.isPresent()) {
				holdsOneOfMine = true;
				if (!mayGrantRole(over.get(), held.role())) {
					return false;
				}
			}
		}
		return holdsOneOfMine;
	}

	private static List<AccessRole> grantableRoles(AccessRole admin) {
		return (admin == AccessRole.SAA) ? List.of(AccessRole.AU, AccessRole.AA) : List.of(AccessRole.AU);
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
