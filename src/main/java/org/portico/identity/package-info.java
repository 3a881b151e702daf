/**
 * Identity: accounts, credentials, sign-in, MFA, sessions, registration and password
 * reset.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Identity",
		allowedDependencies = { "platform", "audit", "notifications" })
package org.portico.identity;
