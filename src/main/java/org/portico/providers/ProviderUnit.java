package org.portico.providers;

import java.util.List;

/**
 * A group of providers reported on together.
 *
 * @param id the unit's number
 * @param name its name
 * @param npis the providers in it
 */
public record ProviderUnit(long id, String name, List<Npi> npis) {

	public ProviderUnit {
		npis = List.copyOf(npis);
	}

}
