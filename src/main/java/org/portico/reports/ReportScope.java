package org.portico.reports;

import java.util.Optional;

import org.portico.providers.Npi;

/**
 * What a report is about: one provider (NPI) or one provider unit.
 *
 * @param kind NPI or UNIT
 * @param id the NPI or the unit's number
 */
public record ReportScope(Kind kind, String id) {

	public enum Kind {

		NPI, UNIT

	}

	public static ReportScope of(Npi npi) {
		return new ReportScope(Kind.NPI, npi.value());
	}

	public static ReportScope unit(long id) {
		return new ReportScope(Kind.UNIT, String.valueOf(id));
	}

	/** The scope in an address: {@code npi-1234567893} or {@code unit-12}. */
	public static Optional<ReportScope> fromSlug(String slug) {
		if (slug != null && slug.startsWith("npi-") && Npi.isValid(slug.substring(4))) {
			return Optional.of(of(Npi.parse(slug.substring(4))));
		}
		if (slug != null && slug.matches("unit-[0-9]{1,9}")) {
			return Optional.of(unit(Long.parseLong(slug.substring(5))));
		}
		return Optional.empty();
	}

	public String slug() {
		return this.kind.name().toLowerCase() + "-" + this.id;
	}

	/** The key of the scope's rows in the reports schema. */
	String key() {
		return this.kind.name() + ":" + this.id;
	}

	public long unitId() {
		return Long.parseLong(this.id);
	}

}
