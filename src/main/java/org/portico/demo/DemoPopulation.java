package org.portico.demo;

import java.math.BigDecimal;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;

import org.portico.claims.ClaimFeed;
import org.portico.claims.ClaimNumber;
import org.portico.claims.ClaimStatus;
import org.portico.claims.ClaimStatusCategory;
import org.portico.demo.DemoCatalog.Condition;
import org.portico.demo.DemoCatalog.Procedure;
import org.portico.demo.DemoCatalog.ProductDesign;
import org.portico.demo.DemoCatalog.Tier;
import org.portico.demo.DemoCatalog.Town;
import org.portico.demo.DemoProviders.Provider;
import org.portico.members.LineOfBusiness;
import org.portico.members.MemberFeed;
import org.portico.members.MemberId;
import org.portico.members.Network;
import org.portico.members.ServiceCategory;

/**
 * Generates families of members with their coverage, PCPs and two years of claims. Each
 * family draws from its own random stream seeded by the data set's seed and the family's
 * number, so families can be generated in any order, in parallel, with the same result.
 */
final class DemoPopulation {

	/** Claim ids are the member's number times this plus the claim's ordinal. */
	static final int CLAIM_ID_STRIDE = 100;

	private static final int SENIOR_PERCENT = 18;

	private final long seed;

	private final LocalDate asOf;

	private final int claimsPerMember;

	private final DemoProviders providers;

	private final int[] familySizes;

	private final boolean[] seniorFamilies;

	private final long[] firstMemberOfFamily;

	DemoPopulation(long seed, LocalDate asOf, int members, int claimsPerMember, DemoProviders providers) {
		this.seed = seed;
		this.asOf = asOf;
		this.claimsPerMember = claimsPerMember;
		this.providers = providers;
		List<Integer> sizes = new ArrayList<>();
		List<Boolean> seniors = new ArrayList<>();
		int total = 0;
		while (total < members) {
			SplittableRandom plan = new SplittableRandom(~(this.seed * 0x9E3779B97F4A7C15L + sizes.size()));
			boolean senior = plan.nextInt(100) < SENIOR_PERCENT;
			int size = Math.min(senior ? 1 : plannedSize(plan), members - total);
			sizes.add(size);
			seniors.add(senior);
			total += size;
		}
		this.familySizes = sizes.stream().mapToInt(Integer::intValue).toArray();
		this.seniorFamilies = new boolean[seniors.size()];
		for (int f = 0; f < this.seniorFamilies.length; f++) {
			this.seniorFamilies[f] = seniors.get(f);
		}
		this.firstMemberOfFamily = new long[this.familySizes.length];
		long next = 0;
		for (int f = 0; f < this.familySizes.length; f++) {
			this.firstMemberOfFamily[f] = next;
			next += this.familySizes[f];
		}
	}

	int families() {
		return this.familySizes.length;
	}

	/**
	 * The subscriber number of a family: a bijection of its number, so they do not look
	 * sequential.
	 */
	static String subscriberId(int family) {
		return String.valueOf(100_000_000L + (family * 7_919L + 12_345L) % 900_000_000L);
	}

	private SplittableRandom random(int family) {
		return new SplittableRandom(this.seed * 0x9E3779B97F4A7C15L + family);
	}

	/**
	 * The size of a family that is not a senior's (seniors are covered one by one). Sizes
	 * are drawn from a stream of their own, so they are known before any family is
	 * generated.
	 */
	private static int plannedSize(SplittableRandom random) {
		int draw = random.nextInt(100);
		return (draw < 40) ? 1 : (draw < 62) ? 2 : (draw < 78) ? 3 : (draw < 92) ? 4 : 5;
	}

	void writeFamilies(int from, int to, MemberFeed.Writer members, ClaimFeed.Writer claims) {
		for (int f = from; f < to; f++) {
			new Family(f, members, claims).write();
		}
	}

	/** One family's generation, reading its own random stream in a fixed order. */
	private final class Family {

		private final int number;

