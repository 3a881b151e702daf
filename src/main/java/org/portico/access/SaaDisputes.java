package org.portico.access;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.portico.audit.AuditEvent;
import org.portico.audit.AuditLog;
import org.portico.audit.AuditOutcome;
import org.portico.identity.AccountId;
import org.portico.identity.AccountSummary;
import org.portico.identity.Accounts;
import org.portico.notifications.Email;
import org.portico.notifications.Notifications;
import org.portico.providers.Npi;
import org.portico.providers.ProviderApi;
import org.portico.providers.ProviderSummary;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * SAA disputes, worked by Provider Services. Anyone who proves they act for a provider
 * can register with "Replace current SAA", and the SAA replaced is told to call Provider
 * Services at once if that is wrong. When they call, a representative looks up the NPI,
 * sees who is its Senior Access Administrator and who was before, and after verifying the
 * caller with the office on the number on file gives the role back to the previous SAA.
 * The replacer stays on as an Access Administrator, or, when they had no business there,
 * loses the NPI, and their account when it leaves them nothing.
 */
@Service
public class SaaDisputes {

	static final int REASON_LENGTH = 500;

	private final AccessApi access;

	private final SaaChanges changes;

	private final Accounts accounts;

	private final ProviderApi providers;

	private final Notifications notifications;

	private final AuditLog audit;

	SaaDisputes(AccessApi access, SaaChanges changes, Accounts accounts, ProviderApi providers,
			Notifications notifications, AuditLog audit) {
		this.access = access;
		this.changes = changes;
		this.accounts = accounts;
		this.providers = providers;
		this.notifications = notifications;
		this.audit = audit;
	}

	/**
	 * One line of an NPI's SAA history: who was its SAA from when until when, and how
	 * they became it.
	 *
	 * @param change the change that made them SAA
	 * @param saa who became SAA, or null when their account is gone
	 * @param previous who they replaced, or null
	 * @param until when the next change ended it, or null while they are SAA
	 */
	public record Period(SaaChange change, AccountSummary saa, AccountSummary previous, Instant until) {
	}

	/**
	 * Where an NPI stands, as Provider Services sees it on a call.
	 *
	 * @param npi the NPI
	 * @param provider the provider on file, or null when none is
	 * @param officePhone the office number on file to call back, or null
	 * @param saa its Senior Access Administrator, or null when it has none
	 * @param saaSince since when they are, or null when not recorded
	 * @param previous the SAA they replaced by registering with "Replace current SAA",
	 * whom a restoration makes SAA again; null when they replaced nobody that way
	 * @param history its SAA history, newest first
	 */
	public record Standing(Npi npi, ProviderSummary provider, String officePhone, AccountSummary saa, Instant saaSince,
			AccountSummary previous, List<Period> history) {

		/** Whether Provider Services can restore the previous SAA. */
		public boolean restorable() {
			return this.saa != null && this.previous != null && this.previous.enabled();
		}

		/**
		 * Whether the SAA is one Provider Services restored: the replacement is undone,
		 * and there is none to undo.
		 */
		public boolean restoredAfterDispute() {
			return this.saa != null && !this.history.isEmpty()
					&& this.history.get(0).change().how() == SaaChange.How.DISPUTE
					&& this.history.get(0).change().saa().equals(this.saa.id());
		}

	}

	/** What looking up an NPI found. */
	public sealed interface Lookup {

		/** The text is not an NPI: ten digits with a matching check digit. */
		record NotAnNpi() implements Lookup {
		}

		/** No provider with this NPI is on file, and nobody has access to it. */
		record NotOnFile(Npi npi) implements Lookup {
		}

		record Found(Standing standing) implements Lookup {
		}

	}

	/** Looks an NPI up for a Provider Services representative; the lookup is audited. */
	@Transactional(readOnly = true)
	public Lookup lookUp(String staff, String npiText) {
		if (!Npi.isValid(npiText)) {
			return new Lookup.NotAnNpi();
		}
		Npi npi = Npi.parse(npiText);
		Standing standing = standing(npi);
		if (standing.provider() == null && standing.saa() == null && standing.history().isEmpty()) {
			this.audit
				.record(new AuditEvent(staff, "saa.lookup", "npi", npi.value(), AuditOutcome.FAILURE, "not on file"));
			return new Lookup.NotOnFile(npi);
		}
		this.audit.record(AuditEvent.success(staff, "saa.lookup", "npi", npi.value()));
		return new Lookup.Found(standing);
	}

	/**
	 * What the representative sends to restore the previous SAA.
	 *
	 * @param npi the NPI
	 * @param currentSaa the id of the SAA the page showed, to restore only if it still is
	 * @param officeVerified whether they called the office on the number on file and
	 * verified the caller
	 * @param reason why, for the record
	 * @param removeReplacer whether the current SAA loses their access to the NPI, rather
	 * than staying on as an Access Administrator
	 */
	public record Restoration(String npi, String currentSaa, boolean officeVerified, String reason,
			boolean removeReplacer) {
	}

