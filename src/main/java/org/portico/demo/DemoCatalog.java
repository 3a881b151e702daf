package org.portico.demo;

import java.util.List;

import org.portico.members.LineOfBusiness;
import org.portico.members.ServiceCategory;

/**
 * The reference values the synthetic data is drawn from: names common in Massachusetts
 * and Rhode Island, their towns, the plan's products, procedures with typical fees,
 * diagnoses.
 */
final class DemoCatalog {

	private DemoCatalog() {
	}

	static final String[] FEMALE_NAMES = { "Mary", "Patricia", "Jennifer", "Linda", "Elizabeth", "Barbara", "Susan",
			"Jessica", "Sarah", "Karen", "Nancy", "Lisa", "Margaret", "Emily", "Michelle", "Amanda", "Melissa",
			"Stephanie", "Rebecca", "Laura", "Maria", "Ana", "Inês", "Renée", "Zoë", "Chloé", "Sofía", "Lucía", "Mei",
			"Priya", "Aaliyah", "Fatima", "Nadia", "Grace", "Olivia", "Emma", "Ava", "Isabella", "Mia", "Abigail",
			"Madison", "Kathleen", "Colleen", "Maureen", "Siobhan", "Thuy", "Linh", "Keisha", "Yolanda", "Graça" };

	static final String[] MALE_NAMES = { "James", "Robert", "John", "Michael", "David", "William", "Richard", "Joseph",
			"Thomas", "Christopher", "Charles", "Daniel", "Matthew", "Anthony", "Mark", "Steven", "Paul", "Andrew",
			"Joshua", "Kevin", "Brian", "José", "João", "Luis", "Carlos", "André", "François", "René", "Miguel", "Wei",
			"Rahul", "Omar", "Ahmed", "Liam", "Noah", "Ethan", "Lucas", "Mason", "Logan", "Patrick", "Sean", "Brendan",
			"Declan", "Minh", "Tuan", "Darnell", "Jamal", "Dmitri", "Ângelo", "Raphaël" };

	static final String[] LAST_NAMES = { "Smith", "Johnson", "Williams", "Brown", "Jones", "Garcia", "Miller", "Davis",
			"Rodriguez", "Martinez", "Hernandez", "Lopez", "Gonzalez", "Wilson", "Anderson", "Thomas", "Taylor",
			"Moore", "Jackson", "Martin", "Lee", "Perez", "Thompson", "White", "Harris", "Sanchez", "Clark", "Ramirez",
			"Lewis", "Robinson", "Walker", "Young", "Allen", "King", "Wright", "Scott", "Torres", "Nguyen", "Hill",
			"Flores", "Green", "Adams", "Nelson", "Baker", "Hall", "Rivera", "Campbell", "Mitchell", "Carter",
			"Roberts", "Sullivan", "O'Brien", "Murphy", "Kelly", "McCarthy", "Fitzgerald", "Doherty", "Callahan",
			"Silva", "Santos", "Souza", "Pereira", "Medeiros", "Gonçalves", "Araújo", "Fernandes", "Côté", "Lévesque",
			"Gagnon", "Bélanger", "Thibodeau", "Peña", "Núñez", "Muñoz", "Ortiz", "Díaz", "Chen", "Wang", "Li", "Zhang",
			"Tran", "Pham", "Le", "Patel", "Shah", "Kim", "Park", "Russo", "Ferrara", "DiMaggio", "Costa", "Kowalski",
			"Nowak", "Cohen", "Levine", "Goldberg", "Okafor", "Mensah", "Haddad", "Khoury" };

	static final String[] MIDDLE = { "A", "B", "C", "D", "E", "F", "G", "H", "J", "K", "L", "M", "N", "P", "R", "S",
			"T", "V", "W" };

	/** Town, state, ZIP and telephone area code. */
	record Town(String name, String state, String zip, String areaCode) {
	}

	static final Town[] TOWNS = { new Town("Boston", "MA", "02118", "617"), new Town("Cambridge", "MA", "02139", "617"),
			new Town("Somerville", "MA", "02143", "617"), new Town("Quincy", "MA", "02169", "617"),
			new Town("Worcester", "MA", "01608", "508"), new Town("Springfield", "MA", "01103", "413"),
			new Town("Lowell", "MA", "01852", "978"), new Town("Brockton", "MA", "02301", "508"),
			new Town("New Bedford", "MA", "02740", "508"), new Town("Fall River", "MA", "02720", "508"),
			new Town("Lynn", "MA", "01902", "781"), new Town("Newton", "MA", "02458", "617"),
			new Town("Framingham", "MA", "01702", "508"), new Town("Lawrence", "MA", "01841", "978"),
			new Town("Waltham", "MA", "02453", "781"), new Town("Malden", "MA", "02148", "781"),
			new Town("Plymouth", "MA", "02360", "508"), new Town("Pittsfield", "MA", "01201", "413"),
			new Town("Providence", "RI", "02903", "401"), new Town("Warwick", "RI", "02886", "401"),
			new Town("Cranston", "RI", "02910", "401"), new Town("Pawtucket", "RI", "02860", "401"),
			new Town("East Providence", "RI", "02914", "401"), new Town("Woonsocket", "RI", "02895", "401"),
			new Town("Newport", "RI", "02840", "401") };

