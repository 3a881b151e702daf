package org.portico.members;

/**
 * Whether a provider is in the member's product network: the tier that decides cost
 * sharing.
 */
public enum Network {

	IN, OUT

}
