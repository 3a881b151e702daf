package org.portico.members;

import java.time.LocalDate;
import java.util.List;
import java.util.Locale;

/**
 * One row of a batch eligibility result, in the order of the file: what was typed, and
 * what was found on the date of service. A member not found by an exact identifying match
 * shows nothing but the reason.
 *
 * @param line the line of the file
 * @param input the row as typed
 * @param outcome covered, not covered, or an error
 * @param dateOfService the date checked: the row's own, or the day of the upload
 * @param member the member found; null for an error
 * @param firstName the member's first name; null for an error
 * @param lastName the member's last name; null for an error
 * @param coverage the coverage on the date of service; null unless covered
 * @param pcpNpi the member's PCP on the date of service, if covered and assigned one
 * @param problems why the row is in error; empty otherwise
 */
public record EligibilityBatchRow(int line, EligibilityBatchFile.Row input, Outcome outcome, LocalDate dateOfService,
		MemberId member, String firstName, String lastName, Coverage coverage, String pcpNpi, List<Problem> problems) {

	/** The coverage on the date of service, as the result file shows it. */
	public record Coverage(String productName, LineOfBusiness lineOfBusiness, String groupNumber, String groupName,
			LocalDate effectiveDate, LocalDate terminationDate) {
	}

	public enum Outcome {

		COVERED, NOT_COVERED, ERROR

	}

	/** Why a row could not be checked, in words a front desk understands. */
	public enum Problem {

		/** Neither a member ID nor a name and date of birth. */
		NO_IDENTIFIER,

		MEMBER_ID, FIRST_NAME, LAST_NAME, NAME_TOO_LONG, BIRTH_DATE, BIRTH_DATE_FUTURE, DATE_OF_SERVICE,

		/** No member matches exactly. */
		NOT_FOUND,

		/** More than one member has the name and date of birth. */
		AMBIGUOUS,

		/** The member ID belongs to a member of another name or date of birth. */
		DOES_NOT_MATCH,

		/**
		 * The user lost eligibility access to the provider before the row was checked.
		 */
		NO_ACCESS,

		/** Something went wrong checking this row. */
		FAILED;

		public String messageKey() {
			return "eligibility.batch.problem." + name().toLowerCase(Locale.ROOT).replace('_', '-');
		}

	}

	public String name() {
		return (this.firstName == null) ? null : this.firstName + " " + this.lastName;
	}

}
