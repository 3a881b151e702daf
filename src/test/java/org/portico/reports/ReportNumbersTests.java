package org.portico.reports;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.portico.PorticoIntegrationTest;
import org.portico.access.AccessApi;
import org.portico.access.AccessRole;
import org.portico.access.ProviderFunction;
import org.portico.audit.AuditLog;
import org.portico.audit.AuditRecord;
import org.portico.identity.Accounts;
import org.portico.identity.NewAccount;
import org.portico.identity.PorticoUser;
import org.portico.members.MemberSummary;
import org.portico.providers.Npi;
import org.portico.reports.Reports.Choice;
import org.portico.reports.Reports.MeasureRow;
import org.portico.reports.Reports.RegistryRow;
import org.portico.web.PortalSession;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The reports' numbers on a small data set this test creates, against counts worked out
 * by hand, and who may see which report and drill-down.
 *
 * <p>
 * As of 2026-11-20, PCP A's panel: m1 (woman, 60, diabetes diagnosed 2026-08-20, HbA1c
 * 2026-09-20, mammogram 2025-11-20), m2 (man, 50, diabetes diagnosed 2026-10-20, nothing
 * else), m3 (woman, 55, nothing), m5 (man, 30, assigned from 2026-11-01); m4 was assigned
 * until 2026-11-05. Claims rendered by A: m1's diagnosis visit (paid, Aug), the HbA1c
 * (paid, Sep), m2's visit (denied with CARC 50, Oct).
 */
@PorticoIntegrationTest
class ReportNumbersTests {

	static final LocalDate AS_OF = LocalDate.of(2026, 11, 20);

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	Accounts accounts;

	@Autowired
	AccessApi access;

	@Autowired
	AuditLog audit;

	@Autowired
	ReportRefresh refresh;

	@Autowired
	Reports reports;

	Npi pcpA;

	Npi pcpB;

	long unitA;

	long unitB;

	String subscriber;

	@BeforeEach
	void createTheDataSet() {
		ThreadLocalRandom random = ThreadLocalRandom.current();
		String base = String.valueOf(random.nextInt(1_000_000, 9_999_999));
		this.pcpA = Npi.withCheckDigit("18" + base);
		this.pcpB = Npi.withCheckDigit("19" + base);
		for (Npi npi : List.of(this.pcpA, this.pcpB)) {
			this.jdbc.sql("""
					INSERT INTO providers.provider (npi, entity_type, first_name, last_name, specialty_code, payee_npi,
					  accepting_new_patients, city, state)
					VALUES (?, '1', 'Test', ?, '207Q00000X', ?, true, 'Boston', 'MA')
					""").params(npi.value(), "Pcp" + npi.value(), npi.value()).update();
		}
		this.unitA = 900_000 + random.nextInt(99_999);
		this.unitB = this.unitA + 100_000;
		unit(this.unitA, this.pcpA);
		unit(this.unitB, this.pcpB);
		String product = this.jdbc.sql("SELECT code FROM members.product ORDER BY code FETCH FIRST 1 ROWS ONLY")
			.query(String.class)
			.single();
		this.subscriber = "97" + base;
		member(1, "F", LocalDate.of(1966, 5, 1), product, LocalDate.of(2025, 1, 1), null);
		member(2, "M", LocalDate.of(1976, 5, 1), product, LocalDate.of(2025, 1, 1), null);
		member(3, "F", LocalDate.of(1971, 5, 1), product, LocalDate.of(2025, 1, 1), null);
		member(4, "M", LocalDate.of(1980, 5, 1), product, LocalDate.of(2025, 1, 1), LocalDate.of(2026, 11, 5));
		member(5, "M", LocalDate.of(1996, 5, 1), product, LocalDate.of(2026, 11, 1), null);
		long id = 9_000_000_000L + Long.parseLong(base) * 10;
		claim(id, 1, this.pcpA, "PAID", LocalDate.of(2026, 8, 20), "E11.9", "99214", "100.00", "80.00");
		claim(id + 1, 1, this.pcpA, "PAID", LocalDate.of(2026, 9, 20), "E11.9", "83036", "30.00", "20.00");
		claim(id + 2, 2, this.pcpA, "DENIED", LocalDate.of(2026, 10, 20), "E11.65", "99213", "50.00", "0.00");
		claim(id + 3, 1, this.pcpB, "PAID", LocalDate.of(2025, 11, 20), "Z12.31", "77067", "140.00", "120.00");
		this.jdbc
			.sql("""
					INSERT INTO claims.claim_line_adjustment (claim_id, line_number, sequence, group_code, reason_code, amount)
					VALUES (?, 1, 1, 'CO', '50', 50.00)
					""")
			.param(id + 2)
			.update();
		request(this.pcpA, "REFERRAL", "APPROVED", 2);
		request(this.pcpA, "REFERRAL", "DENIED", 4);
		request(this.pcpA, "PRIOR_AUTH", "PENDED", null);
		this.refresh.refreshQuality(AS_OF);
		this.refresh.refreshScope(ReportScope.of(this.pcpA), AS_OF);
		this.refresh.refreshScope(ReportScope.unit(this.unitA), AS_OF);
	}

