/**
 * Shared foundations every module may use: request ids, error pages and the page shell,
 * bulk loading, keyed hashing of sensitive identifiers.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Platform",
		type = org.springframework.modulith.ApplicationModule.Type.OPEN)
package org.portico.platform;
