package org.portico.reports;

import java.time.LocalDate;
import java.time.Period;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * A care gap measure: who is in the denominator on a date, and which services, each in
 * its own look-back up to that date, close the gap (the numerator). Each definition is
 * written out in words on the clinical quality page (message keys
 * {@code reports.measure.NAME.*}).
 */
public enum CareGapMeasure {

	/** Members with diabetes, 18 to 75, with an HbA1c test in the last 12 months. */
	HBA1C_TESTING(Registry.DIABETES, 18, 75, null,
			Map.of(12, Set.of("83036", "83037", "3044F", "3046F", "3051F", "3052F"))),

	/**
	 * Members with diabetes, 18 to 75, with a retinal or dilated eye exam in 12 months.
	 */
	DIABETIC_EYE_EXAM(Registry.DIABETES, 18, 75, null,
			Map.of(12, Set.of("92002", "92004", "92012", "92014", "92250", "2022F", "2023F"))),

	/** Women 50 to 74 with a mammogram in the last 27 months. */
	BREAST_CANCER_SCREENING(null, 50, 74, "F", Map.of(27, Set.of("77065", "77066", "77067"))),

	/**
	 * Members 45 to 75 with a colonoscopy in 10 years, a flexible sigmoidoscopy or CT
	 * colonography in 5, a stool DNA test in 3, or a stool blood test in 1.
	 */
	COLORECTAL_CANCER_SCREENING(null, 45, 75, null,
			Map.of(120, Set.of("45378", "45380", "45381", "45384", "45385", "45388"), 60,
					Set.of("45330", "45331", "45333", "45338", "74261", "74262", "74263"), 36, Set.of("81528"), 12,
					Set.of("82270", "82274"))),

	/** Members 65 and older with a flu vaccine in the last 12 months. */
	FLU_VACCINE_65_PLUS(null, 65, 200, null, Map.of(12,
			Set.of("90653", "90662", "90672", "90674", "90682", "90686", "90688", "90694", "90756", "G0008")));

	private final Registry registry;

	private final int minimumAge;

	private final int maximumAge;

	private final String gender;

	/** Look-back in months, and the procedure codes that count in it. */
	private final Map<Integer, Set<String>> numerator;

	CareGapMeasure(Registry registry, int minimumAge, int maximumAge, String gender,
			Map<Integer, Set<String>> numerator) {
		this.registry = registry;
		this.minimumAge = minimumAge;
		this.maximumAge = maximumAge;
		this.gender = gender;
		this.numerator = new LinkedHashMap<>(numerator);
	}

	/** The registry the denominator needs, or null. */
	public Registry registry() {
		return this.registry;
	}

	public Map<Integer, Set<String>> numerator() {
		return this.numerator;
	}

	/**
	 * Whether a member of this age and gender (without the registry) is of the
	 * denominator on the date.
	 */
	boolean ageAndGenderFit(LocalDate birthDate, String memberGender, LocalDate on) {
		int age = Period.between(birthDate, on).getYears();
		return age >= this.minimumAge && age <= this.maximumAge
				&& (this.gender == null || this.gender.equals(memberGender));
	}

	public String messageKey() {
		return "reports.measure." + name();
	}

	public String slug() {
		return name().toLowerCase().replace('_', '-');
	}

	public static CareGapMeasure fromSlug(String slug) {
		for (CareGapMeasure m : values()) {
			if (m.slug().equals(slug)) {
				return m;
			}
		}
		return null;
	}

}