		private final SplittableRandom random;

		private final MemberFeed.Writer members;

		private final ClaimFeed.Writer claims;

		Family(int number, MemberFeed.Writer members, ClaimFeed.Writer claims) {
			this.number = number;
			this.random = random(number);
			this.members = members;
			this.claims = claims;
		}

		void write() {
			SplittableRandom r = this.random;
			boolean senior = DemoPopulation.this.seniorFamilies[this.number];
			int size = DemoPopulation.this.familySizes[this.number];
			String subscriber = subscriberId(this.number);
			Town town = DemoCatalog.TOWNS[r.nextInt(DemoCatalog.TOWNS.length)];
			String lastName = pick(DemoCatalog.LAST_NAMES);
			String address = (10 + r.nextInt(990)) + " " + pick(DemoCatalog.STREETS);
			String phone = town.areaCode() + "-555-" + String.format("%04d", r.nextInt(10000));
			int subscriberAge = senior ? 65 + r.nextInt(28) : 21 + r.nextInt(44);
			ProductDesign product = chooseProduct(senior, subscriberAge, town, size);
			int productIndex = DemoCatalog.PRODUCTS.indexOf(product);
			LocalDate effective = DemoPopulation.this.asOf.minusMonths(1 + r.nextInt(72)).withDayOfMonth(1);
			LocalDate terminated = (r.nextInt(100) < 6)
					? DemoPopulation.this.asOf.minusMonths(r.nextInt(10)).withDayOfMonth(1).minusDays(1) : null;
			if (terminated != null && !terminated.isAfter(effective)) {
				terminated = null;
			}
			String[] group = groupOf(product);
			ProductDesign previous = (r.nextInt(100) < 12 && !senior) ? DemoCatalog.PRODUCTS.get(r.nextInt(4)) : null;
			for (int m = 0; m < size; m++) {
				MemberId id = MemberId.of(subscriber, m + 1);
				long memberNumber = DemoPopulation.this.firstMemberOfFamily[this.number] + m;
				int age = (m == 0) ? subscriberAge
						: (m == 1) ? Math.max(19, subscriberAge + r.nextInt(11) - 5) : r.nextInt(26);
				boolean female = (m == 1) ? r.nextInt(100) < 85 : r.nextBoolean();
				String first = female ? pick(DemoCatalog.FEMALE_NAMES) : pick(DemoCatalog.MALE_NAMES);
				LocalDate birth = DemoPopulation.this.asOf.minusYears(age).minusDays(r.nextInt(365));
				String relationship = (m == 0) ? "SUBSCRIBER" : (m == 1) ? "SPOUSE" : "DEPENDENT";
				this.members.member(new MemberFeed.Member(id, first,
						r.nextInt(3) == 0 ? null : DemoCatalog.MIDDLE[r.nextInt(DemoCatalog.MIDDLE.length)].charAt(0),
						lastName, birth, female ? 'F' : 'M', relationship, address, town.name(), town.state(),
						town.zip(), (m == 0) ? phone : null));
				// A child born after the family enrolled is covered from birth.
				// Coverage the family lost before then does not end the child's.
				LocalDate memberEffective = max(effective, birth);
				LocalDate memberEnds = (terminated != null && terminated.isAfter(memberEffective)) ? terminated : null;
				if (previous != null && previous != product) {
					LocalDate prevStart = memberEffective.minusYears(2);
					if (prevStart.isAfter(birth)) {
						String[] previousGroup = groupOf(previous);
						this.members.coverage(id, prevStart, memberEffective.minusDays(1), previous.code(),
								previousGroup[0], previousGroup[1]);
					}
				}
				this.members.coverage(id, memberEffective, memberEnds, product.code(), group[0], group[1]);
				Provider pcp = null;
				if (product.pcpRequired()) {
					pcp = primaryCareFor(product, town, age, productIndex);
					LocalDate change = DemoPopulation.this.asOf.minusMonths(1 + r.nextInt(5)).withDayOfMonth(1);
					boolean changed = r.nextInt(100) < 25 && memberEffective.isBefore(change.minusMonths(1))
							&& (memberEnds == null || change.isBefore(memberEnds));
					if (changed) {
						Provider former = primaryCareFor(product, town, age, productIndex);
						this.members.pcp(id, memberEffective, change.minusDays(1), former.npi(), "ENROLLMENT");
						this.members.pcp(id, change, memberEnds, pcp.npi(),
								r.nextBoolean() ? "MEMBER_REQUEST" : "PCP_LEFT_NETWORK");
					}
					else {
						this.members.pcp(id, memberEffective, memberEnds, pcp.npi(), "ENROLLMENT");
					}
				}
				if (r.nextInt(100) < 4 && m == 0) {
					this.members.otherInsurance(id,
							pick(new String[] { "Blue Cross Blue Shield", "Aetna", "Cigna", "UnitedHealthcare",
									"Harvard Pilgrim" }),
							"X" + (10_000_000 + r.nextInt(89_999_999)), "PRIMARY", memberEffective, null);
				}
				LocalDate claimsFrom = max(memberEffective, DemoPopulation.this.asOf.minusMonths(24));
				LocalDate claimsTo = (memberEnds != null) ? min(memberEnds, DemoPopulation.this.asOf.minusDays(1))
						: DemoPopulation.this.asOf.minusDays(1);
				Person person = new Person(id, memberNumber, first, lastName, birth, age, female, town.state(), product,
						productIndex, pcp, conditions(age));
				if (!claimsFrom.isAfter(claimsTo)) {
					new ClaimHistory(this.random, person, claimsFrom, claimsTo, this.members, this.claims).write();
				}
				if (product.carePlans()) {
					DemoCarePlans.write(DemoPopulation.this.seed, DemoPopulation.this.asOf, person, memberEffective,
							memberEnds, DemoPopulation.this.providers, this.members);
				}
			}
		}

