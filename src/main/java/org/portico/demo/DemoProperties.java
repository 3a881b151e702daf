package org.portico.demo;

import java.time.LocalDate;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * How the synthetic data set is made.
 *
 * @param loadOnStart load the small set and demo logins when the database has no members
 * @param seed the random seed: the same seed and as-of date give the same data
 * @param members how many members to generate
 * @param claimsPerMember the average number of claims per member over two years
 * @param password the demo logins' password
 * @param asOf the day the data set is generated as of; today when not given
 * @param generateOnly generate the data set, then exit (the large data set command)
 * @param threads loaders working in parallel for the large data set
 */
@ConfigurationProperties("portico.demo")
record DemoProperties(boolean loadOnStart, long seed, int members, int claimsPerMember, String password, LocalDate asOf,
		boolean generateOnly, int threads) {

	DemoProperties {
		if (members < 1) {
			throw new IllegalArgumentException("portico.demo.members must be at least 1");
		}
		if (claimsPerMember < 0 || claimsPerMember > 40) {
			throw new IllegalArgumentException("portico.demo.claims-per-member must be between 0 and 40");
		}
		if (threads < 1) {
			threads = 1;
		}
	}

	LocalDate asOfOrToday() {
		return (this.asOf != null) ? this.asOf : LocalDate.now();
	}

}
