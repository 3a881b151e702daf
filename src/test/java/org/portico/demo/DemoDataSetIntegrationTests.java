package org.portico.demo;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

import org.portico.PorticoIntegrationTest;

import org.portico.claims.ClaimStatus;
import org.portico.claims.ClaimStatusCategory;
import org.portico.providers.Npi;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The demo data set as loaded into the database at start-up holds together the way the
 * plan's real data does. These checks read across schemas on purpose: they audit the
 * loader.
 */
@PorticoIntegrationTest
class DemoDataSetIntegrationTests {

	@Autowired
	JdbcClient jdbc;

	@Autowired
	DemoDataSet dataSet;

	@Test
	void loadsTheConfiguredNumberOfMembers() {
		assertThat(count("SELECT COUNT(*) FROM members.member")).isEqualTo(600);
		assertThat(count("SELECT COUNT(DISTINCT subscriber_id) FROM members.member")).isBetween(200L, 599L);
	}

	@Test
	void everyProviderHasAValidNpi() {
		List<String> npis = this.jdbc.sql("SELECT npi FROM providers.provider").query(String.class).list();
		assertThat(npis).isNotEmpty().allMatch(Npi::isValid);
	}

	@Test
	void tinsAndSsnsAreStoredOnlyAsKeyedHashes() {
		assertThat(this.jdbc.sql("SELECT tin_hash FROM providers.organization").query(String.class).list())
			.allMatch((h) -> h.matches("[0-9a-f]{64}"));
		assertThat(count("SELECT COUNT(*) FROM providers.provider WHERE entity_type = '1' AND ssn_hash IS NULL"))
			.isZero();
	}

	@Test
	void everyClaimStatusAppearsWithAnAllowedCategory() {
		List<String[]> pairs = this.jdbc.sql("SELECT DISTINCT status, status_category FROM claims.claim")
			.query((rs, row) -> new String[] { rs.getString(1), rs.getString(2) })
			.list();
		assertThat(pairs.stream().map((p) -> p[0]).distinct()).contains("RECEIVED", "PENDED", "DENIED", "PAID",
				"ADJUSTED");
		for (String[] pair : pairs) {
			assertThat(ClaimStatus.valueOf(pair[0]).allows(ClaimStatusCategory.valueOf(pair[1])))
				.as("%s with %s", pair[0], pair[1])
				.isTrue();
		}
	}

	@Test
	void everyClaimIsForAMemberOnFile() {
		assertThat(count("""
				SELECT COUNT(*) FROM claims.claim c
				WHERE NOT EXISTS (SELECT 1 FROM members.member m
				                  WHERE m.subscriber_id = c.subscriber_id AND m.member_suffix = c.member_suffix)
				""")).isZero();
	}

	@Test
	void headerTotalsAreTheSumOfTheLines() {
		assertThat(count("""
				SELECT COUNT(*) FROM claims.claim c
				JOIN (SELECT claim_id, SUM(billed) b, SUM(allowed) a, SUM(paid) p, SUM(patient_responsibility) r
				      FROM claims.claim_line GROUP BY claim_id) l ON l.claim_id = c.id
				WHERE l.b <> c.total_billed OR l.a <> c.total_allowed OR l.p <> c.total_paid
				   OR l.r <> c.patient_responsibility
				""")).isZero();
		assertThat(count("SELECT COUNT(*) FROM claims.claim c WHERE NOT EXISTS "
				+ "(SELECT 1 FROM claims.claim_line l WHERE l.claim_id = c.id)"))
			.isZero();
	}

	@Test
	void everyFinalizedLineBalancesLikeARemittance() {
		// As in an 835: billed minus every adjustment is what was paid.
		assertThat(count("""
				SELECT COUNT(*) FROM claims.claim c
				JOIN claims.claim_line l ON l.claim_id = c.id
				LEFT JOIN (SELECT claim_id, line_number, SUM(amount) total FROM claims.claim_line_adjustment
				           GROUP BY claim_id, line_number) a
				       ON a.claim_id = l.claim_id AND a.line_number = l.line_number
				WHERE c.status IN ('PAID', 'DENIED', 'ADJUSTED', 'FINALIZED')
				  AND l.billed - COALESCE(a.total, 0) <> l.paid
				""")).isZero();
	}