		private Provider primaryCareFor(ProductDesign product, Town town, int age, int productIndex) {
			DemoProviders providers = DemoPopulation.this.providers;
			return (product.line() == LineOfBusiness.DUALS_UNIFY)
					? providers.unifyPrimaryCareFor(this.random, productIndex)
					: providers.primaryCareFor(this.random, town.state(), age, productIndex);
		}

		private ProductDesign chooseProduct(boolean senior, int age, Town town, int size) {
			int draw = this.random.nextInt(100);
			if (senior) {
				return DemoCatalog.product((draw < 60) ? "MP-HMO" : (draw < 82) ? "MP-PPO" : "SCO");
			}
			if (size == 1 && draw < 6 && age < 65) {
				return DemoCatalog.product("UNIFY");
			}
			if (draw < 22) {
				return DemoCatalog.product(town.state().equals("RI") ? "RI-MCD" : "MA-ACO");
			}
			int commercial = this.random.nextInt(100);
			return DemoCatalog.product((commercial < 40) ? "COM-HMO"
					: (commercial < 70) ? "COM-PPO" : (commercial < 85) ? "COM-EPO" : "FRD-HMO");
		}

		private String[] groupOf(ProductDesign product) {
			return switch (product.line()) {
				case COMMERCIAL -> {
					int employer = Math.floorMod(this.number * 31, DemoCatalog.EMPLOYERS.length);
					yield new String[] { String.format("G%07d", 100 + employer), DemoCatalog.EMPLOYERS[employer] };
				}
				case MEDICARE_ADVANTAGE -> new String[] { "MAPD-IND", "Medicare Preferred Individual" };
				case SENIOR_CARE_OPTIONS -> new String[] { "SCO-MA", "Senior Care Options" };
				case MEDICAID_MASSACHUSETTS -> new String[] { "MCD-MA-ACO", "Massachusetts Medicaid ACO" };
				case MEDICAID_RHODE_ISLAND -> new String[] { "MCD-RI", "Rhode Island Medicaid" };
				case DUALS_UNIFY -> new String[] { "UNIFY-MA", "Unify" };
			};
		}

