/**
 * Access: NPI and TIN grants per user and function, the SAA / AA / AU roles, registration
 * (how one first gets access to an NPI) and access administration; answers "may this user
 * see this NPI?" for every other module.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Access",
		allowedDependencies = { "platform", "audit", "identity", "providers", "notifications" })
package org.portico.access;
