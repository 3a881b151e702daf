package org.portico.identity;

import java.util.Collection;

import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.userdetails.User;

/**
 * The signed-in user as Spring Security holds it, carrying the account id other modules
 * key their data on.
 */
public class PorticoUser extends User {

	private final AccountId accountId;

	private final String displayName;

	private final AccountKind kind;

	PorticoUser(AccountId accountId, String username, String passwordHash, boolean enabled, boolean mayTry,
			String displayName, AccountKind kind, Collection<? extends GrantedAuthority> authorities) {
		super(username, passwordHash, enabled, true, true, mayTry, authorities);
		this.accountId = accountId;
		this.displayName = displayName;
		this.kind = kind;
	}

	public AccountId accountId() {
		return this.accountId;
	}

	public String displayName() {
		return this.displayName;
	}

	public AccountKind kind() {
		return this.kind;
	}

	public boolean isStaff() {
		return this.kind == AccountKind.STAFF;
	}

}
