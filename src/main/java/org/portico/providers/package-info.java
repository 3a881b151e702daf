/**
 * Providers: NPIs, TINs, organizations, provider units, payee NPIs, specialties, network
 * participation and panel status.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Providers", allowedDependencies = "platform")
package org.portico.providers;