		private Set<Condition> conditions(int age) {
			Set<Condition> conditions = EnumSet.noneOf(Condition.class);
			if (this.random.nextInt(100) < ((age > 40) ? 14 : 3)) {
				conditions.add(Condition.DIABETES);
			}
			if (this.random.nextInt(100) < ((age > 50) ? 35 : (age > 30) ? 12 : 1)) {
				conditions.add(Condition.HYPERTENSION);
			}
			if (this.random.nextInt(100) < 8) {
				conditions.add(Condition.ASTHMA);
			}
			if (age > 55 && this.random.nextInt(100) < 8) {
				conditions.add(Condition.COPD);
			}
			if (age > 65 && this.random.nextInt(100) < 6) {
				conditions.add(Condition.HEART_FAILURE);
			}
			return conditions;
		}

		private String pick(String[] values) {
			return values[this.random.nextInt(values.length)];
		}

	}

	record Person(MemberId id, long number, String firstName, String lastName, LocalDate birthDate, int age,
			boolean female, String state, ProductDesign product, int productIndex, Provider pcp,
			Set<Condition> conditions) {
	}

	/** A planned service before it is priced. */
	private record Service(LocalDate date, Procedure procedure, Provider provider, boolean institutional,
			String[] diagnoses, int units, int days) {
	}

	/**
	 * One member's claims over the window, priced against the product's benefits in date
	 * order.
	 */
	private final class ClaimHistory {

		private final SplittableRandom r;

		private final Person person;

		private final LocalDate from;

		private final LocalDate to;

		private final MemberFeed.Writer members;

		private final ClaimFeed.Writer claims;

		private final long[] deductibleMet = new long[2];

		private final long[] outOfPocketMet = new long[2];

		ClaimHistory(SplittableRandom r, Person person, LocalDate from, LocalDate to, MemberFeed.Writer members,
				ClaimFeed.Writer claims) {
			this.r = r;
			this.person = person;
			this.from = from;
			this.to = to;
			this.members = members;
			this.claims = claims;
		}

		void write() {
			List<Service> services = plan();
			services.sort((a, b) -> a.date().compareTo(b.date()));
			int ordinal = 0;
			int year = -1;
			int therapyVisits = 0;
			for (Service service : services) {
				if (ordinal >= CLAIM_ID_STRIDE) {
					break;
				}
				if (service.date().getYear() != year) {
					year = service.date().getYear();
					Arrays.fill(this.deductibleMet, 0);
					Arrays.fill(this.outOfPocketMet, 0);
					therapyVisits = 0;
				}
				if (service.procedure().category() == ServiceCategory.PT_OT) {
					therapyVisits++;
				}
				writeClaim(service, ordinal++);
			}
			int planYear = DemoPopulation.this.asOf.getYear();
			if (year == planYear) {
				this.members.accumulator(this.person.id(), planYear, Network.IN, money(this.deductibleMet[0]),
						money(this.outOfPocketMet[0]));
				if (this.person.product().outOfNetworkCovered()) {
					this.members.accumulator(this.person.id(), planYear, Network.OUT, money(this.deductibleMet[1]),
							money(this.outOfPocketMet[1]));
				}
				if (therapyVisits > 0) {
					this.members.visitsUsed(this.person.id(), planYear, ServiceCategory.PT_OT, therapyVisits);
				}
			}
		}

