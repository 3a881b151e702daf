package org.portico.authorizations;

import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * ICD-10-CM diagnosis codes as requests take them: the format checked, the dot optional,
 * and a description from the short list of codes offices use most with referrals and
 * authorizations. A code in the right format that is not on the list is accepted without
 * a description; the plan's claim system holds the full code set.
 */
public final class Diagnoses {

	/**
	 * A letter (not U, reserved), two characters of which the second is a digit, then up
	 * to four more after an optional dot.
	 */
	private static final Pattern FORMAT = Pattern.compile("[A-TV-Z][0-9][0-9A-Z](\\.?[0-9A-Z]{1,4})?");

	private static final Map<String, String> DESCRIBED = new TreeMap<>();

	static {
		d("E11.9", "Type 2 diabetes mellitus without complications");
		d("E11.65", "Type 2 diabetes mellitus with hyperglycemia");
		d("E66.9", "Obesity, unspecified");
		d("E78.5", "Hyperlipidemia, unspecified");
		d("F32.9", "Major depressive disorder, single episode, unspecified");
		d("F33.1", "Major depressive disorder, recurrent, moderate");
		d("F41.1", "Generalized anxiety disorder");
		d("F43.10", "Post-traumatic stress disorder, unspecified");
		d("F10.20", "Alcohol dependence, uncomplicated");
		d("F20.9", "Schizophrenia, unspecified");
		d("F31.9", "Bipolar disorder, unspecified");
		d("G43.909", "Migraine, unspecified, not intractable, without status migrainosus");
		d("G47.33", "Obstructive sleep apnea (adult) (pediatric)");
		d("H25.9", "Unspecified age-related cataract");
		d("I10", "Essential (primary) hypertension");
		d("I25.10", "Atherosclerotic heart disease of native coronary artery without angina pectoris");
		d("I48.91", "Unspecified atrial fibrillation");
		d("I50.9", "Heart failure, unspecified");
		d("I63.9", "Cerebral infarction, unspecified");
		d("J44.9", "Chronic obstructive pulmonary disease, unspecified");
		d("J45.909", "Unspecified asthma, uncomplicated");
		d("K21.9", "Gastro-esophageal reflux disease without esophagitis");
		d("K57.30", "Diverticulosis of large intestine without perforation or abscess without bleeding");
		d("L40.0", "Psoriasis vulgaris");
		d("M17.11", "Unilateral primary osteoarthritis, right knee");
		d("M17.12", "Unilateral primary osteoarthritis, left knee");
		d("M25.561", "Pain in right knee");
		d("M54.50", "Low back pain, unspecified");
		d("M54.2", "Cervicalgia");
		d("M75.101", "Unspecified rotator cuff tear or rupture of right shoulder, not specified as traumatic");
		d("N18.3", "Chronic kidney disease, stage 3 (moderate)");
		d("N40.0", "Benign prostatic hyperplasia without lower urinary tract symptoms");
		d("R07.9", "Chest pain, unspecified");
		d("R10.9", "Unspecified abdominal pain");
		d("R51.9", "Headache, unspecified");
		d("S83.511A", "Sprain of anterior cruciate ligament of right knee, initial encounter");
		d("Z12.11", "Encounter for screening for malignant neoplasm of colon");
		d("Z00.00", "Encounter for general adult medical examination without abnormal findings");
	}

	private static void d(String code, String description) {
		DESCRIBED.put(code, description);
	}

	private Diagnoses() {
	}

	/**
	 * Whether the text is an ICD-10-CM code in the right format, with or without the dot.
	 */
	public static boolean isValid(String text) {
		return text != null && FORMAT.matcher(compact(text)).matches();
	}

	/**
	 * The code as stored and shown: upper case with the dot after the third character.
	 * @throws IllegalArgumentException when not in the format
	 */
	public static String normalize(String text) {
		if (!isValid(text)) {
			throw new IllegalArgumentException("An ICD-10-CM code is a letter, two characters and up to four more");
		}
		String code = compact(text).replace(".", "");
		return (code.length() > 3) ? code.substring(0, 3) + "." + code.substring(3) : code;
	}

	/** The description of a code on the list. */
	public static Optional<String> describe(String code) {
		return isValid(code) ? Optional.ofNullable(DESCRIBED.get(normalize(code))) : Optional.empty();
	}

	/** The codes on the list with their descriptions, by code. */
	public static Map<String, String> listed() {
		return java.util.Collections.unmodifiableMap(DESCRIBED);
	}

	private static String compact(String text) {
		return text.strip().toUpperCase(Locale.ROOT);
	}

}
