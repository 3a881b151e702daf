package org.portico.members;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import org.portico.providers.Npi;

/**
 * A batch eligibility job as its owner sees it: the file, the provider it acts for, how
 * far the check has come and when the result is deleted.
 *
 * @param id the job's id, random so that it cannot be guessed
 * @param fileName the uploaded file's name
 * @param npi the provider the user acted for
 * @param status where the job is
 * @param rowCount the rows of the file
 * @param rowsDone the rows checked so far
 * @param covered rows of members covered on the date of service
 * @param notCovered rows of members found but not covered
 * @param errors rows that could not be checked, each with its reason
 * @param createdAt when the file was uploaded
 * @param expiresAt when the result is deleted; null until the job is done
 */
public record EligibilityBatch(UUID id, String fileName, Npi npi, Status status, int rowCount, int rowsDone,
		int covered, int notCovered, int errors, Instant createdAt, Instant expiresAt) {

	/** How long a finished job's result is kept. */
	public static final Duration KEPT = Duration.ofHours(24);

	public enum Status {

		/** Uploaded, waiting for a worker. */
		QUEUED,

		/** Being checked, a chunk of rows at a time. */
		RUNNING,

		/** Every row checked: the result can be downloaded until it expires. */
		DONE

	}

	public boolean done() {
		return this.status == Status.DONE;
	}

	/** Percent of the rows checked, rounded down. */
	public int percentDone() {
		return (this.rowCount == 0) ? 100 : (int) (100L * this.rowsDone / this.rowCount);
	}

}
