/**
 * Reports: provider and provider-unit reports, panel rosters and clinical quality
 * (registries and care gaps).
 */
@org.springframework.modulith.ApplicationModule(displayName = "Reports", allowedDependencies = { "platform", "audit",
		"access", "identity", "providers", "members", "claims", "authorizations" })
package org.portico.reports;