	/** How a restoration ended. */
	public sealed interface Restore {

		/** The form misses something; nothing changed. */
		record Problems(List<String> messageKeys) implements Restore {
		}

		/** It cannot be done, for the reason given; nothing changed. */
		record Refused(String messageKey) implements Restore {
		}

		/**
		 * Done already, such as by the same form sent twice; nothing changed this time.
		 */
		record AlreadyRestored(Npi npi) implements Restore {
		}

		/**
		 * Done; both were emailed.
		 *
		 * @param npi the NPI
		 * @param restored who is its SAA again
		 * @param replacer who was until now
		 * @param replacerRemoved whether the replacer lost their access to the NPI
		 * @param replacerDeactivated whether that left them no access, so their account
		 * was deactivated
		 */
		record Restored(Npi npi, AccountSummary restored, AccountSummary replacer, boolean replacerRemoved,
				boolean replacerDeactivated) implements Restore {
		}

	}

	/**
	 * Makes the NPI's previous SAA its SAA again, after the representative verified the
	 * caller by phone. Refused when there is no previous SAA on record, when their
	 * account is deactivated, or when the SAA changed since the page was shown. The
	 * replacer stays on as an Access Administrator, or loses every grant on the NPI and,
	 * when that leaves them no access at all, their account is deactivated. Every step is
	 * audited, and both are emailed, without the reason.
	 */
	@Transactional
	public Restore restore(String staff, Restoration r) {
		if (!Npi.isValid(r.npi())) {
			return new Restore.Problems(List.of("saa.problem.npi"));
		}
		Npi npi = Npi.parse(r.npi());
		List<String> problems = new ArrayList<>();
		if (!r.officeVerified()) {
			problems.add("saa.restore.problem.not-verified");
		}
		String reason = (r.reason() == null) ? "" : r.reason().strip();
		if (reason.isEmpty() || reason.length() > REASON_LENGTH) {
			problems.add("saa.restore.problem.reason");
		}
		if (!problems.isEmpty()) {
			return new Restore.Problems(problems);
		}
		Optional<AccountId> expected = accountId(r.currentSaa());
		Optional<AccountId> current = this.access.seniorAccessAdministratorOf(npi);
		if (expected.isEmpty() || current.isEmpty() || !current.equals(expected)) {
			return notAsShown(staff, npi, expected);
		}
		Optional<SaaChange> latest = this.changes.latest(npi).filter((c) -> c.saa().equals(current.get()));
		if (latest.filter((c) -> c.how() == SaaChange.How.DISPUTE).isPresent()) {
			return refused(staff, npi, "saa.restore.refused.after-dispute", "the SAA was restored after a dispute");
		}
		Optional<AccountId> previous = latest.filter((c) -> c.how() == SaaChange.How.REPLACEMENT)
			.map(SaaChange::previous)
			.filter((p) -> !p.equals(current.get()));
		if (previous.isEmpty()) {
			return refused(staff, npi, "saa.restore.refused.no-previous", "no previous SAA on record");
		}
		AccountSummary replacer = summary(current.get());
		AccountSummary restored = summary(previous.get());
		if (restored == null) {
			return refused(staff, npi, "saa.restore.refused.no-previous", "previous SAA's account is gone");
		}
		if (!restored.enabled()) {
			return refused(staff, npi, "saa.restore.refused.deactivated",
					"previous SAA, account " + restored.id().value() + ", is deactivated");
		}
		if (!this.access.restoreSeniorAccessAdministrator(npi, current.get(), restored.id(), !r.removeReplacer(), staff,
				reason)) {
			// Changed by someone else between the check and now, such as by the same form
			// sent twice at once.
			return notAsShown(staff, npi, expected);
		}
		this.audit.record(new AuditEvent(staff, "saa.restore", "npi", npi.value(), AuditOutcome.SUCCESS,
				"account " + restored.id().value() + " is SAA again, replacing account " + current.get().value()
						+ (r.removeReplacer() ? ", whose access to the NPI was removed" : ", who stays on as AA")));
		boolean deactivated = false;
		if (r.removeReplacer()) {
			this.audit.record(new AuditEvent(staff, "access.revoke", "account", String.valueOf(current.get().value()),
					AuditOutcome.SUCCESS, "NPI " + npi.value() + ": SAA dispute"));
			if (this.access.accessOf(current.get()).isEmpty()) {
				deactivated = this.accounts.setEnabled(current.get(), false, staff);
			}
		}
		tellRestored(restored, replacer, npi, r.removeReplacer());
		if (replacer != null) {
			tellReplacer(replacer, restored, npi, r.removeReplacer(), deactivated);
		}
		return new Restore.Restored(npi, restored, replacer, r.removeReplacer(), deactivated);
	}