	static final String[] STREETS = { "Main Street", "Washington Street", "Elm Street", "Maple Avenue",
			"Pleasant Street", "Highland Avenue", "Summer Street", "Broadway", "Park Street", "Chestnut Street",
			"Union Street", "School Street", "Water Street", "Church Street", "Centre Street", "Prospect Street",
			"Hope Street", "Thayer Street", "Beacon Street", "Commonwealth Avenue", "Blackstone Boulevard",
			"Harrison Avenue", "Cottage Street", "Lincoln Street" };

	static final String[] EMPLOYERS = { "Bay State Manufacturing", "Harbor Point Logistics", "Narragansett Foods",
			"Commonwealth Software", "Pioneer Valley Schools", "Ocean State Retail", "Charles River Labs Supply",
			"Blackstone Valley Credit Union", "Merrimack Construction", "Cape Ann Fisheries", "Beacon Insurance Agency",
			"Old Colony Transit", "Berkshire Paper", "Kennedy Plaza Hotels", "Seaport Engineering",
			"Quinsigamond College", "Fenway Hospitality", "Pawtuxet Valley Dental", "Minuteman Security",
			"Greylock Outfitters" };

	/**
	 * A product with its line of business and rules, and the plan design its benefits
	 * follow.
	 */
	record ProductDesign(String code, String name, LineOfBusiness line, String planType, boolean pcpRequired,
			boolean referralsRequired, boolean carePlans, boolean outOfNetworkCovered, int deductible, int outOfPocket,
			Tier tier) {
	}

	/** How generous a plan design is. */
	enum Tier {

		COMMERCIAL(1.30), MEDICARE(1.00), MEDICAID(0.80);

		final double feeFactor;

		Tier(double feeFactor) {
			this.feeFactor = feeFactor;
		}

	}

	static final List<ProductDesign> PRODUCTS = List.of(
			new ProductDesign("COM-HMO", "Commercial HMO", LineOfBusiness.COMMERCIAL, "HMO", true, true, false, false,
					1000, 5000, Tier.COMMERCIAL),
			new ProductDesign("COM-PPO", "Commercial PPO", LineOfBusiness.COMMERCIAL, "PPO", false, false, false, true,
					1500, 6000, Tier.COMMERCIAL),
			new ProductDesign("COM-EPO", "Commercial EPO", LineOfBusiness.COMMERCIAL, "EPO", false, false, false, false,
					2000, 7000, Tier.COMMERCIAL),
			new ProductDesign("FRD-HMO", "Freedom Plan HMO", LineOfBusiness.COMMERCIAL, "HMO", true, true, false, false,
					500, 4000, Tier.COMMERCIAL),
			new ProductDesign("MP-HMO", "Medicare Preferred HMO", LineOfBusiness.MEDICARE_ADVANTAGE, "HMO", true, true,
					false, false, 0, 4900, Tier.MEDICARE),
			new ProductDesign("MP-PPO", "Medicare Preferred PPO", LineOfBusiness.MEDICARE_ADVANTAGE, "PPO", false,
					false, false, true, 0, 6700, Tier.MEDICARE),
			new ProductDesign("SCO", "Senior Care Options", LineOfBusiness.SENIOR_CARE_OPTIONS, "HMO", true, false,
					false, false, 0, 0, Tier.MEDICAID),
			new ProductDesign("MA-ACO", "Massachusetts Medicaid ACO", LineOfBusiness.MEDICAID_MASSACHUSETTS, "HMO",
					true, true, false, false, 0, 0, Tier.MEDICAID),
			new ProductDesign("RI-MCD", "Rhode Island Medicaid", LineOfBusiness.MEDICAID_RHODE_ISLAND, "HMO", true,
					false, false, false, 0, 0, Tier.MEDICAID),
			new ProductDesign("UNIFY", "Unify (duals demonstration)", LineOfBusiness.DUALS_UNIFY, "HMO", true, true,
					true, false, 0, 0, Tier.MEDICAID));

	static ProductDesign product(String code) {
		return PRODUCTS.stream().filter((p) -> p.code().equals(code)).findFirst().orElseThrow();
	}

	/**
	 * A billable service: its benefit category, typical Medicare-like fee, place of
	 * service.
	 */
	record Procedure(String code, ServiceCategory category, int fee, String placeOfService, String revenueCode) {
	}

	static final Procedure[] PCP_VISITS = { new Procedure("99213", ServiceCategory.PCP_OFFICE_VISIT, 95, "11", null),
			new Procedure("99214", ServiceCategory.PCP_OFFICE_VISIT, 135, "11", null),
			new Procedure("99203", ServiceCategory.PCP_OFFICE_VISIT, 115, "11", null),
			new Procedure("99212", ServiceCategory.PCP_OFFICE_VISIT, 58, "11", null) };

