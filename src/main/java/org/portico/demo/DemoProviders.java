package org.portico.demo;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

import org.portico.demo.DemoCatalog.ProductDesign;
import org.portico.demo.DemoCatalog.Town;
import org.portico.providers.Npi;
import org.portico.providers.ProviderFeed;
import org.portico.providers.Tin;

/**
 * The synthetic provider directory: group practices under TINs whose NPIs are the payee
 * NPIs of their practitioners, hospitals, labs and DME suppliers, provider units, network
 * participation. Kept in memory while members and claims are generated, to pick who
 * treats whom.
 */
final class DemoProviders {

	static final String FAMILY = "207Q00000X";

	static final String INTERNAL = "207R00000X";

	static final String PEDIATRICS = "208000000X";

	private static final String[] SPECIALISTS = { "207V00000X", "207RC0000X", "207RE0101X", "207RG0100X", "207RP1001X",
			"207X00000X", "207N00000X", "207W00000X", "208600000X" };

	private static final String[] BEHAVIORAL = { "2084P0800X", "103T00000X", "1041C0700X" };

	private static final String PHYSICAL_THERAPY = "225100000X";

	/** A practitioner or organization that can appear on a claim. */
	record Provider(int ordinal, Npi npi, Npi payeeNpi, int payeeOrdinal, String specialty, String state,
			boolean[] inNetwork) {

		boolean inNetworkFor(int productIndex) {
			return this.inNetwork[productIndex];
		}

	}

	private final Map<String, List<Provider>> primaryCare = new HashMap<>();

	private final Map<String, List<Provider>> pediatric = new HashMap<>();

	private final List<Provider> unifyPrimaryCare = new ArrayList<>();

	/**
	 * How many of the first group practices are in Unify's primary care network: about
	 * one in 25, and at least the first two, which the demo logins act for.
	 */
	private int unifyPractices;

	private final Map<String, Map<String, List<Provider>>> specialists = new HashMap<>();

	private final Map<String, List<Provider>> facilities = new HashMap<>();

	private final Map<String, Provider> labs = new HashMap<>();

	private final Map<String, Provider> dmeSuppliers = new HashMap<>();

	private final List<Provider> all = new ArrayList<>();

	private final List<Provider> groupNpis = new ArrayList<>();

	private final SplittableRandom random;

	private final ProviderFeed.Writer feed;

	private final LocalDate asOf;

	private int nextIndividual;

	private int nextOrganization;

	private DemoProviders(long seed, LocalDate asOf, ProviderFeed.Writer feed) {
		this.random = new SplittableRandom(seed);
		this.asOf = asOf;
		this.feed = feed;
	}

	/**
	 * Generates the directory for a member population of the given size and writes it to
	 * the feed, or only builds it in memory when the feed is null. Both draw the same
	 * random numbers, written or not: the demo logins are granted NPIs from a directory
	 * rebuilt without writing, which must be the one on file.
	 */
	static DemoProviders generate(long seed, LocalDate asOf, int members, ProviderFeed.Writer feed) {
		DemoProviders providers = new DemoProviders(seed, asOf, feed);
		providers.build(Math.max(10, members / 2000), Math.max(2, members / 40000));
		return providers;
	}

