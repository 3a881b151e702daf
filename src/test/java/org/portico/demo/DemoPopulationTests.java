package org.portico.demo;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;

import org.portico.claims.ClaimFeed;
import org.portico.members.MemberFeed;
import org.portico.platform.bulk.BulkLoad;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The synthetic data set is a function of its seed and as-of date: families generated in
 * any order or split give the same rows, and another seed gives other rows.
 */
class DemoPopulationTests {

	private static final LocalDate AS_OF = LocalDate.of(2026, 11, 23);

	@Test
	void theSameSeedGivesTheSameRowsWhateverTheOrderOfGeneration() {
		DemoPopulation population = population(42);
		int families = population.families();

		Recording inOneGo = new Recording();
		population.writeFamilies(0, families, new MemberFeed().writer(inOneGo), new ClaimFeed(null).writer(inOneGo));

		Recording inTwoParts = new Recording();
		DemoPopulation again = population(42);
		int half = families / 2;
		again.writeFamilies(half, families, new MemberFeed().writer(inTwoParts),
				new ClaimFeed(null).writer(inTwoParts));
		again.writeFamilies(0, half, new MemberFeed().writer(inTwoParts), new ClaimFeed(null).writer(inTwoParts));

		assertThat(inTwoParts.sorted()).isEqualTo(inOneGo.sorted());
		assertThat(inOneGo.rows("members.member")).hasSize(300);
		assertThat(inOneGo.rows("claims.claim")).hasSizeGreaterThan(300 * 5);
	}

	@Test
	void anotherSeedGivesOtherMembers() {
		Recording one = new Recording();
		DemoPopulation first = population(1);
		first.writeFamilies(0, first.families(), new MemberFeed().writer(one), new ClaimFeed(null).writer(one));
		Recording two = new Recording();
		DemoPopulation second = population(2);
		second.writeFamilies(0, second.families(), new MemberFeed().writer(two), new ClaimFeed(null).writer(two));
		assertThat(one.rows("members.member")).isNotEqualTo(two.rows("members.member"));
	}

	@Test
	void exactlyTheRequestedNumberOfMembersWithUniqueIds() {
		Recording rows = new Recording();
		DemoPopulation population = population(7);
		population.writeFamilies(0, population.families(), new MemberFeed().writer(rows),
				new ClaimFeed(null).writer(rows));
		List<String> ids = rows.rows("members.member").stream().map((r) -> r.get(0) + "-" + r.get(1)).toList();
		assertThat(ids).hasSize(300).doesNotHaveDuplicates();
		List<Object> claimIds = rows.rows("claims.claim").stream().map((r) -> r.get(0)).toList();
		assertThat(claimIds).doesNotHaveDuplicates();
	}

	@Test
	void onlyUnifyMembersHaveCarePlansAndTheirPcpIsInTheFirstPractices() {
		DemoProviders providers = DemoProviders.generate(20261123, AS_OF, 1000, null);
		DemoPopulation population = new DemoPopulation(20261123, AS_OF, 1000, 10, providers);
		Recording rows = new Recording();
		population.writeFamilies(0, population.families(), new MemberFeed().writer(rows),
				new ClaimFeed(null).writer(rows));
		Set<String> unify = rows.rows("members.coverage")
			.stream()
			.filter((c) -> c.get(4).equals("UNIFY"))
			.map((c) -> c.get(0) + "-" + c.get(1))
			.collect(Collectors.toSet());
		List<List<Object>> plans = rows.rows("members.care_plan");
		assertThat(unify).isNotEmpty();
		assertThat(plans).isNotEmpty().allMatch((p) -> unify.contains(p.get(1) + "-" + p.get(2)));
		assertThat(plans.stream().map((p) -> p.get(0))).doesNotHaveDuplicates();
		Set<Object> ids = plans.stream().map((p) -> p.get(0)).collect(Collectors.toSet());
		for (String child : List.of("members.care_plan_team_member", "members.care_plan_goal",
				"members.care_plan_service")) {
			assertThat(rows.rows(child)).as(child).isNotEmpty().allMatch((r) -> ids.contains(r.get(0)));
		}
		// One version in force per member and kind.
		assertThat(plans.stream()
			.filter((p) -> p.get(5).equals("CURRENT"))
			.map((p) -> p.get(1) + "-" + p.get(2) + " " + p.get(3))).doesNotHaveDuplicates();

		Set<String> unifyPractices = new HashSet<>();
		for (DemoProviders.Provider group : providers.groups().subList(0, 2)) {
			providers.practitionersOf(group).forEach((p) -> unifyPractices.add(p.npi().value()));
		}
		assertThat(rows.rows("members.pcp_assignment")
			.stream()
			.filter((a) -> unify.contains(a.get(0) + "-" + a.get(1)))
			.map((a) -> (String) a.get(4))).isNotEmpty().allMatch(unifyPractices::contains);
	}

	private static DemoPopulation population(long seed) {
		return new DemoPopulation(seed, AS_OF, 300, 10, DemoProviders.generate(seed, AS_OF, 300, null));
	}

	/** Keeps the rows a generator writes, to compare two runs. */
	static final class Recording implements BulkLoad {

		private final Map<String, List<List<Object>>> tables = new TreeMap<>();

		@Override
		public TableWriter into(String table, String... columns) {
			List<List<Object>> rows = this.tables.computeIfAbsent(table, (t) -> new ArrayList<>());
			return (values) -> rows
				.add(Arrays.stream(values).map((v) -> (v instanceof String[] array) ? List.of(array) : v).toList());
		}

		List<List<Object>> rows(String table) {
			return this.tables.getOrDefault(table, List.of());
		}

		Map<String, List<String>> sorted() {
			Map<String, List<String>> sorted = new TreeMap<>();
			this.tables
				.forEach((table, rows) -> sorted.put(table, rows.stream().map(Object::toString).sorted().toList()));
			return sorted;
		}

		@Override
		public void commit() {
		}

		@Override
		public void close() {
		}

	}

}