	static final Procedure[] SPECIALIST_VISITS = {
			new Procedure("99243", ServiceCategory.SPECIALIST_OFFICE_VISIT, 150, "11", null),
			new Procedure("99244", ServiceCategory.SPECIALIST_OFFICE_VISIT, 200, "11", null),
			new Procedure("99214", ServiceCategory.SPECIALIST_OFFICE_VISIT, 135, "11", null) };

	static final Procedure[] LABS = { new Procedure("80053", ServiceCategory.LAB, 15, "81", null),
			new Procedure("85025", ServiceCategory.LAB, 10, "81", null),
			new Procedure("80061", ServiceCategory.LAB, 18, "81", null),
			new Procedure("84443", ServiceCategory.LAB, 23, "81", null),
			new Procedure("81001", ServiceCategory.LAB, 4, "81", null) };

	static final Procedure HBA1C = new Procedure("83036", ServiceCategory.LAB, 13, "81", null);

	static final Procedure VENIPUNCTURE = new Procedure("36415", ServiceCategory.LAB, 3, "81", null);

	static final Procedure[] PREVENTIVE = { new Procedure("99395", ServiceCategory.PREVENTIVE, 150, "11", null),
			new Procedure("99396", ServiceCategory.PREVENTIVE, 160, "11", null) };

	static final Procedure CHILD_PREVENTIVE = new Procedure("99392", ServiceCategory.PREVENTIVE, 120, "11", null);

	static final Procedure FLU_VACCINE = new Procedure("90686", ServiceCategory.PREVENTIVE, 20, "11", null);

	static final Procedure MAMMOGRAM = new Procedure("77067", ServiceCategory.PREVENTIVE, 140, "22", null);

	static final Procedure COLONOSCOPY = new Procedure("45378", ServiceCategory.OUTPATIENT_SURGERY, 380, "22", null);

	static final Procedure EYE_EXAM = new Procedure("92014", ServiceCategory.SPECIALIST_OFFICE_VISIT, 120, "11", null);

	static final Procedure[] IMAGING = { new Procedure("70553", ServiceCategory.HIGH_TECH_IMAGING, 400, "22", null),
			new Procedure("72148", ServiceCategory.HIGH_TECH_IMAGING, 250, "22", null),
			new Procedure("74177", ServiceCategory.HIGH_TECH_IMAGING, 350, "22", null) };

	static final Procedure[] EMERGENCY = { new Procedure("99284", ServiceCategory.EMERGENCY_ROOM, 180, "23", "0450"),
			new Procedure("99285", ServiceCategory.EMERGENCY_ROOM, 260, "23", "0450") };

	static final Procedure URGENT = new Procedure("99214", ServiceCategory.URGENT_CARE, 135, "20", null);

	static final Procedure[] BEHAVIORAL = {
			new Procedure("90834", ServiceCategory.BEHAVIORAL_HEALTH_OUTPATIENT, 100, "11", null),
			new Procedure("90837", ServiceCategory.BEHAVIORAL_HEALTH_OUTPATIENT, 145, "11", null),
			new Procedure("90791", ServiceCategory.BEHAVIORAL_HEALTH_OUTPATIENT, 170, "11", null) };

	static final Procedure[] THERAPY = { new Procedure("97110", ServiceCategory.PT_OT, 30, "11", null),
			new Procedure("97140", ServiceCategory.PT_OT, 28, "11", null) };

	static final Procedure INPATIENT_DAY = new Procedure(null, ServiceCategory.INPATIENT, 2400, "21", "0120");

	static final Procedure[] SURGERY = { new Procedure("29881", ServiceCategory.OUTPATIENT_SURGERY, 550, "22", null),
			new Procedure("66984", ServiceCategory.OUTPATIENT_SURGERY, 600, "22", null) };

	static final Procedure[] DME = { new Procedure("E0601", ServiceCategory.DME, 90, "12", null),
			new Procedure("A4253", ServiceCategory.DME, 30, "12", null) };

	/** Chronic conditions the registries are built from, with their ICD-10-CM codes. */
	enum Condition {

		DIABETES("E11.9", "E11.65"), HYPERTENSION("I10"), ASTHMA("J45.909", "J45.40"), COPD("J44.9", "J44.1"),
		HEART_FAILURE("I50.9", "I50.22");

		final String[] codes;

		Condition(String... codes) {
			this.codes = codes;
		}

	}

	static final String[] ACUTE_DIAGNOSES = { "J06.9", "M54.50", "M25.561", "R07.9", "R10.9", "N39.0", "S93.401A",
			"R51.9", "K21.9", "E78.5", "L30.9", "H10.9", "J02.9", "R05.9" };

	static final String[] BEHAVIORAL_DIAGNOSES = { "F41.1", "F32.A", "F43.23", "F90.0" };

	static final String[] GROUP_PRACTICE_WORDS = { "Family Medicine", "Primary Care Associates", "Internal Medicine",
			"Community Health Center", "Pediatrics", "Medical Group", "Physicians", "Health Partners" };

	static final String[] FACILITY_NAMES = { "General Hospital", "Medical Center", "Regional Hospital",
			"Community Hospital" };

}
