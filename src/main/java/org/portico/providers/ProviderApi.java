package org.portico.providers;

import java.util.Collection;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The providers module's facade: what other modules may ask about providers.
 */
@Service
@Transactional(readOnly = true)
public class ProviderApi {

	private static final String SUMMARY = """
			SELECT p.npi, p.entity_type, p.first_name, p.last_name, p.credential, p.organization_name,
			       s.name AS specialty, p.payee_npi, p.accepting_new_patients
			FROM providers.provider p JOIN providers.specialty s ON s.code = p.specialty_code
			""";

	private final JdbcClient jdbc;

	ProviderApi(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	public Optional<ProviderSummary> find(Npi npi) {
		return this.jdbc.sql(SUMMARY + " WHERE p.npi = ?").param(npi.value()).query(this::summary).optional();
	}

	/** The providers among the given NPIs, ordered by name. */
	public List<ProviderSummary> findAll(Collection<Npi> npis) {
		if (npis.isEmpty()) {
			return List.of();
		}
		List<String> values = npis.stream().map(Npi::value).toList();
		return this.jdbc.sql(SUMMARY + " WHERE p.npi IN (:npis) ORDER BY p.last_name, p.organization_name")
			.param("npis", values)
			.query(this::summary)
			.list();
	}

	private ProviderSummary summary(java.sql.ResultSet rs, int row) throws java.sql.SQLException {
		String name = "1".equals(rs.getString("entity_type"))
				? rs.getString("first_name") + " " + rs.getString("last_name")
						+ (rs.getString("credential") != null ? ", " + rs.getString("credential") : "")
				: rs.getString("organization_name");
		return new ProviderSummary(new Npi(rs.getString("npi")), name, rs.getString("specialty"),
				new Npi(rs.getString("payee_npi")), rs.getBoolean("accepting_new_patients"));
	}

}