	@Test
	void rosterCountsAssignedNewAndEndedThisMonth() {
		Reports.Roster roster = this.reports.roster(ReportScope.of(this.pcpA));
		assertThat(roster.freshness().asOf()).isEqualTo(AS_OF);
		assertThat(roster.rows()).hasSize(1);
		assertThat(roster.total().assigned()).isEqualTo(4);
		assertThat(roster.total().added()).isEqualTo(1);
		assertThat(roster.total().ended()).isEqualTo(1);
	}

	@Test
	void claimsSummaryCountsByMonthAndStatusWithTheDenialReason() {
		Reports.ClaimsSummary claims = this.reports.claims(ReportScope.unit(this.unitA));
		Map<String, Reports.ClaimMonth> months = claims.months()
			.stream()
			.collect(Collectors.toMap((m) -> m.month().toString(), Function.identity()));
		assertThat(months.get("2026-08").byStatus().get(org.portico.claims.ClaimStatus.PAID)).isEqualTo(1);
		assertThat(months.get("2026-08").paid()).isEqualByComparingTo("80.00");
		assertThat(months.get("2026-09").claims()).isEqualTo(1);
		assertThat(months.get("2026-10").byStatus().get(org.portico.claims.ClaimStatus.DENIED)).isEqualTo(1);
		assertThat(months.get("2026-10").billed()).isEqualByComparingTo("50.00");
		assertThat(months.get("2026-11").claims()).isZero();
		assertThat(months.get("2025-12").claims()).isZero();
		assertThat(claims.denials()).singleElement().satisfies((d) -> {
			assertThat(d.code()).isEqualTo("50");
			assertThat(d.description()).contains("medically necessary");
			assertThat(d.claims()).isEqualTo(1);
			assertThat(d.amount()).isEqualByComparingTo(new BigDecimal("50.00"));
		});
	}

	@Test
	void referralAndAuthorizationSummaryCountsStatusesApprovalAndTurnaround() {
		Map<String, Reports.RequestRow> rows = this.reports.authorizations(ReportScope.of(this.pcpA))
			.rows()
			.stream()
			.collect(Collectors.toMap((r) -> r.kind().name(), Function.identity()));
		Reports.RequestRow referrals = rows.get("REFERRAL");
		assertThat(referrals.requests()).isEqualTo(2);
		assertThat(referrals.approval()).isEqualTo(new Reports.Rate(2, 1));
		assertThat(referrals.averageMinutes()).isEqualTo(180);
		assertThat(referrals.medianMinutes()).isEqualTo(180);
		Reports.RequestRow priorAuths = rows.get("PRIOR_AUTH");
		assertThat(priorAuths.requests()).isEqualTo(1);
		assertThat(priorAuths.approval().percent()).isNull();
		assertThat(priorAuths.averageMinutes()).isNull();
		assertThat(rows.get("BEHAVIORAL_HEALTH").requests()).isZero();
	}

	@Test
	void registriesAndCareGapsMatchTheHandCount() {
		Choice choice = new Choice(ReportScope.of(this.pcpA), "A", List.of(this.pcpA));
		Reports.Quality quality = this.reports.quality(choice);
		Map<Registry, RegistryRow> registries = quality.registries()
			.stream()
			.collect(Collectors.toMap(RegistryRow::registry, Function.identity()));
		assertThat(registries.get(Registry.DIABETES).scopeMembers()).isEqualTo(2);
		assertThat(registries.get(Registry.ASTHMA).scopeMembers()).isZero();
		assertThat(registries.get(Registry.DIABETES).planMembers()).isGreaterThanOrEqualTo(2);
		Map<CareGapMeasure, MeasureRow> measures = quality.measures()
			.stream()
			.collect(Collectors.toMap(MeasureRow::measure, Function.identity()));
		assertThat(measures.get(CareGapMeasure.HBA1C_TESTING).scope()).isEqualTo(new Reports.Rate(2, 1));
		assertThat(measures.get(CareGapMeasure.HBA1C_TESTING).scope().percent()).isEqualTo(50);
		assertThat(measures.get(CareGapMeasure.DIABETIC_EYE_EXAM).scope()).isEqualTo(new Reports.Rate(2, 0));
		assertThat(measures.get(CareGapMeasure.BREAST_CANCER_SCREENING).scope()).isEqualTo(new Reports.Rate(2, 1));
		assertThat(measures.get(CareGapMeasure.COLORECTAL_CANCER_SCREENING).scope()).isEqualTo(new Reports.Rate(3, 0));
		assertThat(measures.get(CareGapMeasure.FLU_VACCINE_65_PLUS).scope()).isEqualTo(new Reports.Rate(0, 0));
		assertThat(measures.get(CareGapMeasure.FLU_VACCINE_65_PLUS).scope().percent()).isNull();
		assertThat(measures.get(CareGapMeasure.HBA1C_TESTING).plan().denominator()).isGreaterThanOrEqualTo(2);

		Map<String, Reports.TrendPoint> trend = this.reports.trend(choice, CareGapMeasure.HBA1C_TESTING)
			.stream()
			.collect(Collectors.toMap((p) -> p.month().toString(), Function.identity()));
		assertThat(trend).hasSize(12);
		assertThat(trend.get("2026-11").scope()).isEqualTo(new Reports.Rate(2, 1));
		assertThat(trend.get("2026-10").scope()).isEqualTo(new Reports.Rate(2, 1));
		assertThat(trend.get("2026-08").scope()).isEqualTo(new Reports.Rate(1, 0));
		assertThat(trend.get("2026-07").scope()).isEqualTo(new Reports.Rate(0, 0));

		List<MemberSummary> open = this.reports.membersWithOpenGap(this.pcpA, CareGapMeasure.HBA1C_TESTING);
		assertThat(open).extracting((m) -> m.id().toString()).containsExactly(this.subscriber + "-02");
	}