		private List<Service> plan() {
			List<Service> services = new ArrayList<>();
			Person p = this.person;
			DemoProviders providers = DemoPopulation.this.providers;
			// Uniform from 0 to 2n - 2 (mean n - 1), plus one per chronic condition and
			// the
			// screenings below: about n claims per member in all.
			int count = this.r.nextInt(Math.max(1, 2 * DemoPopulation.this.claimsPerMember - 1))
					+ p.conditions().size();
			for (int i = 0; i < count; i++) {
				int kind = this.r.nextInt(100);
				Provider pcp = (p.pcp() != null) ? p.pcp()
						: providers.primaryCareFor(this.r, p.state(), p.age(), p.productIndex());
				if (kind < 38) {
					services.add(service(pick(DemoCatalog.PCP_VISITS), pcp, false, diagnoses(), 1, 1));
				}
				else if (kind < 56) {
					Provider specialist = specialistFor(p);
					services.add(service(pick(DemoCatalog.SPECIALIST_VISITS), specialist, false, diagnoses(), 1, 1));
				}
				else if (kind < 69) {
					services.add(service(pick(DemoCatalog.LABS), providers.lab(p.state()), false, diagnoses(), 1, 1));
				}
				else if (kind < 76) {
					Procedure preventive = (p.age() < 18) ? DemoCatalog.CHILD_PREVENTIVE : pick(DemoCatalog.PREVENTIVE);
					services.add(service(preventive, pcp, false, new String[] { (p.age() < 18) ? "Z00.129" : "Z00.00" },
							1, 1));
				}
				else if (kind < 80) {
					services.add(service(pick(DemoCatalog.IMAGING), providers.facility(this.r, p.state()), true,
							diagnoses(), 1, 1));
				}
				else if (kind < 83) {
					services.add(service(pick(DemoCatalog.EMERGENCY), providers.facility(this.r, p.state()), true,
							diagnoses(), 1, 1));
				}
				else if (kind < 86) {
					services.add(service(DemoCatalog.URGENT, pcp, false, diagnoses(), 1, 1));
				}
				else if (kind < 91) {
					services.add(service(pick(DemoCatalog.BEHAVIORAL),
							providers.behavioral(this.r, p.state(), p.productIndex()), false,
							new String[] { pick(DemoCatalog.BEHAVIORAL_DIAGNOSES) }, 1, 1));
				}
				else if (kind < 95) {
					services.add(
							service(pick(DemoCatalog.THERAPY), providers.therapist(this.r, p.state(), p.productIndex()),
									false, new String[] { "M54.50" }, 2 + this.r.nextInt(3), 1));
				}
				else if (kind < 97) {
					services.add(service(pick(DemoCatalog.SURGERY), providers.facility(this.r, p.state()), true,
							diagnoses(), 1, 1));
				}
				else if (kind < 98) {
					services.add(service(DemoCatalog.INPATIENT_DAY, providers.facility(this.r, p.state()), true,
							diagnoses(), 1, 2 + this.r.nextInt(5)));
				}
				else {
					services.add(
							service(pick(DemoCatalog.DME), providers.dmeSupplier(p.state()), false, diagnoses(), 1, 1));
				}
			}
			addQualityServices(services, p, providers);
			return services;
		}

		/**
		 * Screenings and monitoring that most, but not all, members who need them get.
		 */
		private void addQualityServices(List<Service> services, Person p, DemoProviders providers) {
			if (p.conditions().contains(Condition.DIABETES)) {
				int tests = (this.r.nextInt(100) < 72) ? 1 + this.r.nextInt(3) : 0;
				for (int i = 0; i < tests; i++) {
					services.add(service(DemoCatalog.HBA1C, providers.lab(p.state()), false,
							new String[] { Condition.DIABETES.codes[0] }, 1, 1));
				}
				if (this.r.nextInt(100) < 55) {
					services.add(service(DemoCatalog.EYE_EXAM,
							providers.specialist(this.r, p.state(), "207W00000X", p.productIndex()), false,
							new String[] { Condition.DIABETES.codes[0] }, 1, 1));
				}
			}
			if (p.female() && p.age() >= 50 && p.age() <= 74 && this.r.nextInt(100) < 68) {
				services.add(service(DemoCatalog.MAMMOGRAM, providers.facility(this.r, p.state()), true,
						new String[] { "Z12.31" }, 1, 1));
			}
			if (p.age() >= 45 && p.age() <= 75 && this.r.nextInt(100) < 12) {
				services.add(service(DemoCatalog.COLONOSCOPY, providers.facility(this.r, p.state()), true,
						new String[] { "Z12.11" }, 1, 1));
			}
			if (this.r.nextInt(100) < 45) {
				services.add(service(DemoCatalog.FLU_VACCINE,
						(p.pcp() != null) ? p.pcp()
								: providers.primaryCareFor(this.r, p.state(), p.age(), p.productIndex()),
						false, new String[] { "Z23" }, 1, 1));
			}
		}

