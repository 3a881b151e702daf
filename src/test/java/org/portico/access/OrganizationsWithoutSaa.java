package org.portico.access;

import java.util.List;

import org.portico.providers.Npi;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Group practices and facilities nobody administers yet, from the end of the directory,
 * as they were when first asked: a test that makes one's SAA does not move the others.
 * Registration tests take individual providers instead.
 */
public final class OrganizationsWithoutSaa {

	private static List<Npi> npis;

	private OrganizationsWithoutSaa() {
	}

	/** The n-th; each test uses its own n. */
	public static synchronized Npi nth(JdbcClient jdbc, int n) {
		if (npis == null) {
			npis = jdbc.sql("""
					SELECT p.npi FROM providers.provider p
					WHERE p.entity_type = '2' AND NOT EXISTS (SELECT 1 FROM access.npi_role r WHERE r.npi = p.npi)
					ORDER BY p.npi DESC
					""").query((rs, row) -> new Npi(rs.getString(1))).list();
		}
		return npis.get(n);
	}

}
