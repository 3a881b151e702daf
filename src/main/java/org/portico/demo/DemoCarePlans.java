package org.portico.demo;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

import org.portico.demo.DemoCatalog.Condition;
import org.portico.demo.DemoPopulation.Person;
import org.portico.members.CarePlan;
import org.portico.members.CarePlan.Goal;
import org.portico.members.CarePlan.GoalStatus;
import org.portico.members.CarePlan.Kind;
import org.portico.members.CarePlan.Role;
import org.portico.members.CarePlan.Service;
import org.portico.members.CarePlan.Status;
import org.portico.members.CarePlan.TeamMember;
import org.portico.members.MemberFeed;

/**
 * The care plans of a member whose product has them: a person-centered plan written a few
 * weeks after enrollment and rewritten at each yearly reassessment (the last three
 * versions on file), and for some members a long-term services and supports plan or a
 * behavioral health plan. Each member's plans draw from a random stream of their own, so
 * adding them changed none of the other generated rows.
 */
final class DemoCarePlans {

	/**
	 * Care plan ids are the member's number times this plus the document's ordinal, from
	 * 1.
	 */
	static final int ID_STRIDE = 10;

	private static final int VERSIONS_KEPT = 3;

	private static final String[] RELATIONS = { "daughter", "son", "sister", "brother", "niece", "neighbor", "friend" };

	private static final String[] PREFERENCES = { "I want to stay in my own home.",
			"I do not want to go to a nursing home.", "Morning appointments are best for me.",
			"Please call my family first; they help me with appointments.",
			"I speak Portuguese at home and want an interpreter at my visits.",
			"I speak Spanish at home and want an interpreter at my visits.", "I want fewer pills if that is possible.",
			"I like walking to the senior center and want to keep doing it.",
			"I prefer a woman provider for physical exams.", "Please send letters in large print.",
			"I want to keep going to church on Sundays.", "I do not drive; I need a ride to appointments.",
			"I want to be able to cook for myself again." };

	private final SplittableRandom r;

	private final Person person;

	private final LocalDate asOf;

	private final DemoProviders providers;

	private final String coordinator;

	private final String coordinatorPhone;

	private final String caregiver;

	private final String caregiverPhone;

	private final String preferences;

	private int documents;

	private DemoCarePlans(long seed, Person person, LocalDate asOf, DemoProviders providers) {
		this.r = new SplittableRandom(seed * 0xC2B2AE3D27D4EB4FL + person.number());
		this.person = person;
		this.asOf = asOf;
		this.providers = providers;
		this.coordinator = name() + ", RN";
		this.coordinatorPhone = String.format("855-555-%04d", this.r.nextInt(10000));
		boolean hasCaregiver = this.r.nextInt(100) < 65;
		this.caregiver = hasCaregiver ? name() + " (" + pick(RELATIONS) + ")" : null;
		this.caregiverPhone = hasCaregiver
				? (person.state().equals("RI") ? "401" : "508") + String.format("-555-%04d", this.r.nextInt(10000))
				: null;
		List<String> said = new ArrayList<>();
		for (int i = 0; i < 2 + this.r.nextInt(2); i++) {
			String preference = pick(PREFERENCES);
			if (!said.contains(preference)) {
				said.add(preference);
			}
		}
		this.preferences = String.join(" ", said);
	}

	/**
	 * Writes the member's care plans for their coverage from {@code enrolled} to
	 * {@code ends} (null while covered).
	 */
	static void write(long seed, LocalDate asOf, Person person, LocalDate enrolled, LocalDate ends,
			DemoProviders providers, MemberFeed.Writer members) {
		new DemoCarePlans(seed, person, asOf, providers).write(enrolled, ends, members);
	}