	private void build(int groups, int facilitiesPerState) {
		this.unifyPractices = Math.max(2, groups / 25);
		long unitId = 0;
		int groupInUnit = 0;
		for (int g = 0; g < groups; g++) {
			Town town = DemoCatalog.TOWNS[g % DemoCatalog.TOWNS.length];
			boolean primary = g % 5 != 4;
			String practiceName = DemoCatalog.LAST_NAMES[this.random.nextInt(DemoCatalog.LAST_NAMES.length)] + " "
					+ ((primary) ? DemoCatalog.GROUP_PRACTICE_WORDS[g % 6]
							: DemoCatalog.GROUP_PRACTICE_WORDS[5 + g % 3])
					+ " of " + town.name();
			Provider group = organization(practiceName, false, town, primary ? "261QP2300X" : "193200000X");
			this.groupNpis.add(group);
			if (groupInUnit++ % 3 == 0) {
				unitId++;
				if (this.feed != null) {
					this.feed.providerUnit(unitId, town.name() + " Provider Unit " + unitId);
				}
			}
			int size = 3 + this.random.nextInt(10);
			for (int i = 0; i < size; i++) {
				String specialty;
				if (primary) {
					specialty = (i % 4 == 3) ? PEDIATRICS : (i % 2 == 0) ? FAMILY : INTERNAL;
				}
				else {
					int pick = this.random.nextInt(10);
					specialty = (pick < 6) ? SPECIALISTS[this.random.nextInt(SPECIALISTS.length)]
							: (pick < 9) ? BEHAVIORAL[this.random.nextInt(BEHAVIORAL.length)] : PHYSICAL_THERAPY;
				}
				Provider p = practitioner(group, town, specialty);
				if (this.feed != null) {
					this.feed.providerUnitMember(unitId, p.npi());
				}
			}
		}
		for (String state : new String[] { "MA", "RI" }) {
			Town[] towns = java.util.Arrays.stream(DemoCatalog.TOWNS)
				.filter((t) -> t.state().equals(state))
				.toArray(Town[]::new);
			for (int f = 0; f < facilitiesPerState; f++) {
				Town town = towns[f % towns.length];
				String name = town.name() + " "
						+ DemoCatalog.FACILITY_NAMES[(f / towns.length) % DemoCatalog.FACILITY_NAMES.length];
				this.facilities.computeIfAbsent(state, (k) -> new ArrayList<>())
					.add(organization(name, true, town, "282N00000X"));
			}
			this.labs.put(state, organization(state + " Clinical Laboratories", false, towns[0], "291U00000X"));
			this.dmeSuppliers.put(state, organization(state + " Home Medical Supply", false, towns[0], "332B00000X"));
		}
	}

	private Provider organization(String name, boolean facility, Town town, String specialty) {
		int index = this.nextOrganization++;
		Npi npi = Npi.withCheckDigit(String.valueOf(160000000 + index * 13 + 7));
		Tin tin = new Tin(String.format("%s%07d", town.state().equals("RI") ? "05" : "04", 1000000 + index * 37));
		Provider provider = new Provider(this.all.size(), npi, npi, index, specialty, town.state(), participation());
		String address = (100 + this.random.nextInt(800)) + " "
				+ DemoCatalog.STREETS[this.random.nextInt(DemoCatalog.STREETS.length)];
		String phone = phone(town);
		if (this.feed != null) {
			this.feed.organization(new ProviderFeed.Organization(index + 1, name, facility, npi, tin, address,
					town.name(), town.state(), town.zip(), phone, specialty));
			writeParticipation(provider);
		}
		this.all.add(provider);
		return provider;
	}

	private Provider practitioner(Provider group, Town town, String specialty) {
		int index = this.nextIndividual++;
		Npi npi = Npi.withCheckDigit(String.valueOf(110000000 + index * 7 + 3));
		boolean female = this.random.nextBoolean();
		String first = female ? DemoCatalog.FEMALE_NAMES[this.random.nextInt(DemoCatalog.FEMALE_NAMES.length)]
				: DemoCatalog.MALE_NAMES[this.random.nextInt(DemoCatalog.MALE_NAMES.length)];
		String last = DemoCatalog.LAST_NAMES[this.random.nextInt(DemoCatalog.LAST_NAMES.length)];
		String credential = switch (specialty) {
			case "103T00000X" -> "PhD";
			case "1041C0700X" -> "LICSW";
			case PHYSICAL_THERAPY -> "PT";
			default -> (this.random.nextInt(10) < 2) ? "NP" : (this.random.nextInt(10) < 2) ? "DO" : "MD";
		};
		String ssn = String.format("0%02d%02d%04d", 10 + index % 24, 1 + index % 98, 1 + index % 9998);
		Provider p = new Provider(this.all.size(), npi, group.npi(), group.payeeOrdinal(), specialty, town.state(),
				participation());
		boolean acceptingNewPatients = this.random.nextInt(10) < 8;
		if (this.feed != null) {
			this.feed.practitioner(new ProviderFeed.Practitioner(npi, first, last, credential, specialty,
					group.payeeOrdinal() + 1, group.npi(), ssn, acceptingNewPatients, town.name(), town.state()));
			writeParticipation(p);
		}
		this.all.add(p);
		if ((specialty.equals(FAMILY) || specialty.equals(INTERNAL)) && this.groupNpis.size() <= this.unifyPractices) {
			this.unifyPrimaryCare.add(p);
		}
		switch (specialty) {
			case FAMILY, INTERNAL -> this.primaryCare.computeIfAbsent(town.state(), (k) -> new ArrayList<>()).add(p);
			case PEDIATRICS -> this.pediatric.computeIfAbsent(town.state(), (k) -> new ArrayList<>()).add(p);
			default -> this.specialists.computeIfAbsent(town.state(), (k) -> new HashMap<>())
				.computeIfAbsent(specialty, (k) -> new ArrayList<>())
				.add(p);
		}
		return p;
	}

