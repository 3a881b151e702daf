package org.portico.platform.uploads;

/** Looks for viruses in a file before the portal keeps it. */
interface VirusScanner {

	Verdict scan(byte[] content);

	enum Verdict {

		/** Nothing found. */
		CLEAN,

		/** The scanner found something harmful. */
		INFECTED,

		/** The scanner could not be asked or could not answer: the file is not kept. */
		UNAVAILABLE,

		/** No scanner is configured. */
		NOT_SCANNED

	}

}
