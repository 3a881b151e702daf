package org.portico.members;

import java.time.LocalDate;
import java.util.List;

import org.portico.providers.Npi;

/**
 * A care plan of a Unify member: the treatment the member and their care team discussed
 * and agreed on, as one signed version of the document. A reassessment writes the next
 * version and supersedes this one.
 *
 * @param id the document's number
 * @param member whose plan it is
 * @param kind which plan
 * @param version 1 for the first plan of its kind, one more at each reassessment
 * @param status whether this is the version in force
 * @param assessedDate when the assessment behind it was done
 * @param signedDate when the member or their representative signed it, null while not
 * signed
 * @param updatedDate when it last changed
 * @param nextReviewDate when the care team reviews it next
 * @param memberPreferences what the member asked for, in their words
 * @param careTeam who cares for the member under it
 * @param goals what the member wants to reach
 * @param services the services and interventions agreed to get there
 */
public record CarePlan(long id, MemberId member, Kind kind, int version, Status status, LocalDate assessedDate,
		LocalDate signedDate, LocalDate updatedDate, LocalDate nextReviewDate, String memberPreferences,
		List<TeamMember> careTeam, List<Goal> goals, List<Service> services) {

	public CarePlan {
		careTeam = List.copyOf(careTeam);
		goals = List.copyOf(goals);
		services = List.copyOf(services);
	}

	public Summary summary() {
		return new Summary(this.id, this.kind, this.version, this.status, this.signedDate, this.updatedDate);
	}

	/** The kinds of care plan the Unify care model writes. */
	public enum Kind {

		/** The whole plan of care, built with the member around what matters to them. */
		PERSON_CENTERED,

		/** Home and community services that let the member live at home. */
		LONG_TERM_SUPPORTS,

		/** Behavioral health treatment and what to do in a crisis. */
		BEHAVIORAL_HEALTH;

		public String messageKey() {
			return "care-plan.kind." + name();
		}

	}

	public enum Status {

		CURRENT, SUPERSEDED;

		public String messageKey() {
			return "care-plan.status." + name();
		}

	}

	/**
	 * A member of the care team: a provider by NPI, anyone else by name.
	 *
	 * @param role their part in the member's care
	 * @param npi the provider's NPI, or null
	 * @param name the person's name, or null for a provider looked up by NPI
	 * @param phone how to reach them, or null
	 */
	public record TeamMember(Role role, Npi npi, String name, String phone) {

	}

	public enum Role {

		PCP, CARE_COORDINATOR, LTS_COORDINATOR, BEHAVIORAL_HEALTH, SPECIALIST, CAREGIVER;

		public String messageKey() {
			return "care-plan.role." + name();
		}

	}

	/** A goal and the health concern or need it answers. */
	public record Goal(String concern, String goal, LocalDate targetDate, GoalStatus status) {

	}

	public enum GoalStatus {

		NOT_STARTED, IN_PROGRESS, MET;

		public String messageKey() {
			return "care-plan.goal-status." + name();
		}

	}

	/** A service or intervention: what, how often, and by whom. */
	public record Service(String service, String frequency, String providedBy) {

	}

	/** A care plan as a list of documents shows it. */
	public record Summary(long id, Kind kind, int version, Status status, LocalDate signedDate, LocalDate updatedDate) {

	}

}