	private boolean[] participation() {
		boolean[] in = new boolean[DemoCatalog.PRODUCTS.size()];
		for (int i = 0; i < in.length; i++) {
			in[i] = this.random.nextInt(100) < 93;
		}
		return in;
	}

	private void writeParticipation(Provider p) {
		for (int i = 0; i < p.inNetwork().length; i++) {
			if (p.inNetwork()[i]) {
				ProductDesign product = DemoCatalog.PRODUCTS.get(i);
				this.feed.inNetwork(p.npi(), product.code(), this.asOf.minusYears(8).withDayOfYear(1), null);
			}
		}
	}

	private String phone(Town town) {
		return town.areaCode() + "-555-" + String.format("%04d", this.random.nextInt(10000));
	}

	/** A primary care provider in the state, in network for the product when one is. */
	Provider primaryCareFor(SplittableRandom random, String state, int age, int productIndex) {
		List<Provider> pool = (age < 18 && this.pediatric.containsKey(state)) ? this.pediatric.get(state)
				: this.primaryCare.get(state);
		if (pool == null) {
			pool = this.primaryCare.values().iterator().next();
		}
		return pickInNetwork(random, pool, productIndex);
	}

	/**
	 * A primary care provider for a Unify member: Unify contracts with few primary care
	 * practices, here the first ones.
	 */
	Provider unifyPrimaryCareFor(SplittableRandom random, int productIndex) {
		return pickInNetwork(random, this.unifyPrimaryCare, productIndex);
	}

	Provider specialist(SplittableRandom random, String state, String specialty, int productIndex) {
		Map<String, List<Provider>> inState = this.specialists.getOrDefault(state, Map.of());
		List<Provider> pool = inState.get(specialty);
		if (pool == null) {
			pool = this.specialists.values()
				.stream()
				.map((m) -> m.get(specialty))
				.filter((l) -> l != null)
				.findFirst()
				.orElse(null);
		}
		if (pool == null) {
			return primaryCareFor(random, state, 40, productIndex);
		}
		return pickInNetwork(random, pool, productIndex);
	}

	Provider anySpecialist(SplittableRandom random, String state, int productIndex) {
		return specialist(random, state, SPECIALISTS[random.nextInt(SPECIALISTS.length)], productIndex);
	}

	Provider behavioral(SplittableRandom random, String state, int productIndex) {
		return specialist(random, state, BEHAVIORAL[random.nextInt(BEHAVIORAL.length)], productIndex);
	}

	Provider therapist(SplittableRandom random, String state, int productIndex) {
		return specialist(random, state, PHYSICAL_THERAPY, productIndex);
	}

	Provider facility(SplittableRandom random, String state) {
		List<Provider> pool = this.facilities.get(state);
		return pool.get(random.nextInt(pool.size()));
	}

	Provider lab(String state) {
		return this.labs.get(state);
	}

	Provider dmeSupplier(String state) {
		return this.dmeSuppliers.get(state);
	}

	/** The group practices' NPIs, first one first: the demo logins act for these. */
	List<Provider> groups() {
		return this.groupNpis;
	}

	List<Provider> practitionersOf(Provider group) {
		return this.all.stream()
			.filter((p) -> p.payeeNpi().equals(group.npi()) && !p.npi().equals(group.npi()))
			.toList();
	}

	List<Provider> facilities(String state) {
		return this.facilities.get(state);
	}

	private static Provider pickInNetwork(SplittableRandom random, List<Provider> pool, int productIndex) {
		Provider first = pool.get(random.nextInt(pool.size()));
		for (int tries = 0; tries < 4 && !first.inNetworkFor(productIndex); tries++) {
			first = pool.get(random.nextInt(pool.size()));
		}
		return first;
	}

}
