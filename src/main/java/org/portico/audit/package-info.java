/**
 * Audit: the append-only record of every PHI view and every security-relevant action.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Audit", allowedDependencies = "platform")
package org.portico.audit;
