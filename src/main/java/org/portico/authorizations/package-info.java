/**
 * Authorizations: referrals, prior authorizations, high-tech imaging authorizations,
 * inpatient notifications, behavioral health requests, clinical criteria smart sheets and
 * review queues.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Referrals and authorizations",
		allowedDependencies = { "platform", "audit", "access", "identity", "providers", "members", "notifications" })
package org.portico.authorizations;
