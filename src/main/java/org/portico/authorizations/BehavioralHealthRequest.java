package org.portico.authorizations;

import java.util.List;

/**
 * A behavioral health services request as the office and the reviewer read it.
 *
 * @param request what every request has
 * @param levelOfCare the level of care asked for
 * @param diagnosisCode the ICD-10-CM code
 * @param clinicalInformation the clinical picture in the provider's words
 * @param attachments the files sent with it
 */
public record BehavioralHealthRequest(AuthorizationRequest request, LevelOfCare levelOfCare, String diagnosisCode,
		String clinicalInformation, List<Attachment> attachments) {

	public String diagnosisDescription() {
		return Diagnoses.describe(this.diagnosisCode).orElse(null);
	}

	/**
	 * A file sent with a request, without its content.
	 *
	 * @param id the file's id
	 * @param name its display name
	 * @param mediaType what it is
	 * @param size its size in bytes
	 */
	public record Attachment(long id, String name, String mediaType, long size) {
	}

}
