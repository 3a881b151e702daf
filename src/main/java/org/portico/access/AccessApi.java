package org.portico.access;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Collection;
import java.util.Collections;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

import org.portico.identity.AccountId;
import org.portico.platform.RequestMemo;
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

	private static final String GRANTS = "access.grants.";

	private final JdbcClient jdbc;

	private final SaaChanges saaChanges;

	AccessApi(JdbcClient jdbc, SaaChanges saaChanges) {
		this.jdbc = jdbc;
		this.saaChanges = saaChanges;
	}

	/** Whether the user may perform the function for the NPI. */
	public boolean may(AccountId user, ProviderFunction function, Npi npi) {
		return npisFor(user, function).contains(npi);
	}

	/** The NPIs for which the user may perform the function, in order. */
	public Set<Npi> npisFor(AccountId user, ProviderFunction function) {
		return Collections.unmodifiableSet(grantsOf(user).getOrDefault(function, Set.of()));
	}

	/**
	 * Every NPI for which anyone holds the function: what reports computed ahead of time
	 * are computed for.
	 */
	public Set<Npi> npisAnyoneMay(ProviderFunction function) {
		Set<Npi> npis = new LinkedHashSet<>();
		this.jdbc.sql("SELECT DISTINCT npi FROM access.function_grant WHERE function_code = ? ORDER BY npi")
			.param(function.name())
			.query((rs) -> {
				npis.add(new Npi(rs.getString(1)));
			});
		return npis;
	}

	/**
	 * Every function the user holds, with its NPIs: read once per request, as a page
	 * checks several, and forgotten when the request changes a grant.
	 */
	private Map<ProviderFunction, Set<Npi>> grantsOf(AccountId user) {
		return RequestMemo.get(GRANTS + user.value(), () -> {
			Map<ProviderFunction, Set<Npi>> grants = new EnumMap<>(ProviderFunction.class);
			this.jdbc.sql("SELECT function_code, npi FROM access.function_grant WHERE account_id = ? ORDER BY npi")
				.param(user.value())
				.query((rs) -> {
					grants.computeIfAbsent(ProviderFunction.valueOf(rs.getString(1)), (f) -> new LinkedHashSet<>())
						.add(new Npi(rs.getString(2)));
				});
			return grants;
		});
	}

	private static void forgetGrants() {
		RequestMemo.forget(GRANTS);
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
	 * Records that the user's functions for these NPIs were confirmed as still needed.
	 */
	@Transactional
	public void confirm(AccountId user, Collection<Npi> npis) {
		if (!npis.isEmpty()) {
			this.jdbc.sql("""
					UPDATE access.function_grant SET confirmed_at = :now WHERE account_id = :user AND npi IN (:npis)
					""")
				.param("now", Timestamp.from(Instant.now()))
				.param("user", user.value())
				.param("npis", npis.stream().map(Npi::value).toList())
				.update();
		}
	}

	/** The NPI's Senior Access Administrator, if it has one. */
	public Optional<AccountId> seniorAccessAdministratorOf(Npi npi) {
		return this.jdbc.sql("SELECT account_id FROM access.senior_access_administrator WHERE npi = ?")
			.param(npi.value())
			.query((rs, row) -> new AccountId(rs.getLong(1)))
			.optional();
	}

	/**
	 * Makes the account the NPI's Senior Access Administrator with every function, as its
	 * own registration does. A current SAA stays on as an Access Administrator.
	 * @return the SAA replaced, if there was one
	 */
	@Transactional
	public Optional<AccountId> makeSeniorAccessAdministrator(AccountId account, Npi npi) {
		return makeSeniorAccessAdministrator(account, npi, null);
	}

	/**
	 * Makes the account the NPI's Senior Access Administrator with every function, as a
	 * registration does. A current SAA stays on as an Access Administrator. The change is
	 * kept in the NPI's SAA history, as a replacement when there was an SAA.
	 * @param changedBy the username of who made the change: the person registering, or
	 * the Provider Services representative who approved their registration
	 * @return the SAA replaced, if there was one
	 */
	@Transactional
	public Optional<AccountId> makeSeniorAccessAdministrator(AccountId account, Npi npi, String changedBy) {
		Optional<AccountId> previous = seniorAccessAdministratorOf(npi);
		previous.ifPresent((old) -> {
			this.jdbc.sql("DELETE FROM access.senior_access_administrator WHERE npi = ?").param(npi.value()).update();
			this.jdbc.sql("UPDATE access.npi_role SET role = 'AA' WHERE account_id = ? AND npi = ?")
				.params(old.value(), npi.value())
				.update();
		});
		forgetGrants();
		this.jdbc.sql("DELETE FROM access.function_grant WHERE account_id = ? AND npi = ?")
			.params(account.value(), npi.value())
			.update();
		this.jdbc.sql("DELETE FROM access.npi_role WHERE account_id = ? AND npi = ?")
			.params(account.value(), npi.value())
			.update();
		insertGrant(account, npi, AccessRole.SAA, EnumSet.allOf(ProviderFunction.class), null);
		Optional<AccountId> replaced = previous.filter((old) -> !old.equals(account));
		this.saaChanges.record(npi, account, replaced.orElse(null),
				replaced.isPresent() ? SaaChange.How.REPLACEMENT : SaaChange.How.REGISTRATION,
				replaced.isPresent() ? Boolean.TRUE : null, changedBy, null);
		return previous;
	}

	/**
	 * Gives the NPI's Senior Access Administrator role back to the one who held it before
	 * the current SAA, as Provider Services do when a practice disputes a replacement;
	 * only while the current SAA is the one expected, so that of two restorations at
	 * once, or one sent twice, exactly one changes anything. The restored SAA gets every
	 * function; the SAA they replace stays on as an Access Administrator, or loses every
	 * grant on the NPI. Kept in the NPI's SAA history.
	 * @return false when the NPI's SAA is not the one expected; nothing changed then
	 */
	@Transactional
	boolean restoreSeniorAccessAdministrator(Npi npi, AccountId expected, AccountId restored,
			boolean replacedKeepsAccess, String staff, String reason) {
		int claimed = this.jdbc
			.sql("UPDATE access.senior_access_administrator SET account_id = ? WHERE npi = ? AND account_id = ?")
			.params(restored.value(), npi.value(), expected.value())
			.update();
		if (claimed != 1) {
			return false;
		}
		if (replacedKeepsAccess) {
			this.jdbc.sql("UPDATE access.npi_role SET role = 'AA' WHERE account_id = ? AND npi = ?")
				.params(expected.value(), npi.value())
				.update();
		}
		else {
			removeGrant(expected, npi);
		}
		removeGrant(restored, npi);
		insertRoleAndFunctions(restored, npi, AccessRole.SAA, EnumSet.allOf(ProviderFunction.class), null);
		this.saaChanges.record(npi, restored, expected, SaaChange.How.DISPUTE, replacedKeepsAccess, staff, reason);
		return true;
	}

	/**
	 * The NPIs the user may administer access for: as SAA, or as AA with access
	 * administration.
	 */
	public List<NpiAccess> administeredBy(AccountId admin) {
		return accessOf(admin).stream()
			.filter((a) -> a.role() != AccessRole.AU && a.functions().contains(ProviderFunction.ACCESS_ADMINISTRATION))
			.toList();
	}

	/**
	 * Everyone's standing for the given NPIs: account, NPI, role, functions, last
	 * confirmed.
	 */
	public List<Grant> grantsFor(Collection<Npi> npis) {
		if (npis.isEmpty()) {
			return List.of();
		}
		Map<String, Grant> grants = new TreeMap<>();
		this.jdbc.sql("""
				SELECT r.account_id, r.npi, r.role, f.function_code, f.confirmed_at
				FROM access.npi_role r LEFT JOIN access.function_grant f
				  ON f.account_id = r.account_id AND f.npi = r.npi
				WHERE r.npi IN (:npis)
				""").param("npis", npis.stream().map(Npi::value).toList()).query((rs) -> {
			String key = rs.getLong(1) + "/" + rs.getString(2);
			Grant grant = grants.computeIfAbsent(key, (k) -> {
				try {
					return new Grant(new AccountId(rs.getLong(1)), new Npi(rs.getString(2)),
							AccessRole.valueOf(rs.getString(3)), EnumSet.noneOf(ProviderFunction.class),
							new Instant[1]);
				}
				catch (java.sql.SQLException ex) {
					throw new IllegalStateException(ex);
				}
			});
			if (rs.getString(4) != null) {
				grant.functions().add(ProviderFunction.valueOf(rs.getString(4)));
				Instant confirmed = rs.getTimestamp(5).toInstant();
				if (grant.oldestConfirmation()[0] == null || confirmed.isBefore(grant.oldestConfirmation()[0])) {
					grant.oldestConfirmation()[0] = confirmed;
				}
			}
		});
		return List.copyOf(grants.values());
	}

	/**
	 * One user's standing for one NPI, with the oldest confirmation of its functions: the
	 * SAA confirms each user's access every 90 days.
	 */
	public record Grant(AccountId account, Npi npi, AccessRole role, Set<ProviderFunction> functions,
			Instant[] oldestConfirmation) {

		public Instant confirmedAt() {
			return this.oldestConfirmation[0];
		}

	}

	/**
	 * Gives the user a role and functions for an NPI. An SAA is recorded as the NPI's one
	 * SAA, set up by the plan in its SAA history; a second SAA for the same NPI is
	 * refused by the database.
	 */
	@Transactional
	public void grant(AccountId user, Npi npi, AccessRole role, Set<ProviderFunction> functions, AccountId grantedBy) {
		insertGrant(user, npi, role, functions, grantedBy);
		if (role == AccessRole.SAA) {
			this.saaChanges.record(npi, user, null, SaaChange.How.SET_UP, null, null, null);
		}
	}

	private void insertGrant(AccountId user, Npi npi, AccessRole role, Set<ProviderFunction> functions,
			AccountId grantedBy) {
		insertRoleAndFunctions(user, npi, role, functions, grantedBy);
		if (role == AccessRole.SAA) {
			this.jdbc.sql("INSERT INTO access.senior_access_administrator (npi, account_id) VALUES (?, ?)")
				.params(npi.value(), user.value())
				.update();
		}
	}

	private void insertRoleAndFunctions(AccountId user, Npi npi, AccessRole role, Set<ProviderFunction> functions,
			AccountId grantedBy) {
		forgetGrants();
		Timestamp now = Timestamp.from(Instant.now());
		Long by = (grantedBy != null) ? grantedBy.value() : null;
		this.jdbc.sql("""
				INSERT INTO access.npi_role (account_id, npi, role, granted_by, granted_at) VALUES (?, ?, ?, ?, ?)
				""").params(user.value(), npi.value(), role.name(), by, now).update();
		for (ProviderFunction function : functions) {
			this.jdbc.sql("""
					INSERT INTO access.function_grant
					  (account_id, npi, function_code, granted_by, granted_at, confirmed_at)
					VALUES (?, ?, ?, ?, ?, ?)
					""").params(user.value(), npi.value(), function.name(), by, now, now).update();
		}
	}

	/**
	 * Sets the user's role and functions for an NPI to exactly these, as an administrator
	 * changed them: functions not listed are taken away, and every function the user
	 * keeps or gets counts as confirmed now. Never gives or takes the SAA role.
	 */
	@Transactional
	public void changeGrant(AccountId user, Npi npi, AccessRole role, Set<ProviderFunction> functions,
			AccountId changedBy) {
		if (role == AccessRole.SAA || functions.isEmpty()) {
			throw new IllegalArgumentException("A changed grant is an AA's or an AU's, with at least one function");
		}
		refuseIfSaa(user, npi);
		forgetGrants();
		Timestamp now = Timestamp.from(Instant.now());
		long by = changedBy.value();
		this.jdbc.sql("""
				UPDATE access.npi_role SET role = ?, granted_by = ?, granted_at = ?
				WHERE account_id = ? AND npi = ? AND role <> ?
				""").params(role.name(), by, now, user.value(), npi.value(), role.name()).update();
		// Insert only if absent: a duplicate key would abort the whole transaction on
		// PostgreSQL, and a double submit must not fail.
		this.jdbc.sql("""
				INSERT INTO access.npi_role (account_id, npi, role, granted_by, granted_at)
				SELECT ?, ?, ?, ?, ?
				WHERE NOT EXISTS (SELECT 1 FROM access.npi_role WHERE account_id = ? AND npi = ?)
				""").params(user.value(), npi.value(), role.name(), by, now, user.value(), npi.value()).update();
		this.jdbc.sql("""
				DELETE FROM access.function_grant
				WHERE account_id = :user AND npi = :npi AND function_code NOT IN (:kept)
				""")
			.param("user", user.value())
			.param("npi", npi.value())
			.param("kept", functions.stream().map(ProviderFunction::name).toList())
			.update();
		for (ProviderFunction function : functions) {
			this.jdbc.sql("""
					INSERT INTO access.function_grant
					  (account_id, npi, function_code, granted_by, granted_at, confirmed_at)
					SELECT ?, ?, ?, ?, ?, ?
					WHERE NOT EXISTS (
					  SELECT 1 FROM access.function_grant WHERE account_id = ? AND npi = ? AND function_code = ?)
					""")
				.params(user.value(), npi.value(), function.name(), by, now, now, user.value(), npi.value(),
						function.name())
				.update();
		}
		this.jdbc.sql("UPDATE access.function_grant SET confirmed_at = ? WHERE account_id = ? AND npi = ?")
			.params(now, user.value(), npi.value())
			.update();
	}

	/**
	 * Takes every function and the role for an NPI from the user. Never takes the SAA
	 * role.
	 */
	@Transactional
	public void revoke(AccountId user, Npi npi) {
		refuseIfSaa(user, npi);
		removeGrant(user, npi);
	}

	private void removeGrant(AccountId user, Npi npi) {
		forgetGrants();
		this.jdbc.sql("DELETE FROM access.function_grant WHERE account_id = ? AND npi = ?")
			.params(user.value(), npi.value())
			.update();
		this.jdbc.sql("DELETE FROM access.npi_role WHERE account_id = ? AND npi = ?")
			.params(user.value(), npi.value())
			.update();
	}

	/**
	 * Holds the user's grants until the end of the transaction, so that two changes of
	 * the same user, such as a double submit, take turns.
	 */
	@Transactional
	public void lockGrantsOf(AccountId user) {
		this.jdbc.sql("SELECT npi FROM access.npi_role WHERE account_id = ? FOR UPDATE")
			.param(user.value())
			.query(String.class)
			.list();
	}

	private void refuseIfSaa(AccountId user, Npi npi) {
		if (seniorAccessAdministratorOf(npi).filter(user::equals).isPresent()) {
			throw new IllegalStateException(
					"The SAA role is given and taken only by registration and Provider Services");
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
