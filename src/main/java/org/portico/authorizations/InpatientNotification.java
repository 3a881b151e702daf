package org.portico.authorizations;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;

import org.portico.members.MemberId;
import org.portico.providers.Npi;

/**
 * A facility's report of an admission.
 *
 * @param number the notification number, such as {@code IPN-00000012}
 * @param facilityNpi the facility
 * @param member the member admitted
 * @param admitDate the date of admission
 * @param admitTime the time of admission
 * @param admissionType elective, urgent or emergency
 * @param admittingDiagnosis the ICD-10-CM code
 * @param attendingNpi the attending physician
 * @param dischargeDate the date of discharge, once reported
 * @param dischargeDisposition where the member went, once reported
 * @param reportedBy who reported the admission
 * @param reportedAt when
 */
public record InpatientNotification(String number, Npi facilityNpi, MemberId member, LocalDate admitDate,
		LocalTime admitTime, AdmissionType admissionType, String admittingDiagnosis, Npi attendingNpi,
		LocalDate dischargeDate, DischargeDisposition dischargeDisposition, String reportedBy, Instant reportedAt) {

	static final String PREFIX = "IPN-";

	public static String number(long id) {
		return String.format(PREFIX + "%08d", id);
	}

	public String admittingDiagnosisDescription() {
		return Diagnoses.describe(this.admittingDiagnosis).orElse(null);
	}

	public enum AdmissionType {

		ELECTIVE, URGENT, EMERGENCY;

		public String messageKey() {
			return "inpatient.type." + name();
		}

	}

	/** Where the member went at discharge. */
	public enum DischargeDisposition {

		HOME, HOME_HEALTH, SKILLED_NURSING, REHABILITATION, HOSPICE, TRANSFERRED, LEFT_AGAINST_ADVICE, EXPIRED;

		public String messageKey() {
			return "inpatient.disposition." + name();
		}

	}

}
