package org.portico.providers;

import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

import org.portico.platform.IdentifierHasher;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The providers module's facade: what other modules may ask about providers.
 */
@Service
@Transactional(readOnly = true)
public class ProviderApi {

	/** The specialties of a primary care provider. */
	private static final List<String> PRIMARY_CARE = List.of("207Q00000X", "207R00000X", "208000000X");

	private static final String SUMMARY = """
			SELECT p.npi, p.entity_type, p.first_name, p.last_name, p.credential, p.organization_name,
			       s.name AS specialty, p.payee_npi, p.accepting_new_patients
			FROM providers.provider p JOIN providers.specialty s ON s.code = p.specialty_code
			""";

	private final JdbcClient jdbc;

	private final IdentifierHasher hasher;

	private volatile List<Specialty> specialties;

	ProviderApi(JdbcClient jdbc, IdentifierHasher hasher) {
		this.jdbc = jdbc;
		this.hasher = hasher;
	}

	/**
	 * Whether the TIN is the one on file for the NPI: its organization's, or its own when
	 * the NPI is an organization's. Compared as keyed hashes; the TIN itself is never
	 * stored.
	 */
	public boolean tinMatches(Npi npi, Tin tin) {
		return this.jdbc.sql("""
				SELECT COUNT(*) FROM providers.provider p JOIN providers.organization o ON o.id = p.organization_id
				WHERE p.npi = ? AND o.tin_hash = ?
				""").params(npi.value(), this.hasher.hash("tin", tin.value())).query(Long.class).single() > 0;
	}

	/**
	 * Whether the last four digits are those of the individual provider's SSN on file.
	 */
	public boolean ssnLastFourMatches(Npi npi, String lastFour) {
		return lastFour != null && lastFour.matches("[0-9]{4}") && this.jdbc.sql("""
				SELECT COUNT(*) FROM providers.provider WHERE npi = ? AND entity_type = '1' AND ssn_last4 = ?
				""").params(npi.value(), lastFour).query(Long.class).single() > 0;
	}

	/** The NPIs under the TIN of an organization's NPI: its own and its providers'. */
	public List<Npi> npisUnderSameTin(Npi organizationNpi) {
		return this.jdbc
			.sql("""
					SELECT p.npi FROM providers.provider p
					WHERE p.organization_id = (SELECT organization_id FROM providers.provider WHERE npi = ? AND entity_type = '2')
					ORDER BY p.entity_type DESC, p.npi
					""")
			.param(organizationNpi.value())
			.query((rs, row) -> new Npi(rs.getString(1)))
			.list();
	}

	/**
	 * The office telephone number on file for the NPI's practice or facility, which plan
	 * staff call to verify who acts for the provider; empty for a practitioner without
	 * one.
	 */
	public Optional<String> officePhone(Npi npi) {
		return this.jdbc.sql("""
				SELECT o.phone FROM providers.provider p JOIN providers.organization o ON o.id = p.organization_id
				WHERE p.npi = ?
				""").param(npi.value()).query(String.class).optional();
	}

	/**
	 * Whether the NPI can be a member's PCP in the product from the date: a primary care
	 * practitioner (family medicine, internal medicine, pediatrics), in the product's
	 * network then, and accepting new patients.
	 */
	public PcpEligibility pcpEligibility(Npi npi, String productCode, LocalDate from) {
		return this.jdbc.sql("""
				SELECT p.entity_type, p.specialty_code, p.accepting_new_patients,
				       (SELECT COUNT(*) FROM providers.network_participation n
				        WHERE n.npi = p.npi AND n.product_code = ? AND n.effective_date <= ?
				          AND (n.termination_date IS NULL OR n.termination_date >= ?)) AS in_network
				FROM providers.provider p WHERE p.npi = ?
				""").params(productCode, from, from, npi.value()).query((rs, row) -> {
			if (!"1".equals(rs.getString(1)) || !PRIMARY_CARE.contains(rs.getString(2))) {
				return PcpEligibility.NOT_PRIMARY_CARE;
			}
			if (rs.getLong(4) == 0) {
				return PcpEligibility.NOT_IN_NETWORK;
			}
			return rs.getBoolean(3) ? PcpEligibility.ELIGIBLE : PcpEligibility.NOT_ACCEPTING_PATIENTS;
		}).optional().orElse(PcpEligibility.NOT_ON_FILE);
	}