	@Test
	void everyAdjustmentReasonIsExplained() {
		assertThat(
				count("""
						SELECT COUNT(*) FROM claims.claim_line_adjustment a
						WHERE NOT EXISTS (SELECT 1 FROM claims.adjustment_reason r WHERE r.kind = 'CARC' AND r.code = a.reason_code)
						   OR (a.remark_code IS NOT NULL AND NOT EXISTS
						       (SELECT 1 FROM claims.adjustment_reason r WHERE r.kind = 'RARC' AND r.code = a.remark_code))
						"""))
			.isZero();
		assertThat(count("SELECT COUNT(*) FROM claims.claim_line_adjustment")).isPositive();
	}

	@Test
	void paymentsAddUpToTheClaimsTheyPaid() {
		assertThat(count("SELECT COUNT(*) FROM claims.payment")).isPositive();
		assertThat(count("""
				SELECT COUNT(*) FROM claims.payment p
				WHERE p.amount <> (SELECT SUM(c.total_paid) FROM claims.claim c WHERE c.payment_id = p.id)
				""")).isZero();
		assertThat(count("SELECT COUNT(*) FROM claims.claim WHERE total_paid > 0 AND payment_id IS NULL")).isZero();
		BigDecimal paid = this.jdbc.sql("SELECT SUM(total_paid) FROM claims.claim").query(BigDecimal.class).single();
		BigDecimal payments = this.jdbc.sql("SELECT SUM(amount) FROM claims.payment").query(BigDecimal.class).single();
		assertThat(payments).isEqualByComparingTo(paid);
	}

	@Test
	void membersOfProductsThatRequireAPcpHaveOne() {
		assertThat(count("""
				SELECT COUNT(*) FROM members.coverage c
				JOIN members.product p ON p.code = c.product_code
				WHERE p.pcp_required AND c.termination_date IS NULL
				  AND NOT EXISTS (SELECT 1 FROM members.pcp_assignment a
				                  WHERE a.subscriber_id = c.subscriber_id AND a.member_suffix = c.member_suffix
				                    AND a.termination_date IS NULL)
				""")).isZero();
		assertThat(count("SELECT COUNT(*) FROM members.pcp_assignment WHERE termination_date IS NOT NULL"))
			.as("some members changed PCP")
			.isPositive();
	}

	@Test
	void everyLineOfBusinessIsRepresented() {
		assertThat(this.jdbc
			.sql("""
					SELECT DISTINCT p.line_of_business FROM members.coverage c JOIN members.product p ON p.code = c.product_code
					""")
			.query(String.class)
			.list()).contains("COMMERCIAL", "MEDICARE_ADVANTAGE", "MEDICAID_MASSACHUSETTS", "MEDICAID_RHODE_ISLAND");
	}

	@Test
	void registriesHaveMembersToCount() {
		assertThat(count("SELECT COUNT(*) FROM claims.claim WHERE 'E11.9' = ANY(diagnosis_codes)")).isPositive();
	}

	@Test
	void coverageAndPcpSpansStartAfterBirthAndEndAfterTheyStart() {
		assertThat(count("""
				SELECT COUNT(*) FROM members.coverage c JOIN members.member m
				  ON m.subscriber_id = c.subscriber_id AND m.member_suffix = c.member_suffix
				WHERE c.effective_date < m.birth_date OR c.termination_date < c.effective_date
				""")).isZero();
		assertThat(count("""
				SELECT COUNT(*) FROM members.pcp_assignment WHERE termination_date < effective_date
				""")).isZero();
	}

	@Test
	void claimsFollowTheirServiceInTime() {
		assertThat(count("""
				SELECT COUNT(*) FROM claims.claim
				WHERE service_from < patient_birth_date OR received_date < service_to
				   OR adjudicated_date < received_date
				""")).isZero();
		assertThat(count("""
				SELECT COUNT(*) FROM claims.claim c
				WHERE NOT EXISTS (SELECT 1 FROM members.coverage v
				                  WHERE v.subscriber_id = c.subscriber_id AND v.member_suffix = c.member_suffix
				                    AND v.effective_date <= c.service_from
				                    AND (v.termination_date IS NULL OR v.termination_date >= c.service_to))
				""")).as("every claim's service falls within one coverage span").isZero();
	}

