/**
 * Interop: the X12 EDI and FHIR R4 APIs, served over the same module facades as the
 * pages.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Interop", allowedDependencies = { "platform", "audit",
		"access", "identity", "providers", "members", "claims", "authorizations" })
package org.portico.interop;
