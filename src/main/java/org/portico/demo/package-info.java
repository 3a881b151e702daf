/**
 * Demo: the deterministic synthetic data set (providers, members, claims, payments) at
 * any scale, and the demo logins.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Demo data", allowedDependencies = { "platform", "audit",
		"identity", "access", "providers", "members", "claims", "authorizations" })
package org.portico.demo;