		private Provider specialistFor(Person p) {
			DemoProviders providers = DemoPopulation.this.providers;
			if (p.conditions().contains(Condition.DIABETES) && this.r.nextBoolean()) {
				return providers.specialist(this.r, p.state(), "207RE0101X", p.productIndex());
			}
			if (p.conditions().contains(Condition.HEART_FAILURE)
					|| p.conditions().contains(Condition.HYPERTENSION) && this.r.nextInt(3) == 0) {
				return providers.specialist(this.r, p.state(), "207RC0000X", p.productIndex());
			}
			if ((p.conditions().contains(Condition.ASTHMA) || p.conditions().contains(Condition.COPD))
					&& this.r.nextBoolean()) {
				return providers.specialist(this.r, p.state(), "207RP1001X", p.productIndex());
			}
			return providers.anySpecialist(this.r, p.state(), p.productIndex());
		}

		private Service service(Procedure procedure, Provider provider, boolean institutional, String[] diagnoses,
				int units, int days) {
			// The whole stay falls within coverage: the last day it can start is days - 1
			// before the end.
			long lastDay = ChronoUnit.DAYS.between(this.from, this.to);
			int stay = (int) Math.max(1, Math.min(days, lastDay + 1));
			LocalDate date = this.from.plusDays(this.r.nextLong(lastDay - (stay - 1) + 1));
			return new Service(date, procedure, provider, institutional, diagnoses, units, stay);
		}

		private String[] diagnoses() {
			Set<String> codes = new LinkedHashSet<>();
			codes.add(pick(DemoCatalog.ACUTE_DIAGNOSES));
			for (Condition c : this.person.conditions()) {
				if (this.r.nextInt(100) < 60) {
					codes.add(c.codes[this.r.nextInt(c.codes.length)]);
				}
			}
			return codes.toArray(String[]::new);
		}

