package org.portico.members.web;

import java.util.Collection;
import java.util.LinkedHashSet;

import jakarta.servlet.http.HttpSession;

import org.portico.identity.AccountId;
import org.portico.members.MemberId;

/**
 * The members this session found by an exact identifying search. A member's report opens
 * only for them: a member ID typed into the address bar, or guessed, shows nothing.
 */
final class FoundMembers {

	private static final String KEY = FoundMembers.class.getName() + ".";

	/** Enough for a day at the front desk; the oldest are forgotten first. */
	private static final int KEPT = 500;

	private FoundMembers() {
	}

	static void remember(HttpSession session, AccountId user, Collection<MemberId> ids) {
		LinkedHashSet<String> found = found(session, user);
		for (MemberId id : ids) {
			found.remove(id.toString());
			found.add(id.toString());
		}
		while (found.size() > KEPT) {
			found.remove(found.iterator().next());
		}
		// Set again so that a session kept in the database saves the change.
		session.setAttribute(KEY + user.value(), found);
	}

	static boolean contains(HttpSession session, AccountId user, MemberId id) {
		return found(session, user).contains(id.toString());
	}

	@SuppressWarnings("unchecked")
	private static LinkedHashSet<String> found(HttpSession session, AccountId user) {
		Object found = session.getAttribute(KEY + user.value());
		return (found instanceof LinkedHashSet<?> set) ? (LinkedHashSet<String>) set : new LinkedHashSet<>();
	}

}