	private void write(LocalDate enrolled, LocalDate ends, MemberFeed.Writer members) {
		LocalDate until = (ends != null && ends.isBefore(this.asOf)) ? ends : this.asOf;
		List<LocalDate> assessments = new ArrayList<>();
		LocalDate next = enrolled.plusDays(20 + this.r.nextInt(55));
		while (!next.isAfter(until)) {
			assessments.add(next);
			next = next.plusMonths(11).plusDays(this.r.nextInt(60));
		}
		if (assessments.isEmpty()) {
			// Enrolled too recently: the first assessment is still to come.
			return;
		}
		int first = Math.max(0, assessments.size() - VERSIONS_KEPT);
		for (int v = first; v < assessments.size(); v++) {
			boolean current = v == assessments.size() - 1;
			members.carePlan(plan(Kind.PERSON_CENTERED, v + 1, current, assessments.get(v), until));
		}
		LocalDate latest = assessments.get(assessments.size() - 1);
		if (this.r.nextInt(100) < 45) {
			members.carePlan(plan(Kind.LONG_TERM_SUPPORTS, 1, true, latest.plusDays(this.r.nextInt(10)), until));
		}
		if (this.r.nextInt(100) < 25) {
			members.carePlan(plan(Kind.BEHAVIORAL_HEALTH, 1, true, latest.plusDays(this.r.nextInt(20)), until));
		}
	}

	private CarePlan plan(Kind kind, int version, boolean current, LocalDate assessed, LocalDate until) {
		LocalDate assessedOn = assessed.isAfter(until) ? until : assessed;
		LocalDate signed = assessedOn.plusDays(3 + this.r.nextInt(18));
		if (signed.isAfter(this.asOf)) {
			// Written, and waiting for the member's signature.
			signed = null;
		}
		LocalDate updated = (signed != null) ? signed : assessedOn;
		if (current && signed != null && this.r.nextInt(100) < 35) {
			LocalDate change = signed.plusDays(15 + this.r.nextInt(150));
			updated = change.isAfter(until) ? updated : change;
		}
		long id = this.person.number() * ID_STRIDE + (++this.documents);
		return new CarePlan(id, this.person.id(), kind, version, current ? Status.CURRENT : Status.SUPERSEDED,
				assessedOn, signed, updated, assessedOn.plusMonths(12), this.preferences, careTeam(kind),
				goals(kind, assessedOn, current), services(kind));
	}

	private List<TeamMember> careTeam(Kind kind) {
		List<TeamMember> team = new ArrayList<>();
		if (this.person.pcp() != null) {
			team.add(new TeamMember(Role.PCP, this.person.pcp().npi(), null, null));
		}
		team.add(new TeamMember(Role.CARE_COORDINATOR, null, this.coordinator, this.coordinatorPhone));
		if (kind == Kind.LONG_TERM_SUPPORTS) {
			team.add(new TeamMember(Role.LTS_COORDINATOR, null, name() + ", LSW",
					String.format("508-555-%04d", this.r.nextInt(10000))));
		}
		if (kind == Kind.BEHAVIORAL_HEALTH) {
			team.add(new TeamMember(Role.BEHAVIORAL_HEALTH,
					this.providers.behavioral(this.r, this.person.state(), this.person.productIndex()).npi(), null,
					null));
		}
		String specialty = specialtyFor(this.person);
		if (kind == Kind.PERSON_CENTERED && specialty != null) {
			team.add(new TeamMember(Role.SPECIALIST,
					this.providers.specialist(this.r, this.person.state(), specialty, this.person.productIndex()).npi(),
					null, null));
		}
		if (this.caregiver != null) {
			team.add(new TeamMember(Role.CAREGIVER, null, this.caregiver, this.caregiverPhone));
		}
		return team;
	}

	private static String specialtyFor(Person person) {
		if (person.conditions().contains(Condition.DIABETES)) {
			return "207RE0101X";
		}
		if (person.conditions().contains(Condition.HEART_FAILURE)) {
			return "207RC0000X";
		}
		if (person.conditions().contains(Condition.COPD) || person.conditions().contains(Condition.ASTHMA)) {
			return "207RP1001X";
		}
		return null;
	}

