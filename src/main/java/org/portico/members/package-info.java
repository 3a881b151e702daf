/**
 * Members: identities, coverage spans, products and benefits, accumulators, PCP
 * assignments and their history, PCP change requests and care plans.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Members",
		allowedDependencies = { "platform", "providers", "access", "identity", "audit" })
package org.portico.members;
