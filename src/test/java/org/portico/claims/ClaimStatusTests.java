package org.portico.claims;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import com.lowagie.text.pdf.PdfReader;
import com.lowagie.text.pdf.parser.PdfTextExtractor;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.portico.PorticoIntegrationTest;
import org.portico.access.AccessApi;
import org.portico.access.AccessRole;
import org.portico.access.ProviderFunction;
import org.portico.audit.AuditLog;
import org.portico.audit.AuditOutcome;
import org.portico.audit.AuditRecord;
import org.portico.claims.ClaimsTestData.Claim;
import org.portico.providers.Npi;
import org.portico.identity.AccountId;
import org.portico.identity.Accounts;
import org.portico.identity.NewAccount;
import org.portico.identity.PorticoUser;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.web.util.HtmlUtils;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Claim status inquiry through the web layer on the real database: each way to search,
 * the claim and its PDF, and who may see what.
 */
@PorticoIntegrationTest
class ClaimStatusTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	Accounts accounts;

	@Autowired
	AccessApi access;

	@Autowired
	AuditLog audit;

	@Autowired
	JdbcClient jdbc;

	private ClaimsTestData data;

	private PorticoUser frontDesk;

	private String payee;

	@BeforeEach
	void actAsTheFrontDesk() {
		this.data = new ClaimsTestData(this.jdbc, this.accounts, this.access);
		this.frontDesk = this.data.user("frontdesk.demo");
		this.payee = this.data.payeeNpi("frontdesk.demo");
	}

	@AfterEach
	void removeAddedClaims() {
		this.data.removeAdded();
	}

	@Test
	void byClaimNumberTheClaimOpensWithLinesAdjustmentsStatusAndPayment() throws Exception {
		Claim c = this.data.paidClaimOf(this.payee);
		String typed = c.number().substring(0, 2) + "-" + c.number().substring(2, 7) + " " + c.number().substring(7);
		this.mvc.perform(search("NUMBER").param("claimNumber", typed))
			.andExpect(redirectedUrl("/claims/" + c.number()));
		String payment = this.jdbc.sql("SELECT payment_number FROM claims.payment WHERE id = ?")
			.param(c.paymentId())
			.query(String.class)
			.single();
		String procedure = this.jdbc
			.sql("SELECT procedure_code FROM claims.claim_line WHERE claim_id = ? AND line_number = 1")
			.param(c.id())
			.query(String.class)
			.single();
		this.mvc.perform(get("/claims/" + c.number()).with(user(this.frontDesk)))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString(HtmlUtils.htmlEscape(c.firstName() + " " + c.lastName()))))
			.andExpect(content().string(containsString(c.member().toString())))
			.andExpect(content().string(containsString("F1")))
			.andExpect(content().string(containsString("Finalized: payment was made.")))
			.andExpect(content().string(containsString(procedure)))
			.andExpect(content().string(containsString("CARC 45")))
			.andExpect(
					content().string(containsString("Billed amount is more than the contracted rate or fee schedule.")))
			.andExpect(content().string(containsString("Contractual obligation")))
			.andExpect(content().string(containsString(payment)))
			.andExpect(content().string(containsString("/claims/payments/" + payment)));
		assertThat(recent("frontdesk.demo")).anyMatch((r) -> r.action().equals("claim.view")
				&& c.number().equals(r.objectId()) && r.outcome() == AuditOutcome.SUCCESS);
		assertThat(recent("frontdesk.demo")).anyMatch((r) -> r.action().equals("claim.search")
				&& c.number().equals(r.objectId()) && r.outcome() == AuditOutcome.SUCCESS);
	}

	@Test
	void theClaimAsAPdfHoldsTheSameFactsAndIsAudited() throws Exception {
		Claim c = this.data.paidClaimOf(this.payee);
		MvcResult result = this.mvc.perform(get("/claims/" + c.number() + "/claim.pdf").with(user(this.frontDesk)))
			.andExpect(status().isOk())
			.andExpect(content().contentType("application/pdf"))
			.andReturn();
		assertThat(pdfText(result)).contains("Claim " + c.number(), c.firstName() + " " + c.lastName(),
				c.member().toString(), "Finalized: payment was made.", "CARC 45",
				"Billed amount is more than the contracted rate");
		assertThat(recent("frontdesk.demo")).anyMatch(
				(r) -> r.action().equals("claim.view") && c.number().equals(r.objectId()) && "PDF".equals(r.detail()));
	}

	@Test
	void byMemberAndDatesListsTheMembersClaimsNewestFirstAndSortsByAColumn() throws Exception {
		Claim some = this.data.paidClaimOf(this.payee);
		LocalDate to = LocalDate.now();
		LocalDate from = to.minusMonths(18);
		List<Claim> expected = this.data.claims("""
				c.subscriber_id = ? AND c.member_suffix = ? AND c.service_from >= ? AND c.service_from <= ?
				  AND c.payee_npi IN (%s) ORDER BY c.service_from DESC, c.id DESC
				""".formatted(marks(this.data.claimStatusNpis("frontdesk.demo"))),
				params(List.of(some.member().subscriberId(), some.member().suffix(), from, to),
						this.data.claimStatusNpis("frontdesk.demo")));
		String html = this.mvc
			.perform(search("MEMBER").param("memberId", some.member().toString())
				.param("from", from.toString())
				.param("to", to.toString()))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(html).contains("of " + expected.size() + ".");
		assertThat(positions(html, expected.stream().limit(25).map(Claim::number).toList())).isSorted();
		assertThat(html).contains("aria-sort=\"descending\"");

		List<Claim> byBilled = expected.stream()
			.sorted(java.util.Comparator.comparing(Claim::billed)
				.thenComparing(Claim::serviceFrom, java.util.Comparator.reverseOrder())
				.thenComparing(Claim::id, java.util.Comparator.reverseOrder()))
			.limit(25)
			.toList();
		String fragment = this.mvc
			.perform(search("MEMBER").param("memberId", some.member().toString())
				.param("from", from.toString())
				.param("to", to.toString())
				.param("sort", "billed")
				.param("dir", "asc")
				.header("HX-Request", "true"))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(fragment).doesNotContain("<html").contains("id=\"claim-results\"");
		assertThat(positions(fragment, byBilled.stream().map(Claim::number).toList())).isSorted();
		assertThat(recent("frontdesk.demo")).anyMatch((r) -> r.action().equals("claim.search")
				&& some.member().toString().equals(r.objectId()) && r.outcome() == AuditOutcome.SUCCESS);
	}

	@Test
	void byProviderAndDatesPagesThroughTheClaimsItBilledOrRendered() throws Exception {
		LocalDate to = LocalDate.now();
		LocalDate from = to.minusMonths(12);
		List<Claim> billed = this.data.claims(
				"c.billing_npi = ? AND c.service_from >= ? AND c.service_from <= ? ORDER BY c.service_from DESC, c.id DESC",
				this.payee, from, to);
		assertThat(billed).hasSizeGreaterThan(30);
		String first = this.mvc
			.perform(search("NPI").param("npi", this.payee).param("from", from.toString()).param("to", to.toString()))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(first).contains((billed.size() > ClaimInquiry.LISTED) ? "Claims 1 to 25 of the 1,000 with the latest"
				: "Claims 1 to 25 of " + String.format("%,d", billed.size()) + ".");
		assertThat(positions(first, billed.subList(0, 25).stream().map(Claim::number).toList())).isSorted();
		String second = this.mvc
			.perform(search("NPI").param("npi", this.payee)
				.param("from", from.toString())
				.param("to", to.toString())
				.param("page", "2"))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(second).contains("Claims 26 to 50")
			.contains(billed.get(25).number())
			.doesNotContain(">" + billed.get(0).number() + "<");

		Claim rendered = billed.get(0);
		// A provider's claims: those they billed or rendered, and those paid to them;
		// only
		// those paid to one of the user's NPIs are seen.
		Set<String> visible = this.access.npisFor(this.frontDesk.accountId(), ProviderFunction.CLAIM_STATUS)
			.stream()
			.map(Npi::value)
			.collect(Collectors.toSet());
		List<Claim> byPractitioner = this.data
			.claims("(c.billing_npi = ? OR c.rendering_npi = ? OR c.payee_npi = ?) AND c.service_from >= ?"
					+ " AND c.service_from <= ? ORDER BY c.service_from DESC, c.id DESC", rendered.renderingNpi(),
					rendered.renderingNpi(), rendered.renderingNpi(), from, to)
			.stream()
			.filter((c) -> visible.contains(c.payeeNpi()))
			.toList();
		this.mvc
			.perform(search("NPI").param("npi", rendered.renderingNpi())
				.param("from", from.toString())
				.param("to", to.toString()))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString(
					"of " + String.format("%,d", Math.min(byPractitioner.size(), ClaimInquiry.LISTED)) + ".")))
			.andExpect(content().string(containsString(rendered.number())));
	}

	@Test
	void freeFormFindsByPatientNameStatusBilledAmountAndDate() throws Exception {
		Claim c = this.data.paidClaimOf(this.payee);
		String q = c.lastName().toUpperCase() + " " + c.firstName().substring(0, 2).toLowerCase() + " paid $"
				+ c.billed().toPlainString();
		this.mvc.perform(search("TEXT").param("q", q))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("Claims 1 to 1 of 1.")))
			.andExpect(content().string(containsString(c.number())))
			.andExpect(content().string(containsString("Status: Paid")));
		String usDate = c.serviceFrom().getMonthValue() + "/" + c.serviceFrom().getDayOfMonth() + "/"
				+ c.serviceFrom().getYear();
		this.mvc.perform(search("TEXT").param("q", c.lastName() + " " + usDate))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString(c.number())))
			.andExpect(content().string(containsString("Date of service " + c.serviceFrom())));
		this.mvc.perform(search("TEXT").param("q", c.number()).param("status", "DENIED"))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("No claims found")));
	}

	@Test
	void freeFormIgnoresCaseAccentsAndPunctuationInNames() throws Exception {
		Claim some = this.data.paidClaimOf(this.payee);
		this.data.addClaim(9_000_000_000_101L, "990000000101", "1", null, some.member(), "Renée", "Côté-O'Brien",
				this.payee, some.renderingNpi(), this.payee, LocalDate.now().minusDays(20), new BigDecimal("310.00"),
				new BigDecimal("200.00"), null);
		for (String q : List.of("cote", "REN obrien", "côté", "o'brien renee")) {
			this.mvc.perform(search("TEXT").param("q", q))
				.andExpect(status().isOk())
				.andExpect(content().string(containsString("990000000101")));
		}
		this.mvc.perform(search("TEXT").param("q", "ote"))
			.andExpect(status().isOk())
			.andExpect(content().string(not(containsString("990000000101"))));
	}

	@Test
	void aClaimBilledByTheUsersNpiButPaidToAnotherIsNotFoundAnywhereAndEveryDenialIsAudited() throws Exception {
		String elsewhere = this.data.payeeNpi("other.demo");
		Claim some = this.data.paidClaimOf(this.payee);
		LocalDate date = LocalDate.now().minusDays(30);
		this.data.addPayment(9_000_000_000_201L, "EFT990000000201", elsewhere, date.plusDays(12),
				new BigDecimal("180.00"));
		this.data.addClaim(9_000_000_000_201L, "990000000201", "1", null, some.member(), some.firstName(),
				some.lastName(), this.payee, some.renderingNpi(), elsewhere, date, new BigDecimal("250.00"),
				new BigDecimal("180.00"), 9_000_000_000_201L);

		this.mvc.perform(search("NUMBER").param("claimNumber", "990000000201"))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("No claim found with that number.")));
		assertDenied("claim.search", "990000000201");
		this.mvc
			.perform(search("MEMBER").param("memberId", some.member().toString())
				.param("from", date.minusDays(1).toString())
				.param("to", date.plusDays(1).toString()))
			.andExpect(status().isOk())
			.andExpect(content().string(not(containsString("990000000201"))));
		assertDenied("claim.search", some.member().toString());
		this.mvc
			.perform(search("NPI").param("npi", this.payee)
				.param("from", date.minusDays(1).toString())
				.param("to", date.plusDays(1).toString()))
			.andExpect(status().isOk())
			.andExpect(content().string(not(containsString("990000000201"))));
		assertDenied("claim.search", this.payee);
		this.mvc.perform(search("TEXT").param("q", some.lastName() + " " + date))
			.andExpect(status().isOk())
			.andExpect(content().string(not(containsString("990000000201"))));
		this.mvc.perform(search("TEXT").param("q", "990000000201"))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("No claims found")));
		assertDenied("claim.search", "990000000201");
		this.mvc.perform(get("/claims/990000000201").with(user(this.frontDesk))).andExpect(status().isNotFound());
		assertDenied("claim.view", "990000000201");
		this.mvc.perform(get("/claims/990000000201/claim.pdf").with(user(this.frontDesk)))
			.andExpect(status().isNotFound());
		assertThat(recent("frontdesk.demo"))
			.anyMatch((r) -> r.action().equals("claim.view") && "990000000201".equals(r.objectId())
					&& r.outcome() == AuditOutcome.DENIED && r.detail().contains("PDF"));
		this.mvc.perform(get("/claims/payments/EFT990000000201").with(user(this.frontDesk)))
			.andExpect(status().isNotFound());
		assertDenied("payment.view", "EFT990000000201");
		this.mvc
			.perform(get("/claims/payments/search").param("way", "NUMBER")
				.param("number", "EFT990000000201")
				.with(user(this.frontDesk)))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("No payment found with that number.")));
		assertDenied("payment.search", "EFT990000000201");

		// The practice it is paid to sees it.
		PorticoUser other = this.data.user("other.demo");
		this.mvc.perform(get("/claims/990000000201").with(user(other)))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("Claim 990000000201")));
		this.mvc.perform(get("/claims/payments/EFT990000000201").with(user(other)))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("990000000201")));
	}

	@Test
	void aPractitionerWithoutTheGroupsPayeeNpiSeesNoneOfTheirOwnClaims() throws Exception {
		PorticoUser doctor = this.data.user("doctor.demo");
		String own = this.data.claimStatusNpis("doctor.demo").get(0);
		Claim rendered = this.data
			.claims("c.rendering_npi = ? ORDER BY c.service_from DESC, c.id FETCH FIRST 1 ROWS ONLY", own)
			.get(0);
		assertThat(rendered.payeeNpi()).isNotEqualTo(own);
		this.mvc
			.perform(get("/claims/search").param("way", "NPI")
				.param("npi", own)
				.param("from", rendered.serviceFrom().minusDays(1).toString())
				.param("to", rendered.serviceFrom().toString())
				.with(user(doctor)))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("No claims found")));
		this.mvc.perform(get("/claims/" + rendered.number()).with(user(doctor))).andExpect(status().isNotFound());
		assertThat(recent("doctor.demo")).anyMatch((r) -> r.action().equals("claim.view")
				&& rendered.number().equals(r.objectId()) && r.outcome() == AuditOutcome.DENIED);
	}

	@Test
	void anUnknownClaimNumberGetsTheSameAnswerAsAnInvisibleOne() throws Exception {
		this.mvc.perform(search("NUMBER").param("claimNumber", "260000000000"))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("No claim found with that number.")));
		this.mvc.perform(get("/claims/260000000000").with(user(this.frontDesk))).andExpect(status().isNotFound());
		assertThat(recent("frontdesk.demo")).anyMatch((r) -> r.action().equals("claim.view")
				&& "260000000000".equals(r.objectId()) && r.outcome() == AuditOutcome.FAILURE);
	}

	@Test
	void theAdjustmentHistoryListsTheClaimsThatCorrectedIt() throws Exception {
		Claim some = this.data.paidClaimOf(this.payee);
		LocalDate date = LocalDate.now().minusDays(40);
		this.data.addClaim(9_000_000_000_301L, "990000000301", "1", null, some.member(), some.firstName(),
				some.lastName(), this.payee, some.renderingNpi(), this.payee, date, new BigDecimal("120.00"),
				new BigDecimal("80.00"), null);
		this.data.addClaim(9_000_000_000_302L, "990000000302", "7", "990000000301", some.member(), some.firstName(),
				some.lastName(), this.payee, some.renderingNpi(), this.payee, date, new BigDecimal("140.00"),
				new BigDecimal("95.00"), null);
		this.mvc.perform(get("/claims/990000000301").with(user(this.frontDesk)))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("Adjustment history")))
			.andExpect(content().string(containsString("/claims/990000000302")))
			.andExpect(content().string(containsString("Replacement")))
			.andExpect(content().string(containsString("RARC N381")));
		this.mvc.perform(get("/claims/990000000302").with(user(this.frontDesk)))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("of claim 990000000301")))
			.andExpect(content().string(containsString("/claims/990000000301")));
	}

	@Test
	void badInputIsExplainedInPlainWordsWith422() throws Exception {
		this.mvc.perform(search("NUMBER").param("claimNumber", "12345"))
			.andExpect(status().isUnprocessableContent())
			.andExpect(content().string(containsString("A claim number is 12 digits")));
		this.mvc.perform(
				search("MEMBER").param("memberId", "12345-01").param("from", "2026-01-01").param("to", "2026-02-01"))
			.andExpect(status().isUnprocessableContent())
			.andExpect(content().string(containsString("9 digits and a 2-digit suffix")));
		Claim c = this.data.paidClaimOf(this.payee);
		this.mvc
			.perform(search("MEMBER").param("memberId", c.member().toString())
				.param("from", "2026-03-01")
				.param("to", "2026-02-01"))
			.andExpect(status().isUnprocessableContent())
			.andExpect(content().string(containsString("The last date of service is before the first.")));
		this.mvc.perform(search("NPI").param("npi", this.payee).param("from", "2023-01-01").param("to", "2026-01-01"))
			.andExpect(status().isUnprocessableContent())
			.andExpect(content().string(containsString("Search at most 18 months of dates of service at a time.")));
		this.mvc.perform(search("NPI").param("npi", this.payee).param("from", "soon").param("to", "2026-01-01"))
			.andExpect(status().isUnprocessableContent())
			.andExpect(content().string(containsString("Enter dates as dates")));
		this.mvc.perform(search("NPI").param("npi", "1234567890").param("from", "2026-01-01").param("to", "2026-02-01"))
			.andExpect(status().isUnprocessableContent())
			.andExpect(content().string(containsString("Choose one of your providers.")));
		this.mvc.perform(search("TEXT").param("q", "smith 1234567890"))
			.andExpect(status().isUnprocessableContent())
			.andExpect(content().string(containsString("is not an NPI")));
		this.mvc.perform(search("TEXT").param("q", "  "))
			.andExpect(status().isUnprocessableContent())
			.andExpect(content().string(containsString("Type what to search for")));
		this.mvc.perform(search("TEXT").param("q", "2026-02-30"))
			.andExpect(status().isUnprocessableContent())
			.andExpect(content().string(containsString("not a real date")));
		this.mvc.perform(search("TEXT").param("q", "2026-03-01 2026-02-01").param("from", "2026-01-01"))
			.andExpect(status().isUnprocessableContent())
			.andExpect(content().string(containsString("either in the search or in the date fields")));
		this.mvc
			.perform(get("/claims/payments/search").param("way", "NUMBER")
				.param("number", "12#45")
				.with(user(this.frontDesk)))
			.andExpect(status().isUnprocessableContent())
			.andExpect(content().string(containsString("A check or EFT number is letters and digits only")));
		this.mvc
			.perform(get("/claims/payments/search").param("way", "DATES")
				.param("from", "2026-05-01")
				.param("to", "2026-04-01")
				.with(user(this.frontDesk)))
			.andExpect(status().isUnprocessableContent())
			.andExpect(content().string(containsString("before the first")));
	}

	@Test
	void searchingForAnotherPracticesNpiIsForbiddenAndAudited() throws Exception {
		String theirs = this.data.payeeNpi("other.demo");
		this.mvc.perform(search("NPI").param("npi", theirs).param("from", "2026-01-01").param("to", "2026-02-01"))
			.andExpect(status().isForbidden());
		assertDenied("claim.search", theirs);
		this.mvc
			.perform(get("/claims/payments/search").param("way", "DATES")
				.param("npi", theirs)
				.param("from", "2026-01-01")
				.param("to", "2026-02-01")
				.with(user(this.frontDesk)))
			.andExpect(status().isForbidden());
		assertDenied("payment.search", theirs);
	}

	@Test
	void paymentsByNumberAndDatesLeadToTheRemittanceOfTheClaimsPaid() throws Exception {
		Claim c = this.data.paidClaimOf(this.payee);
		record Paid(String number, LocalDate date) {
		}
		Paid p = this.jdbc.sql("SELECT payment_number, payment_date FROM claims.payment WHERE id = ?")
			.param(c.paymentId())
			.query((rs, row) -> new Paid(rs.getString(1), rs.getObject(2, LocalDate.class)))
			.single();
		this.mvc
			.perform(get("/claims/payments/search").param("way", "NUMBER")
				.param("number", " " + p.number().toLowerCase() + " ")
				.with(user(this.frontDesk)))
			.andExpect(redirectedUrl("/claims/payments/" + p.number()));
		List<String> paid = this.jdbc.sql(
				"SELECT claim_number FROM claims.claim WHERE payment_id = ? ORDER BY claim_number FETCH FIRST 50 ROWS ONLY")
			.param(c.paymentId())
			.query(String.class)
			.list();
		String remittance = this.mvc.perform(get("/claims/payments/" + p.number()).with(user(this.frontDesk)))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(remittance).contains("Remittance for payment " + p.number(), "CO-45", "CARC 45");
		paid.forEach((n) -> assertThat(remittance).contains(n));
		assertThat(positions(remittance, paid)).isSorted();
		assertThat(recent("frontdesk.demo")).anyMatch((r) -> r.action().equals("payment.view")
				&& p.number().equals(r.objectId()) && r.outcome() == AuditOutcome.SUCCESS);
		this.mvc
			.perform(get("/claims/payments/search").param("way", "DATES")
				.param("from", p.date().minusDays(1).toString())
				.param("to", p.date().toString())
				.with(user(this.frontDesk)))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString(p.number())));
	}

	@Test
	void theClaimsSectionIsClosedToUsersWithoutClaimStatus() throws Exception {
		this.mvc.perform(get("/claims").with(user(this.frontDesk)))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("Claim status")))
			.andExpect(content().string(not(containsString("not available yet"))));
		AccountId id = this.accounts.openProviderAccount(
				new NewAccount("noclaims.test", "noclaims@example.org", "No Claims", "no claims password long enough"));
		this.access.grant(id, new Npi(this.payee), AccessRole.AU, Set.of(ProviderFunction.ELIGIBILITY_BENEFITS), null);
		PorticoUser eligibilityOnly = this.data.user("noclaims.test");
		this.mvc
			.perform(get("/claims/search").param("way", "NUMBER")
				.param("claimNumber", "260000000000")
				.with(user(eligibilityOnly)))
			.andExpect(status().isForbidden());
		this.mvc.perform(get("/claims/payments").with(user(eligibilityOnly))).andExpect(status().isForbidden());
	}

	private MockHttpServletRequestBuilder search(String way) {
		return get("/claims/search").param("way", way).with(user(this.frontDesk));
	}

	private List<AuditRecord> recent(String username) {
		return this.audit.recentByActor(username, 8);
	}

	private void assertDenied(String action, String objectId) {
		assertThat(recent("frontdesk.demo")).as(action + " " + objectId + " denied")
			.anyMatch((r) -> r.action().equals(action) && objectId.equals(r.objectId())
					&& r.outcome() == AuditOutcome.DENIED);
	}

	/** Where each text first appears in the page, in the order given. */
	private static List<Integer> positions(String html, List<String> texts) {
		return texts.stream().map((t) -> {
			int at = html.indexOf(">" + t + "<");
			assertThat(at).as(t + " on the page").isNotNegative();
			return at;
		}).toList();
	}

	private static String marks(List<?> values) {
		return String.join(", ", java.util.Collections.nCopies(values.size(), "?"));
	}

	private static Object[] params(List<Object> first, List<String> more) {
		List<Object> all = new java.util.ArrayList<>(first);
		all.addAll(more);
		return all.toArray();
	}

	private static String pdfText(MvcResult result) throws Exception {
		PdfReader reader = new PdfReader(result.getResponse().getContentAsByteArray());
		StringBuilder text = new StringBuilder();
		PdfTextExtractor extractor = new PdfTextExtractor(reader);
		for (int page = 1; page <= reader.getNumberOfPages(); page++) {
			text.append(extractor.getTextFromPage(page)).append('\n');
		}
		return text.toString();
	}

}
