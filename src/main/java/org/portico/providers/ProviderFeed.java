package org.portico.providers;

import java.time.LocalDate;

import org.portico.platform.IdentifierHasher;
import org.portico.platform.bulk.BulkLoad;
import org.portico.platform.bulk.BulkLoad.TableWriter;

import org.springframework.stereotype.Component;

/**
 * How the plan's provider data enters Portico: the provider directory feed writes through
 * this, so only this module knows its tables. TINs and SSNs are hashed here and never
 * stored.
 */
@Component
public class ProviderFeed {

	private final IdentifierHasher hasher;

	ProviderFeed(IdentifierHasher hasher) {
		this.hasher = hasher;
	}

	public Writer writer(BulkLoad load) {
		return new Writer(load);
	}

	/** A group practice or a facility. */
	public record Organization(long id, String name, boolean facility, Npi npi, Tin tin, String addressLine,
			String city, String state, String postalCode, String phone, String specialtyCode) {
	}

	/**
	 * An individual practitioner. SSN may be null for providers who registered with a
	 * TIN.
	 */
	public record Practitioner(Npi npi, String firstName, String lastName, String credential, String specialtyCode,
			long organizationId, Npi payeeNpi, String ssn, boolean acceptingNewPatients, String city, String state) {
	}

	public final class Writer {

		private final TableWriter organizations;

		private final TableWriter providers;

		private final TableWriter units;

		private final TableWriter unitMembers;

		private final TableWriter participation;

		Writer(BulkLoad load) {
			this.organizations = load.into("providers.organization", "id", "name", "kind", "npi", "tin_hash",
					"tin_last4", "address_line", "city", "state", "postal_code", "phone");
			this.providers = load.into("providers.provider", "npi", "entity_type", "first_name", "last_name",
					"organization_name", "credential", "specialty_code", "organization_id", "payee_npi", "ssn_hash",
					"ssn_last4", "accepting_new_patients", "city", "state");
			this.units = load.into("providers.provider_unit", "id", "name");
			this.unitMembers = load.into("providers.provider_unit_member", "unit_id", "npi");
			this.participation = load.into("providers.network_participation", "npi", "product_code", "effective_date",
					"termination_date");
		}

		/** The organization and the provider record of its own NPI. */
		public void organization(Organization o) {
			this.organizations.row(o.id(), o.name(), o.facility() ? "FACILITY" : "GROUP", o.npi().value(),
					ProviderFeed.this.hasher.hash("tin", o.tin().value()), o.tin().lastFour(), o.addressLine(),
					o.city(), o.state(), o.postalCode(), o.phone());
			this.providers.row(o.npi().value(), "2", null, null, o.name(), null, o.specialtyCode(), o.id(),
					o.npi().value(), null, null, true, o.city(), o.state());
		}

		public void practitioner(Practitioner p) {
			String ssn = p.ssn();
			this.providers.row(p.npi().value(), "1", p.firstName(), p.lastName(), null, p.credential(),
					p.specialtyCode(), p.organizationId(), p.payeeNpi().value(),
					(ssn != null) ? ProviderFeed.this.hasher.hash("ssn", ssn) : null,
					(ssn != null) ? ssn.substring(5) : null, p.acceptingNewPatients(), p.city(), p.state());
		}

		public void providerUnit(long id, String name) {
			this.units.row(id, name);
		}

		public void providerUnitMember(long unitId, Npi npi) {
			this.unitMembers.row(unitId, npi.value());
		}

		public void inNetwork(Npi npi, String productCode, LocalDate from, LocalDate to) {
			this.participation.row(npi.value(), productCode, from, to);
		}

	}

}
