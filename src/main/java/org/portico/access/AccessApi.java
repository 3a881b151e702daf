package org.portico.access;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import org.portico.identity.AccountId;
import org.portico.providers.Npi;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The access module's facade. Every module asks it, on the server and per object, whether
 * the signed-in user may act for an NPI. Access is denied unless a grant says otherwise.
 */
@Service
@Transactional(readOnly = true)
public class AccessApi {

	private final JdbcClient jdbc;

	AccessApi(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** Whether the user may perform the function for the NPI. */
	public boolean may(AccountId user, ProviderFunction function, Npi npi) {
		return this.jdbc.sql("""
				SELECT COUNT(*) FROM access.function_grant
				WHERE account_id = ? AND npi = ? AND function_code = ?
				""").params(user.value(), npi.value(), function.name()).query(Long.class).single() > 0;
	}

	/** The NPIs for which the user may perform the function. */
	public Set<Npi> npisFor(AccountId user, ProviderFunction function) {
		return new LinkedHashSet<>(this.jdbc.sql("""
				SELECT npi FROM access.function_grant WHERE account_id = ? AND function_code = ? ORDER BY npi
				""").params(user.value(), function.name()).query((rs, row) -> new Npi(rs.getString(1))).list());
	}

	/** Each NPI the user holds a role for, with that role and the functions granted. */
	public List<NpiAccess> accessOf(AccountId user) {
		Map<String, NpiAccess> byNpi = new TreeMap<>();
		this.jdbc.sql("SELECT npi, role FROM access.npi_role WHERE account_id = ?").param(user.value()).query((rs) -> {
			byNpi.put(rs.getString(1), new NpiAccess(new Npi(rs.getString(1)), AccessRole.valueOf(rs.getString(2)),
					EnumSet.noneOf(ProviderFunction.class)));
		});
		this.jdbc.sql("SELECT npi, function_code FROM access.function_grant WHERE account_id = ?")
			.param(user.value())
			.query((rs) -> {
				NpiAccess access = byNpi.get(rs.getString(1));
				if (access != null) {
					access.functions().add(ProviderFunction.valueOf(rs.getString(2)));
				}
			});
		return List.copyOf(byNpi.values());
	}

	/**
	 * Gives the user a role and functions for an NPI. An SAA is recorded as the NPI's one
	 * SAA; a second SAA for the same NPI is refused by the database.
	 */
	@Transactional
	public void grant(AccountId user, Npi npi, AccessRole role, Set<ProviderFunction> functions, AccountId grantedBy) {
		Timestamp now = Timestamp.from(Instant.now());
		Long by = (grantedBy != null) ? grantedBy.value() : null;
		this.jdbc.sql("""
				INSERT INTO access.npi_role (account_id, npi, role, granted_by, granted_at) VALUES (?, ?, ?, ?, ?)
				""").params(user.value(), npi.value(), role.name(), by, now).update();
		if (role == AccessRole.SAA) {
			this.jdbc.sql("INSERT INTO access.senior_access_administrator (npi, account_id) VALUES (?, ?)")
				.params(npi.value(), user.value())
				.update();
		}
		for (ProviderFunction function : functions) {
			this.jdbc.sql("""
					INSERT INTO access.function_grant
					  (account_id, npi, function_code, granted_by, granted_at, confirmed_at)
					VALUES (?, ?, ?, ?, ?, ?)
					""").params(user.value(), npi.value(), function.name(), by, now, now).update();
		}
	}

	/**
	 * A user's standing for one NPI.
	 *
	 * @param npi the NPI
	 * @param role the user's role for it
	 * @param functions what the user may do for it
	 */
	public record NpiAccess(Npi npi, AccessRole role, Set<ProviderFunction> functions) {
	}

}