	private List<Goal> goals(Kind kind, LocalDate assessed, boolean current) {
		List<String[]> goals = new ArrayList<>();
		switch (kind) {
			case PERSON_CENTERED -> {
				for (Condition c : this.person.conditions()) {
					goals.add(switch (c) {
						case DIABETES -> new String[] { "Type 2 diabetes",
								"Keep HbA1c below 8% and check blood sugar before breakfast every day." };
						case HYPERTENSION -> new String[] { "High blood pressure",
								"Keep blood pressure below 140/90 and take blood pressure medicine every day." };
						case ASTHMA -> new String[] { "Asthma",
								"No emergency visits for breathing; use the controller inhaler every day." };
						case COPD -> new String[] { "COPD",
								"Walk 15 minutes a day without stopping to rest; no hospital stays for breathing." };
						case HEART_FAILURE -> new String[] { "Heart failure",
								"Weigh every morning and call the care team after a gain of 3 pounds in a day." };
					});
				}
				goals.add(pick(new String[][] {
						{ "Falls at home", "No falls: use the shower chair and grab bars, and keep the stairs clear." },
						{ "Taking medicines", "Take every medicine as prescribed, with a weekly pill organizer." },
						{ "Feeling alone", "Have lunch at the senior center twice a week." } }));
			}
			case LONG_TERM_SUPPORTS -> {
				goals.add(new String[] { "Bathing and dressing", "Bathe safely three times a week with help." });
				goals.add(new String[] { "Meals", "Eat two hot meals a day." });
				goals.add(new String[] { "Getting to appointments", "Get to every medical appointment." });
			}
			case BEHAVIORAL_HEALTH -> {
				goals.add(pick(new String[][] {
						{ "Depression",
								"Feel well enough to see friends every week; go to counseling every two weeks." },
						{ "Anxiety",
								"Use the breathing exercises when worried; go to counseling every two weeks." } }));
				goals.add(new String[] { "Safety in a crisis",
						"Know the crisis line number and the steps of the safety plan, and keep them by the phone." });
			}
		}
		List<Goal> written = new ArrayList<>();
		for (String[] g : goals) {
			int draw = this.r.nextInt(100);
			GoalStatus status = current
					? ((draw < 25) ? GoalStatus.NOT_STARTED : (draw < 80) ? GoalStatus.IN_PROGRESS : GoalStatus.MET)
					: ((draw < 50) ? GoalStatus.MET : GoalStatus.IN_PROGRESS);
			written.add(new Goal(g[0], g[1], assessed.plusMonths(3 + this.r.nextInt(10)), status));
		}
		return written;
	}

	private List<Service> services(Kind kind) {
		List<Service> services = new ArrayList<>();
		switch (kind) {
			case PERSON_CENTERED -> {
				services.add(new Service("Care coordination visit at home", "Monthly", "Unify care coordinator"));
				services.add(new Service("Primary care visit", "Every 3 months", "Primary care provider"));
				if (this.person.conditions().contains(Condition.DIABETES)) {
					services.add(new Service("Diabetes self-management education", "6 sessions", "Diabetes educator"));
				}
				if (this.person.conditions().contains(Condition.HYPERTENSION)
						|| this.person.conditions().contains(Condition.HEART_FAILURE)) {
					services.add(new Service("Blood pressure and weight check", "Every 2 weeks", "Visiting nurse"));
				}
				services.add(new Service("Medication review", "Every 3 months", "Unify pharmacist"));
				if (this.r.nextBoolean()) {
					services.add(new Service("Rides to medical appointments", "As needed", "Unify transportation"));
				}
			}
			case LONG_TERM_SUPPORTS -> {
				services.add(new Service("Home health aide: bathing and dressing",
						(6 + this.r.nextInt(10)) + " hours a week", "Home care agency"));
				services.add(new Service("Home-delivered meals", "5 days a week", "Area elder services"));
				services.add(new Service("Personal emergency response system", "Always on", "Home care agency"));
				if (this.r.nextBoolean()) {
					services.add(new Service("Shower chair and grab bars", "Once", "Home medical supplier"));
				}
			}
			case BEHAVIORAL_HEALTH -> {
				services.add(new Service("Individual counseling", "Every 2 weeks", "Behavioral health clinician"));
				services.add(new Service("Medication management", "Monthly", "Psychiatric nurse practitioner"));
				services.add(new Service("Peer support group", "Weekly", "Community peer support center"));
			}
		}
		return services;
	}

	private String name() {
		String first = this.r.nextBoolean() ? pick(DemoCatalog.FEMALE_NAMES) : pick(DemoCatalog.MALE_NAMES);
		return first + " " + pick(DemoCatalog.LAST_NAMES);
	}

	private <T> T pick(T[] values) {
		return values[this.r.nextInt(values.length)];
	}

}