	/**
	 * The SAA is not the one the page showed: done already, when the newest change is a
	 * restoration that replaced the one shown; otherwise changed by someone else.
	 */
	private Restore notAsShown(String staff, Npi npi, Optional<AccountId> shown) {
		boolean alreadyRestored = shown.isPresent() && this.changes.latest(npi)
			.filter((c) -> c.how() == SaaChange.How.DISPUTE && shown.get().equals(c.previous()))
			.isPresent();
		if (alreadyRestored) {
			this.audit.record(
					new AuditEvent(staff, "saa.restore", "npi", npi.value(), AuditOutcome.FAILURE, "already restored"));
			return new Restore.AlreadyRestored(npi);
		}
		return refused(staff, npi, "saa.restore.refused.changed", "the SAA is not the one shown");
	}

	private Restore refused(String staff, Npi npi, String messageKey, String why) {
		this.audit.record(new AuditEvent(staff, "saa.restore", "npi", npi.value(), AuditOutcome.DENIED, why));
		return new Restore.Refused(messageKey);
	}

	private void tellRestored(AccountSummary restored, AccountSummary replacer, Npi npi, boolean replacerRemoved) {
		String replacerName = (replacer != null) ? replacer.displayName() : "The person who replaced you";
		String replacerAccess = replacerRemoved ? replacerName + " no longer has access to it."
				: replacerName + " keeps access to it as an Access Administrator; you can change or remove that"
						+ " access in Self Service, Access Administration.";
		this.notifications.send(new Email("saa-restored", restored.email(),
				"You are the Senior Access Administrator of NPI " + npi.value() + " again", """
						Hello %s,

						After verifying with the provider's office by phone, Provider Services made you the Senior
						Access Administrator of NPI %s again.

						%s

						Sign in at %s to review who has access. If you did not ask for this, call Provider Services.
						""".formatted(restored.displayName(), npi.value(), replacerAccess,
						this.notifications.link("/login"))));
	}

	private void tellReplacer(AccountSummary replacer, AccountSummary restored, Npi npi, boolean removed,
			boolean deactivated) {
		String access = !removed ? "You keep your access to it as an Access Administrator."
				: deactivated ? "Your access to it was removed, and as your Portico account had no other access, "
						+ "it was deactivated." : "Your access to it was removed.";
		this.notifications.send(new Email("saa-restored-replacer", replacer.email(),
				"You are no longer the Senior Access Administrator of NPI " + npi.value(), """
						Hello %s,

						After verifying with the provider's office by phone, Provider Services made %s the Senior
						Access Administrator of NPI %s again.

						%s

						If you think this is wrong, call Provider Services weekdays 8:30 a.m. to 5:00 p.m.
						""".formatted(replacer.displayName(), restored.displayName(), npi.value(), access)));
	}

	/** The NPI's provider, SAA and SAA history. */
	private Standing standing(Npi npi) {
		List<SaaChange> changes = this.changes.of(npi);
		Optional<AccountId> saa = this.access.seniorAccessAdministratorOf(npi);
		Set<AccountId> ids = new LinkedHashSet<>();
		saa.ifPresent(ids::add);
		for (SaaChange c : changes) {
			ids.add(c.saa());
			if (c.previous() != null) {
				ids.add(c.previous());
			}
		}
		Map<AccountId, AccountSummary> people = this.accounts.summaries(ids)
			.stream()
			.collect(Collectors.toMap(AccountSummary::id, Function.identity()));
		List<Period> history = new ArrayList<>();
		for (int i = 0; i < changes.size(); i++) {
			SaaChange c = changes.get(i);
			Instant until = (i + 1 < changes.size()) ? changes.get(i + 1).changedAt() : null;
			history.add(new Period(c, people.get(c.saa()), (c.previous() != null) ? people.get(c.previous()) : null,
					until));
		}
		Collections.reverse(history);
		Optional<SaaChange> latest = changes.isEmpty() ? Optional.empty() : Optional.of(changes.get(changes.size() - 1))
			.filter((c) -> saa.isPresent() && c.saa().equals(saa.get()));
		AccountSummary previous = latest.filter((c) -> c.how() == SaaChange.How.REPLACEMENT)
			.map(SaaChange::previous)
			.filter((p) -> !p.equals(saa.orElse(null)))
			.map(people::get)
			.orElse(null);
		return new Standing(npi, this.providers.find(npi).orElse(null), this.providers.officePhone(npi).orElse(null),
				saa.map(people::get).orElse(null), latest.map(SaaChange::changedAt).orElse(null), previous, history);
	}

	private AccountSummary summary(AccountId id) {
		List<AccountSummary> found = this.accounts.summaries(List.of(id));
		return found.isEmpty() ? null : found.get(0);
	}

	private static Optional<AccountId> accountId(String text) {
		try {
			return Optional.of(new AccountId(Long.parseLong((text == null) ? "" : text.strip())));
		}
		catch (IllegalArgumentException ex) {
			return Optional.empty();
		}
	}

}
