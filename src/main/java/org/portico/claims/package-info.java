/**
 * Claims: headers and lines, status, adjustment reasons, payments and remittance, and the
 * adjustment cases providers open: corrected claims, payment disputes, returned funds.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Claims",
		allowedDependencies = { "platform", "providers", "members", "access", "identity", "audit", "notifications" })
package org.portico.claims;
