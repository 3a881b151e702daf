package org.portico.reports;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.portico.claims.ClaimReporting.ClinicalEvidence;
import org.portico.members.MemberId;
import org.portico.members.PanelReporting.PanelMember;

/**
 * Disease registries and care gaps for every PCP's panel, from dated diagnosis and
 * procedure codes per member. Plain Java, so that the rules can be read and tested apart
 * from the database: evidence goes in, then panel members one at a time, and totals per
 * PCP (and for the whole plan, under {@link #PLAN}) come out.
 */
final class QualityComputation {

	/** The key of the whole plan's totals. */
	static final String PLAN = "*";

	/** Months of trend, the as-of date's month last. */
	static final int TREND_MONTHS = 12;

	private final LocalDate asOf;

	private final List<LocalDate> trendDates = new ArrayList<>();

	private final Map<String, Integer> codeIndex = new HashMap<>();

	private final Map<MemberId, List<long[]>> evidence = new HashMap<>();

	/** PCP → registry → members. */
	final Map<String, Map<Registry, Integer>> registries = new HashMap<>();

	/** PCP → measure → month → {denominator, numerator}. */
	final Map<String, Map<CareGapMeasure, Map<YearMonth, int[]>>> rates = new HashMap<>();

	/** PCP → measure → members with the gap open on the as-of date. */
	final Map<String, Map<CareGapMeasure, List<MemberId>>> openGaps = new HashMap<>();

	QualityComputation(LocalDate asOf) {
		this.asOf = asOf;
		YearMonth last = YearMonth.from(asOf);
		for (int i = TREND_MONTHS - 1; i >= 0; i--) {
			YearMonth month = last.minusMonths(i);
			this.trendDates.add((i == 0) ? asOf : month.atEndOfMonth());
		}
	}

	/** The diagnosis codes to ask the claims for. */
	static Set<String> diagnosisCodes() {
		Set<String> codes = new LinkedHashSet<>();
		for (Registry r : Registry.values()) {
			codes.addAll(r.codes());
		}
		return codes;
	}

	/** The procedure codes to ask the claims for. */
	static Set<String> procedureCodes() {
		Set<String> codes = new LinkedHashSet<>();
		for (CareGapMeasure m : CareGapMeasure.values()) {
			m.numerator().values().forEach(codes::addAll);
		}
		return codes;
	}

	/** The first date of service any rule looks at. */
	LocalDate evidenceFrom() {
		int longest = Registry.LOOK_BACK_MONTHS;
		for (CareGapMeasure m : CareGapMeasure.values()) {
			for (int months : m.numerator().keySet()) {
				longest = Math.max(longest, months);
			}
		}
		return this.trendDates.get(0).minusMonths(longest);
	}

	void add(ClinicalEvidence e) {
		int code = this.codeIndex.computeIfAbsent(e.code(), (c) -> this.codeIndex.size());
		this.evidence.computeIfAbsent(e.member(), (m) -> new ArrayList<>(4))
			.add(new long[] { code, e.date().toEpochDay() });
	}

	private final Set<MemberId> counted = new java.util.HashSet<>();

	/**
	 * Counts one member on their PCP's panel and in the plan's totals; a member with two
	 * PCP assignments open on the date counts once, with the first.
	 */
	void count(PanelMember member) {
		if (!this.counted.add(member.member())) {
			return;
		}
		List<long[]> found = this.evidence.getOrDefault(member.member(), List.of());
		String pcp = member.pcp().value();
		for (Registry registry : Registry.values()) {
			if (has(found, registry.codes(), Registry.LOOK_BACK_MONTHS, this.asOf)) {
				for (String key : new String[] { pcp, PLAN }) {
					this.registries.computeIfAbsent(key, (k) -> new EnumMap<>(Registry.class))
						.merge(registry, 1, Integer::sum);
				}
			}
		}
		for (CareGapMeasure measure : CareGapMeasure.values()) {
			for (LocalDate on : this.trendDates) {
				if (!inDenominator(measure, member, found, on)) {
					continue;
				}
				boolean met = met(measure, found, on);
				for (String key : new String[] { pcp, PLAN }) {
					int[] counts = this.rates.computeIfAbsent(key, (k) -> new EnumMap<>(CareGapMeasure.class))
						.computeIfAbsent(measure, (m) -> new java.util.TreeMap<>())
						.computeIfAbsent(YearMonth.from(on), (m) -> new int[2]);
					counts[0]++;
					if (met) {
						counts[1]++;
					}
				}
				if (!met && on.equals(this.asOf)) {
					this.openGaps.computeIfAbsent(pcp, (k) -> new EnumMap<>(CareGapMeasure.class))
						.computeIfAbsent(measure, (m) -> new ArrayList<>())
						.add(member.member());
				}
			}
		}
	}

	private boolean inDenominator(CareGapMeasure measure, PanelMember member, List<long[]> found, LocalDate on) {
		if (!measure.ageAndGenderFit(member.birthDate(), member.gender(), on)) {
			return false;
		}
		return measure.registry() == null || has(found, measure.registry().codes(), Registry.LOOK_BACK_MONTHS, on);
	}

	private boolean met(CareGapMeasure measure, List<long[]> found, LocalDate on) {
		for (Map.Entry<Integer, Set<String>> rule : measure.numerator().entrySet()) {
			if (has(found, rule.getValue(), rule.getKey(), on)) {
				return true;
			}
		}
		return false;
	}

	/**
	 * Whether one of the codes was on a claim with service in the months up to the date:
	 * after the same day that many months before, and on or before the date.
	 */
	private boolean has(List<long[]> found, Set<String> codes, int months, LocalDate on) {
		long after = on.minusMonths(months).toEpochDay();
		long until = on.toEpochDay();
		for (long[] e : found) {
			if (e[1] > after && e[1] <= until && codes.contains(codeOf((int) e[0]))) {
				return true;
			}
		}
		return false;
	}

	private final Map<Integer, String> codes = new HashMap<>();

	private String codeOf(int index) {
		if (this.codes.size() != this.codeIndex.size()) {
			this.codeIndex.forEach((code, i) -> this.codes.put(i, code));
		}
		return this.codes.get(index);
	}

}
