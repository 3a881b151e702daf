package org.portico.providers;

/**
 * What other modules need to show about a provider.
 *
 * @param npi the provider's NPI
 * @param name the practitioner's name with credential, or the organization's name
 * @param specialty the specialty's name
 * @param payeeNpi the NPI paid on this provider's claims
 * @param acceptingNewPatients whether the provider's panel is open
 */
public record ProviderSummary(Npi npi, String name, String specialty, Npi payeeNpi, boolean acceptingNewPatients) {
}