		private void writeClaim(Service s, int ordinal) {
			Person p = this.person;
			LocalDate asOf = DemoPopulation.this.asOf;
			long claimId = p.number() * CLAIM_ID_STRIDE + ordinal;
			LocalDate serviceTo = s.date().plusDays(s.days() - 1);
			LocalDate received = min(serviceTo.plusDays(2 + this.r.nextInt(28)), asOf);
			boolean inNetwork = s.provider().inNetworkFor(p.productIndex());
			int network = inNetwork ? 0 : 1;
			ProductDesign product = p.product();
			int outcome = this.r.nextInt(100);
			ClaimStatus status;
			ClaimStatusCategory category;
			String denialReason = null;
			String denialRemark = null;
			if (ChronoUnit.DAYS.between(received, asOf) < 4) {
				status = ClaimStatus.RECEIVED;
				category = this.r.nextBoolean() ? ClaimStatusCategory.A1 : ClaimStatusCategory.A2;
			}
			else if (outcome < 4) {
				status = ClaimStatus.PENDED;
				category = pick(new ClaimStatusCategory[] { ClaimStatusCategory.P1, ClaimStatusCategory.P2,
						ClaimStatusCategory.P3, ClaimStatusCategory.P5 });
			}
			else if (!inNetwork && !product.outOfNetworkCovered()
					&& s.procedure().category() != ServiceCategory.EMERGENCY_ROOM) {
				status = ClaimStatus.DENIED;
				category = ClaimStatusCategory.F2;
				denialReason = "242";
			}
			else if (outcome < 11) {
				status = ClaimStatus.DENIED;
				category = ClaimStatusCategory.F2;
				String[][] reasons = { { "197", "N54" }, { "18", null }, { "29", null }, { "16", "MA130" },
						{ "50", "N130" }, { "96", "N130" }, { "22", "MA04" }, { "151", "N362" }, { "4", "M51" } };
				String[] reason = (s.procedure().category() == ServiceCategory.HIGH_TECH_IMAGING) ? reasons[0]
						: reasons[1 + this.r.nextInt(reasons.length - 1)];
				denialReason = reason[0];
				denialRemark = reason[1];
			}
			else if (outcome < 14) {
				status = ClaimStatus.ADJUSTED;
				category = ClaimStatusCategory.F3;
			}
			else {
				status = ClaimStatus.PAID;
				category = ClaimStatusCategory.F1;
			}
			boolean finalized = status.isFinal();
			LocalDate adjudicated = finalized ? min(received.plusDays(3 + this.r.nextInt(18)), asOf) : null;

			int lineCount = 1;
			List<Procedure> procedures = new ArrayList<>();
			procedures.add(s.procedure());
			if (s.procedure().category() == ServiceCategory.LAB) {
				procedures.add(DemoCatalog.VENIPUNCTURE);
				lineCount = 2;
			}
			else if (this.r.nextInt(100) < 25 && s.procedure().category() == ServiceCategory.PCP_OFFICE_VISIT) {
				procedures.add(pick(DemoCatalog.LABS));
				lineCount = 2;
			}
			long totalBilled = 0;
			long totalAllowed = 0;
			long totalPaid = 0;
			long totalPatient = 0;
			List<ClaimFeed.Line> lines = new ArrayList<>(lineCount);
			List<Object[]> adjustments = new ArrayList<>();
			boolean copayTaken = false;
			for (int l = 0; l < lineCount; l++) {
				Procedure proc = procedures.get(l);
				int units = (l == 0) ? (proc == DemoCatalog.INPATIENT_DAY ? s.days() : s.units()) : 1;
				long fee = Math.round(proc.fee() * product.tier().feeFactor * 100) * units;
				long billed = Math.round(fee * (1.6 + this.r.nextDouble()) / 100.0) * 100;
				long allowed = (status == ClaimStatus.DENIED || status == ClaimStatus.RECEIVED
						|| status == ClaimStatus.PENDED) ? 0 : fee;
				long deductible = 0;
				long coinsurance = 0;
				long copay = 0;
				if (allowed > 0) {
					long[] share = costShare(proc.category(), network, allowed, !copayTaken);
					deductible = share[0];
					coinsurance = share[1];
					copay = share[2];
					copayTaken |= copay > 0;
				}
				long patient = deductible + coinsurance + copay;
				long paid = Math.max(0, allowed - patient);
				if (status == ClaimStatus.ADJUSTED) {
					paid = Math.max(0, paid - Math.round(paid * 0.1));
				}
				totalBilled += billed;
				totalAllowed += allowed;
				totalPaid += paid;
				totalPatient += patient;
				int line = l + 1;
				lines.add(new ClaimFeed.Line(claimId, line, s.date(), proc.code(), null,
						s.institutional() ? ((proc.revenueCode() != null) ? proc.revenueCode() : "0360") : null, units,
						money(billed), money(allowed), money(paid), money(patient)));
				int seq = 1;
				if (denialReason != null) {
					adjustments.add(new Object[] { line, seq++, "242".equals(denialReason) ? "PR" : "CO", denialReason,
							denialRemark, money(billed) });
				}
				else if (finalized) {
					if (billed > allowed) {
						adjustments.add(new Object[] { line, seq++, "CO", "45", null, money(billed - allowed) });
					}
					if (deductible > 0) {
						adjustments.add(new Object[] { line, seq++, "PR", "1", null, money(deductible) });
					}
					if (coinsurance > 0) {
						adjustments.add(new Object[] { line, seq++, "PR", "2", null, money(coinsurance) });
					}
					if (copay > 0) {
						adjustments.add(new Object[] { line, seq++, "PR", "3", null, money(copay) });
					}
					if (status == ClaimStatus.ADJUSTED) {
						long reduction = allowed - patient - paid;
						if (reduction > 0) {
							adjustments.add(new Object[] { line, seq++, "CO", "97", "M15", money(reduction) });
						}
					}
				}
			}
			if (status == ClaimStatus.PAID && totalPaid == 0) {
				status = ClaimStatus.FINALIZED;
				category = ClaimStatusCategory.F4;
			}
			Long paymentId = null;
			if (totalPaid > 0 && adjudicated != null) {
				LocalDate friday = adjudicated.with(TemporalAdjusters.nextOrSame(DayOfWeek.FRIDAY));
				adjudicated = min(friday, asOf);
				paymentId = s.provider().payeeOrdinal() * 100_000L + friday.toEpochDay() / 7;
			}
			Provider rendering = s.provider();
			this.claims.claim(new ClaimFeed.Claim(claimId, ClaimNumber.of(received.getYear(), claimId),
					s.institutional(), '1', null, p.id(), p.firstName(), p.lastName(), p.birthDate(), product.code(),
					rendering.payeeNpi(), rendering.npi(), rendering.payeeNpi(), s.procedure().placeOfService(),
					s.date(), serviceTo, received, adjudicated, status, category, s.diagnoses(), money(totalBilled),
					money(totalAllowed), money(totalPaid), money(totalPatient), paymentId));
			for (ClaimFeed.Line line : lines) {
				this.claims.line(line);
			}
			for (Object[] a : adjustments) {
				this.claims.adjustment(claimId, (int) a[0], (int) a[1], (String) a[2], (String) a[3], (String) a[4],
						(BigDecimal) a[5]);
			}
		}

