package org.portico.demo;

import java.time.LocalDate;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * How the synthetic data set is made.
 *
 * @param loadOnStart when to load the demo data set and logins into an empty database
 * @param seed the random seed: the same seed and as-of date give the same data
 * @param members how many members to generate
 * @param claimsPerMember the average number of claims per member over two years
 * @param password the demo logins' password
 * @param asOf the day the data set is generated as of; today when not given
 * @param generateOnly generate the data set, then exit (the large data set command)
 * @param threads loaders working in parallel for the large data set
 */
@ConfigurationProperties("portico.demo")
record DemoProperties(LoadOnStart loadOnStart, long seed, int members, int claimsPerMember, String password,
		LocalDate asOf, boolean generateOnly, int threads) {

	DemoProperties {
		if (members < 1) {
			throw new IllegalArgumentException("portico.demo.members must be at least 1");
		}
		if (claimsPerMember < 0 || claimsPerMember > 40) {
			throw new IllegalArgumentException("portico.demo.claims-per-member must be between 0 and 40");
		}
		if (threads < 1 || threads > MAX_THREADS) {
			throw new IllegalArgumentException("portico.demo.threads must be between 1 and " + MAX_THREADS);
		}
	}

	/**
	 * Each loader holds a pooled connection while it works; the pool has ten by default.
	 */
	static final int MAX_THREADS = 8;

	/** When the demo data set is loaded into an empty database. */
	enum LoadOnStart {

		/**
		 * Only into the embedded H2 database: never demo logins on a real database by
		 * accident.
		 */
		EMBEDDED,

		/** Into any empty database. */
		ALWAYS,

		NEVER

	}

	LocalDate asOfOrToday() {
		return (this.asOf != null) ? this.asOf : LocalDate.now();
	}

}