	@Test
	void aUnitsUserSeesThatUnitOnlyAndEveryDrillDownIsAudited() throws Exception {
		PorticoUser unitUser = userWithReportsFor(this.pcpA);
		PortalSession session = new PortalSession(this.mvc);
		assertThat(this.reports.choicesFor(unitUser.accountId())).extracting(Choice::scope)
			.contains(ReportScope.unit(this.unitA), ReportScope.of(this.pcpA))
			.doesNotContain(ReportScope.unit(this.unitB), ReportScope.of(this.pcpB));

		session.perform(get("/reports/unit-" + this.unitA + "/quality").with(user(unitUser)))
			.andExpect(status().isOk())
			.andExpect(content().string(org.hamcrest.Matchers.containsString("50%")));
		session.perform(get("/reports/unit-" + this.unitB + "/roster").with(user(unitUser)))
			.andExpect(status().isNotFound());
		session.perform(get("/reports/npi-" + this.pcpB.value() + "/claims.csv").with(user(unitUser)))
			.andExpect(status().isNotFound());
		session.perform(get("/reports/unit-999999999/roster").with(user(unitUser))).andExpect(status().isNotFound());
		session
			.perform(get("/reports/unit-" + this.unitB + "/quality/hba1c-testing/open/" + this.pcpB.value())
				.with(user(unitUser)))
			.andExpect(status().isNotFound());
		session
			.perform(get("/reports/unit-" + this.unitA + "/quality/hba1c-testing/open/" + this.pcpB.value())
				.with(user(unitUser)))
			.andExpect(status().isNotFound());
		session
			.perform(get("/reports/unit-" + this.unitA + "/quality/hba1c-testing/open/" + this.pcpA.value())
				.with(user(unitUser)))
			.andExpect(status().isOk())
			.andExpect(content().string(org.hamcrest.Matchers.containsString(this.subscriber + "-02")));

		List<AuditRecord> trail = this.audit.recentByActor(unitUser.getUsername(), 50);
		assertThat(trail).anySatisfy((r) -> {
			assertThat(r.action()).isEqualTo("member.view");
			assertThat(r.objectId()).isEqualTo(this.subscriber + "-02");
			assertThat(r.outcome().name()).isEqualTo("SUCCESS");
		});
		assertThat(trail).filteredOn((r) -> r.outcome().name().equals("DENIED")).hasSize(5);
		assertThat(trail).anySatisfy((r) -> {
			assertThat(r.action()).isEqualTo("report.view");
			assertThat(r.objectId()).isEqualTo("unit-" + this.unitB);
			assertThat(r.outcome().name()).isEqualTo("DENIED");
		});
	}

	@Test
	void exportsCarryTheSameNumbersAndNoFormula() throws Exception {
		PorticoUser unitUser = userWithReportsFor(this.pcpA);
		PortalSession session = new PortalSession(this.mvc);
		String csv = session.perform(get("/reports/npi-" + this.pcpA.value() + "/roster.csv").with(user(unitUser)))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(csv).contains("All products,4,1,1");
		byte[] pdf = session.perform(get("/reports/npi-" + this.pcpA.value() + "/claims.pdf").with(user(unitUser)))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsByteArray();
		assertThat(new String(pdf, 0, 5, java.nio.charset.StandardCharsets.US_ASCII)).isEqualTo("%PDF-");
	}