	@Test
	void theDirectoryRebuiltWithoutWritingIsTheOneOnFile() {
		// The demo logins are granted NPIs from the rebuilt directory: it must match.
		DemoDataSet.OnFile onFile = this.dataSet.onFile().orElseThrow();
		DemoProviders directory = DemoDataSet.directory(onFile.seed(), onFile.asOf(), onFile.members());
		List<String> groupsOnFile = this.jdbc.sql("""
				SELECT o.npi FROM providers.organization o
				WHERE EXISTS (SELECT 1 FROM providers.provider p WHERE p.payee_npi = o.npi AND p.entity_type = '1')
				ORDER BY o.id
				""").query(String.class).list();
		assertThat(directory.groups().stream().map((g) -> g.npi().value())).containsExactlyElementsOf(groupsOnFile);
		for (DemoProviders.Provider group : directory.groups()) {
			Set<String> practice = new HashSet<>();
			practice.add(group.npi().value());
			directory.practitionersOf(group).forEach((p) -> practice.add(p.npi().value()));
			assertThat(this.jdbc.sql("SELECT npi FROM providers.provider WHERE payee_npi = ?")
				.param(group.npi().value())
				.query(String.class)
				.set()).as("practice of group %s", group.npi().value()).isEqualTo(practice);
		}
		assertThat(this.jdbc.sql("SELECT kind FROM providers.organization WHERE npi = ?")
			.param(directory.facilities("MA").get(0).npi().value())
			.query(String.class)
			.single()).isEqualTo("FACILITY");
	}

	@Test
	void theDemoPracticesLoginsActOnlyForTheirOwnPractice() {
		String firstPractice = practiceOf("saa.demo");
		for (String colleague : List.of("aa.demo", "frontdesk.demo", "billing.demo")) {
			assertThat(practiceOf(colleague)).as(colleague).isEqualTo(firstPractice);
		}
		String otherPractice = practiceOf("other.demo");
		assertThat(otherPractice).isNotEqualTo(firstPractice);
		assertThat(npisOf("other.demo")).doesNotContainAnyElementsOf(npisOf("saa.demo"));
	}

	@Test
	void theDoctorAndTheHospitalActForTheirOwnNpi() {
		List<String> doctor = npisOf("doctor.demo");
		assertThat(doctor).hasSize(1);
		assertThat(this.jdbc.sql("SELECT entity_type FROM providers.provider WHERE npi = ?")
			.param(doctor.get(0))
			.query(String.class)
			.single()).isEqualTo("1");
		List<String> hospital = npisOf("facility.demo");
		assertThat(hospital).hasSize(1);
		assertThat(this.jdbc.sql("SELECT kind FROM providers.organization WHERE npi = ?")
			.param(hospital.get(0))
			.query(String.class)
			.single()).isEqualTo("FACILITY");
	}

	@Test
	void theFinishedLoadIsRecorded() {
		assertThat(count("SELECT COUNT(*) FROM demo.data_set WHERE members = 600")).isOne();
	}

	/**
	 * The group practice whose NPIs the login holds: every one of them is the group's own
	 * NPI or one of its practitioners', as written to the provider directory.
	 */
	private String practiceOf(String username) {
		List<String> npis = npisOf(username);
		assertThat(npis).as(username).isNotEmpty();
		List<String> payees = new ArrayList<>();
		for (String npi : npis) {
			payees.add(this.jdbc.sql("SELECT payee_npi FROM providers.provider WHERE npi = ?")
				.param(npi)
				.query(String.class)
				.single());
		}
		assertThat(payees).as("payee NPIs of %s's NPIs", username).containsOnly(payees.get(0));
		assertThat(this.jdbc.sql("SELECT kind FROM providers.organization WHERE npi = ?")
			.param(payees.get(0))
			.query(String.class)
			.single()).isEqualTo("GROUP");
		return payees.get(0);
	}

	private List<String> npisOf(String username) {
		return this.jdbc.sql("""
				SELECT r.npi FROM access.npi_role r JOIN identity.account a ON a.id = r.account_id
				WHERE a.username = ?
				""").param(username).query(String.class).list();
	}

	private long count(String sql) {
		return this.jdbc.sql(sql).query(Long.class).single();
	}

}