		/**
		 * Deductible, coinsurance and copay for a line, in cents, updating the
		 * accumulators.
		 */
		private long[] costShare(ServiceCategory category, int network, long allowed, boolean copayAllowed) {
			ProductDesign product = this.person.product();
			Tier tier = product.tier();
			DemoBenefits.Share benefit = DemoBenefits.share(product, category, network == 0 ? Network.IN : Network.OUT);
			long outOfPocketMax = (long) product.outOfPocket() * 100 * (network == 0 ? 1 : 2);
			long deductibleMax = (long) product.deductible() * 100 * (network == 0 ? 1 : 2);
			long remaining = allowed;
			long deductible = 0;
			if (benefit.deductibleApplies() && tier == Tier.COMMERCIAL) {
				deductible = Math.min(remaining, Math.max(0, deductibleMax - this.deductibleMet[network]));
				remaining -= deductible;
			}
			long copay = copayAllowed ? Math.min(remaining, benefit.copay() * 100L) : 0;
			remaining -= copay;
			long coinsurance = remaining * benefit.coinsurancePercent() / 100;
			long patient = deductible + copay + coinsurance;
			if (outOfPocketMax > 0) {
				long room = Math.max(0, outOfPocketMax - this.outOfPocketMet[network]);
				if (patient > room) {
					long over = patient - room;
					long fromCoinsurance = Math.min(over, coinsurance);
					coinsurance -= fromCoinsurance;
					over -= fromCoinsurance;
					long fromCopay = Math.min(over, copay);
					copay -= fromCopay;
					over -= fromCopay;
					deductible -= Math.min(over, deductible);
				}
			}
			this.deductibleMet[network] += deductible;
			this.outOfPocketMet[network] += deductible + copay + coinsurance;
			return new long[] { deductible, coinsurance, copay };
		}

		private <T> T pick(T[] values) {
			return values[this.r.nextInt(values.length)];
		}

	}

	static BigDecimal money(long cents) {
		return BigDecimal.valueOf(cents, 2);
	}

	private static LocalDate min(LocalDate a, LocalDate b) {
		return a.isBefore(b) ? a : b;
	}

	private static LocalDate max(LocalDate a, LocalDate b) {
		return a.isAfter(b) ? a : b;
	}

}
