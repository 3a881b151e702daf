package org.portico.authorizations;

/**
 * The levels of behavioral health care, from the least to the most intensive.
 */
public enum LevelOfCare {

	OUTPATIENT, INTENSIVE_OUTPATIENT, PARTIAL_HOSPITALIZATION, RESIDENTIAL, INPATIENT;

	public String messageKey() {
		return "bh.level." + name();
	}

}