	private PorticoUser userWithReportsFor(Npi npi) {
		String username = "rp" + java.util.UUID.randomUUID().toString().substring(0, 8);
		var id = this.accounts.openProviderAccount(
				new NewAccount(username, username + "@example.org", "Report Reader", "reading reports every month"));
		this.access.grant(id, npi, AccessRole.AU, Set.of(ProviderFunction.REPORTS), null);
		return (PorticoUser) this.accounts.loadUserByUsername(username);
	}

	private void request(Npi npi, String kind, String status, Integer hoursToDecision) {
		java.time.Instant received = java.time.Instant.parse("2026-10-01T14:00:00Z");
		this.jdbc
			.sql("""
					INSERT INTO authorizations.request (kind, subscriber_id, member_suffix, requesting_npi, servicing_npi,
					  requester_account, requester_username, priority, received_at, due_at, status, service_from, service_to,
					  requested_units, decided_at, submission_key)
					VALUES (?, ?, '01', ?, ?, 0, 'test', 'STANDARD', ?, ?, ?, DATE '2026-10-05', DATE '2026-10-05', 1, ?, ?)
					""")
			.params(kind, this.subscriber, npi.value(), npi.value(), java.sql.Timestamp.from(received),
					java.sql.Timestamp.from(received.plusSeconds(7 * 86400)), status,
					(hoursToDecision != null) ? java.sql.Timestamp.from(received.plusSeconds(hoursToDecision * 3600L))
							: null,
					java.util.UUID.randomUUID().toString())
			.update();
	}

	private void unit(long id, Npi npi) {
		this.jdbc.sql("INSERT INTO providers.provider_unit (id, name) VALUES (?, ?)")
			.params(id, "Test Unit " + id)
			.update();
		this.jdbc.sql("INSERT INTO providers.provider_unit_member (unit_id, npi) VALUES (?, ?)")
			.params(id, npi.value())
			.update();
	}

	private void member(int suffix, String gender, LocalDate birth, String product, LocalDate from, LocalDate to) {
		String sfx = String.format("%02d", suffix);
		this.jdbc.sql("""
				INSERT INTO members.member (subscriber_id, member_suffix, first_name, last_name, search_first_name,
				  search_last_name, birth_date, gender, relationship, address_line, city, state, postal_code)
				VALUES (?, ?, ?, 'Testpanel', ?, 'testpanel', ?, ?, 'SELF', '1 Main St', 'Boston', 'MA', '02110')
				""").params(this.subscriber, sfx, "Member" + suffix, "member" + suffix, birth, gender).update();
		this.jdbc.sql("""
				INSERT INTO members.coverage (subscriber_id, member_suffix, effective_date, termination_date,
				  product_code, group_number, group_name)
				VALUES (?, ?, DATE '2024-01-01', NULL, ?, 'G1', 'Test group')
				""").params(this.subscriber, sfx, product).update();
		this.jdbc.sql("""
				INSERT INTO members.pcp_assignment (subscriber_id, member_suffix, effective_date, termination_date,
				  pcp_npi, change_reason)
				VALUES (?, ?, ?, ?, ?, 'ENROLLMENT')
				""").params(this.subscriber, sfx, from, to, this.pcpA.value()).update();
	}

	private void claim(long id, int suffix, Npi rendering, String status, LocalDate date, String diagnosis,
			String procedure, String billed, String paid) {
		this.jdbc
			.sql("""
					INSERT INTO claims.claim (id, claim_number, claim_type, frequency_code, subscriber_id, member_suffix,
					  patient_first_name, patient_last_name, patient_birth_date, product_code, billing_npi, rendering_npi,
					  payee_npi, place_of_service, service_from, service_to, received_date, adjudicated_date, status,
					  status_category, diagnosis_codes, total_billed, total_allowed, total_paid, patient_responsibility)
					VALUES (?, ?, 'P', '1', ?, ?, 'Member', 'Testpanel', DATE '1970-01-01', 'TEST', ?, ?, ?, '11', ?, ?, ?, ?,
					  ?, 'F1', ARRAY[CAST(? AS varchar(8))], ?, ?, ?, 0)
					""")
			.params(id, "98" + (id % 10_000_000_000L), this.subscriber, String.format("%02d", suffix),
					rendering.value(), rendering.value(), rendering.value(), date, date, date, date, status, diagnosis,
					new BigDecimal(billed), new BigDecimal(paid), new BigDecimal(paid))
			.update();
		this.jdbc
			.sql("""
					INSERT INTO claims.claim_line (claim_id, line_number, service_date, procedure_code, units, billed, allowed,
					  paid, patient_responsibility)
					VALUES (?, 1, ?, ?, 1, ?, ?, ?, 0)
					""")
			.params(id, date, procedure, new BigDecimal(billed), new BigDecimal(paid), new BigDecimal(paid))
			.update();
	}

}
