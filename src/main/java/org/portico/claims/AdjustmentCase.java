package org.portico.claims;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

import org.portico.providers.Npi;

/**
 * An adjustment case as the office that opened it and the claims staff see it.
 *
 * @param reason the refund reason or dispute category, by name, or null
 * @param reasonText why, in the office's words: the correction's reason, the dispute's
 * narrative, or the "other" refund reason
 * @param assignedTo the claims staff member working it, or null
 * @param decisionReason why it was resolved as it was, or null while open
 */
public record AdjustmentCase(TrackingNumber tracking, AdjustmentType type, ClaimNumber claim, Npi payeeNpi,
		String requestedBy, CaseStatus status, Instant submittedAt, Instant updatedAt, String assignedTo, String reason,
		String reasonText, BigDecimal refundAmount, String refundMethod, String decisionReason,
		List<AdjustmentRequest.CorrectedLine> lines, List<Event> history, List<Attachment> attachments) {

	public AdjustmentCase {
		lines = List.copyOf(lines);
		history = List.copyOf(history);
		attachments = List.copyOf(attachments);
	}

	/**
	 * Whether more files may still be added: at most {@value #MAX_ATTACHMENTS} a case.
	 */
	public boolean mayAddFiles() {
		return this.status == CaseStatus.MORE_INFORMATION_REQUESTED && this.attachments.size() < MAX_ATTACHMENTS;
	}

	/** The most files a case holds. */
	public static final int MAX_ATTACHMENTS = 10;

	/** A change of status. */
	public record Event(CaseStatus status, Instant at, String by, String note) {
	}

	/** A file kept with the case. */
	public record Attachment(long id, String name, String mediaType, int size, Instant uploadedAt, String uploadedBy) {
	}

	/** A case in a list. */
	public record Summary(TrackingNumber tracking, AdjustmentType type, ClaimNumber claim, Npi payeeNpi,
			String requestedBy, CaseStatus status, Instant submittedAt, Instant updatedAt, String assignedTo) {
	}

	/** A kept file's bytes, to download. */
	public record File(String name, String mediaType, byte[] content) {
	}

}
