package org.portico.members.web;

import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;

import jakarta.servlet.http.HttpSession;

import org.portico.audit.AuditEvent;
import org.portico.audit.AuditLog;
import org.portico.identity.AccountId;
import org.portico.identity.PorticoUser;
import org.portico.members.MemberId;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ResponseStatusException;

/**
 * The members this user found in this session by an exact identifying search. Anything
 * about a member opens only for them: a member ID typed into the address bar, or guessed,
 * is "not found", and the attempt is audited.
 */
@Component
class FoundMembers {

	private static final String KEY = FoundMembers.class.getName() + ".";

	/** Enough for a day at the front desk; the oldest are forgotten first. */
	private static final int KEPT = 500;

	private static final String SEPARATOR = ",";

	private final AuditLog audit;

	FoundMembers(AuditLog audit) {
		this.audit = audit;
	}

	void remember(HttpSession session, AccountId user, Collection<MemberId> ids) {
		LinkedHashSet<String> found = new LinkedHashSet<>(List.of(found(session, user).split(SEPARATOR)));
		found.remove("");
		for (MemberId id : ids) {
			found.remove(id.toString());
			found.add(id.toString());
		}
		while (found.size() > KEPT) {
			found.remove(found.iterator().next());
		}
		// Kept as one string: the session is saved to the database after every search.
		session.setAttribute(KEY + user.value(), SEPARATOR + String.join(SEPARATOR, found) + SEPARATOR);
	}

	/**
	 * The member named in the address, if this user found them.
	 * @param action what the user tried, for the audit trail
	 * @throws ResponseStatusException 404 otherwise
	 */
	MemberId require(HttpSession session, PorticoUser user, String memberId, String action) {
		MemberId id;
		try {
			id = MemberId.parse(memberId);
		}
		catch (IllegalArgumentException ex) {
			throw new ResponseStatusException(HttpStatus.NOT_FOUND);
		}
		if (!found(session, user.accountId()).contains(SEPARATOR + id + SEPARATOR)) {
			this.audit.record(AuditEvent.denied(user.getUsername(), action, "member", id.toString()));
			throw new ResponseStatusException(HttpStatus.NOT_FOUND);
		}
		return id;
	}

	private static String found(HttpSession session, AccountId user) {
		return (session.getAttribute(KEY + user.value()) instanceof String found) ? found : "";
	}

}