	/**
	 * Whether the NPI is in the product's network on the date.
	 */
	public boolean inNetwork(Npi npi, String productCode, LocalDate date) {
		return this.jdbc
			.sql("""
					SELECT COUNT(*) FROM providers.network_participation
					WHERE npi = ? AND product_code = ? AND effective_date <= ? AND (termination_date IS NULL OR termination_date >= ?)
					""")
			.params(npi.value(), productCode, date, date)
			.query(Long.class)
			.single() > 0;
	}

	/** How one NPI stands to a member's PCP when it refers the member. */
	public enum PcpRelation {

		/** The PCP itself, or the group practice the PCP is paid through. */
		PCP_OR_GROUP,

		/** Another provider of the PCP's provider unit. */
		SAME_UNIT,

		/** Neither. */
		NONE

	}

	/** How the referring NPI stands to the PCP, read in one query. */
	public PcpRelation relationToPcp(Npi referring, Npi pcp) {
		if (referring.equals(pcp)) {
			return PcpRelation.PCP_OR_GROUP;
		}
		return this.jdbc.sql("""
				SELECT (SELECT COUNT(*) FROM providers.provider WHERE npi = :pcp AND payee_npi = :referring),
				       (SELECT COUNT(*) FROM providers.provider_unit_member a
				        JOIN providers.provider_unit_member b ON b.unit_id = a.unit_id
				        WHERE a.npi = :referring AND b.npi = :pcp)
				""")
			.param("pcp", pcp.value())
			.param("referring", referring.value())
			.query((rs, row) -> (rs.getLong(1) > 0) ? PcpRelation.PCP_OR_GROUP
					: (rs.getLong(2) > 0) ? PcpRelation.SAME_UNIT : PcpRelation.NONE)
			.single();
	}

	/**
	 * Every specialty in the directory, by name: a short list that changes only with a
	 * release, read once.
	 */
	public List<Specialty> specialties() {
		List<Specialty> read = this.specialties;
		if (read == null) {
			read = List.copyOf(this.jdbc.sql("SELECT code, name FROM providers.specialty ORDER BY name")
				.query((rs, row) -> new Specialty(rs.getString(1), rs.getString(2)))
				.list());
			this.specialties = read;
		}
		return read;
	}

	/**
	 * A specialty of the directory, by its taxonomy code.
	 *
	 * @param code the taxonomy code
	 * @param name what people call it
	 */
	public record Specialty(String code, String name) {
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

	/** The provider unit with this number and its providers. */
	public Optional<ProviderUnit> unit(long id) {
		return this.jdbc.sql("SELECT name FROM providers.provider_unit WHERE id = ?")
			.param(id)
			.query(String.class)
			.optional()
			.map((name) -> new ProviderUnit(id, name, unitNpis(id)));
	}

	/** The provider units that hold any of the NPIs, by number. */
	public List<ProviderUnit> unitsWithAny(Collection<Npi> npis) {
		if (npis.isEmpty()) {
			return List.of();
		}
		return this.jdbc.sql("""
				SELECT DISTINCT u.id FROM providers.provider_unit u
				JOIN providers.provider_unit_member m ON m.unit_id = u.id
				WHERE m.npi IN (:npis) ORDER BY u.id
				""")
			.param("npis", npis.stream().map(Npi::value).toList())
			.query(Long.class)
			.list()
			.stream()
			.map((id) -> unit(id).orElseThrow())
			.toList();
	}

	/** Every provider unit's number. */
	public List<Long> unitIds() {
		return this.jdbc.sql("SELECT id FROM providers.provider_unit ORDER BY id").query(Long.class).list();
	}

	private List<Npi> unitNpis(long id) {
		return this.jdbc.sql("SELECT npi FROM providers.provider_unit_member WHERE unit_id = ? ORDER BY npi")
			.param(id)
			.query((rs, row) -> new Npi(rs.getString(1)))
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
