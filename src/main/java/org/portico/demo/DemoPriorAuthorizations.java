package org.portico.demo;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.portico.authorizations.Authorizations;
import org.portico.authorizations.DenialReason;
import org.portico.authorizations.ImagingAuthorizations;
import org.portico.authorizations.Priority;
import org.portico.authorizations.PriorAuthorizations;
import org.portico.authorizations.ServiceCatalogue;
import org.portico.authorizations.SmartSheet;
import org.portico.demo.DemoProviders.Provider;
import org.portico.identity.Accounts;
import org.portico.identity.PorticoUser;
import org.portico.members.MemberId;
import org.portico.providers.Npi;

import org.springframework.stereotype.Component;

/**
 * Prior authorizations for the demo's first practice, made through the same doors as the
 * portal's: one MRI and one CPAP approved by their smart sheets, one chest CT waiting for
 * review, one knee arthroscopy denied by the clinical reviewer, and a file of imaging
 * authorizations from the imaging benefit manager. The second practice has none, so the
 * demo shows that practices do not see each other's requests.
 */
@Component
class DemoPriorAuthorizations {

	private final PriorAuthorizations priorAuthorizations;

	private final Authorizations authorizations;

	private final ImagingAuthorizations imaging;

	private final ServiceCatalogue catalogue;

	private final Accounts accounts;

	private final Clock clock;

	DemoPriorAuthorizations(PriorAuthorizations priorAuthorizations, Authorizations authorizations,
			ImagingAuthorizations imaging, ServiceCatalogue catalogue, Accounts accounts, Clock clock) {
		this.priorAuthorizations = priorAuthorizations;
		this.authorizations = authorizations;
		this.imaging = imaging;
		this.catalogue = catalogue;
		this.accounts = accounts;
		this.clock = clock;
	}

	void create(DemoProviders directory, int families) {
		PorticoUser frontDesk = (PorticoUser) this.accounts.loadUserByUsername("frontdesk.demo");
		PorticoUser reviewer = (PorticoUser) this.accounts.loadUserByUsername("reviewer.staff");
		Provider group = directory.groups().get(0);
		Npi requesting = directory.practitionersOf(group).get(0).npi();
		Npi facility = directory.facilities("MA").get(0).npi();
		LocalDate today = LocalDate.now(this.clock);
		List<MemberId> members = coveredMembers(families, today, 4);
		if (members.size() < 4) {
			return;
		}
		submit(frontDesk, "MRI-LUMBAR", members.get(0), requesting, facility, 1, today.plusDays(3), Priority.STANDARD,
				Map.of("red-flags", "no", "weeks-conservative", "8", "indication", "RADICULOPATHY", "last-exam",
						today.minusDays(5).toString()),
				today);
		submit(frontDesk, "DME-CPAP", members.get(1), requesting, requesting, 3, today, Priority.STANDARD,
				Map.of("study-date", today.minusDays(20).toString(), "ahi", "22", "symptoms", "yes"), today);
		submit(frontDesk, "CT-CHEST", members.get(2), requesting, facility, 1, today.plusDays(7), Priority.EXPEDITED,
				Map.of("reason", "SCREENING", "pack-years", "10", "age", "45"), today);
		String knee = submit(frontDesk, "KNEE-ARTHROSCOPY", members.get(3), requesting, facility, 1, today.plusDays(14),
				Priority.STANDARD,
				Map.of("mechanical", "yes", "tear-on-mri", "yes", "weeks-conservative", "6", "arthritis", "yes"),
				today);
		this.authorizations.take(reviewer, knee);
		this.authorizations.deny(reviewer, knee, DenialReason.NOT_MEDICALLY_NECESSARY,
				"Arthroscopy does not help knee pain from advanced osteoarthritis. Consider physical therapy "
						+ "and an orthopedic consultation on joint replacement.");
		String csv = String.join(",", ImagingAuthorizations.COLUMNS) + "\n"
				+ line("RBM2026000101", members.get(0), requesting, facility, "70553",
						"MRI brain with and without contrast", "APPROVED", "1", today.minusDays(10), today.plusDays(50),
						today.minusDays(10))
				+ line("RBM2026000102", members.get(1), requesting, facility, "71260", "CT chest with contrast",
						"DENIED", "", today.minusDays(6), today.plusDays(54), today.minusDays(5))
				+ line("RBM2026000103", members.get(2), requesting, facility, "78815", "PET/CT skull base to mid-thigh",
						"APPROVED", "1", today.minusDays(3), today.plusDays(42), today.minusDays(3));
		this.imaging.importFile("reviewer.staff", "imaging-benefit-manager-demo.csv",
				csv.getBytes(StandardCharsets.UTF_8));
	}

	private String submit(PorticoUser user, String service, MemberId member, Npi requesting, Npi servicing, int units,
			LocalDate from, Priority priority, Map<String, String> typed, LocalDate today) {
		SmartSheet sheet = this.catalogue.service(service).orElseThrow();
		SmartSheet.Reading reading = sheet.read(typed, today);
		if (!reading.problems().isEmpty()) {
			throw new IllegalStateException(
					"Demo answers for " + service + " do not fit the sheet: " + reading.problems());
		}
		String key = UUID.nameUUIDFromBytes(("demo-prior-auth-" + service).getBytes(StandardCharsets.UTF_8)).toString();
		return this.priorAuthorizations
			.submit(user, new PriorAuthorizations.Submission(member, requesting, servicing, sheet, units, from,
					from.plusDays(Math.min(sheet.validDays(), 30) - 1), priority, reading.answers(), List.of(), key))
			.request()
			.trackingNumber();
	}

	/**
	 * Subscribers covered today and for two more months by a product that needs imaging
	 * authorization.
	 */
	private List<MemberId> coveredMembers(int families, LocalDate today, int wanted) {
		SmartSheet mri = this.catalogue.service("MRI-LUMBAR").orElseThrow();
		List<MemberId> found = new ArrayList<>();
		for (int family = 0; family < families && found.size() < wanted; family++) {
			MemberId id = new MemberId(DemoPopulation.subscriberId(family), "01");
			if (this.catalogue.check(id, mri, today).requirement() == ServiceCatalogue.Requirement.REQUIRED
					&& this.catalogue.check(id, mri, today.plusDays(60))
						.requirement() == ServiceCatalogue.Requirement.REQUIRED) {
				found.add(id);
			}
		}
		return found;
	}

	private static String line(String number, MemberId member, Npi ordering, Npi rendering, String code,
			String description, String status, String units, LocalDate from, LocalDate to, LocalDate decided) {
		return String.join(",", number, member.toString(), ordering.value(), rendering.value(), code, description,
				status, units, from.toString(), to.toString(), decided.toString()) + "\n";
	}

}
