package org.portico.claims;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.portico.PorticoIntegrationTest;
import org.portico.access.AccessApi;
import org.portico.audit.AuditLog;
import org.portico.audit.AuditOutcome;
import org.portico.audit.AuditRecord;
import org.portico.claims.ClaimsTestData.Claim;
import org.portico.identity.Accounts;
import org.portico.identity.PorticoUser;
import org.portico.notifications.SentMail;
import org.portico.platform.DatabaseProduct;
import org.portico.platform.uploads.LocalClamd;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.MockMultipartHttpServletRequestBuilder;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrlPattern;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Claim adjustment cases through the web layer on the real database: what may be asked
 * for which claim, who may ask and see, the files a dispute takes, and the claims staff
 * working a case to its end, with the requester emailed at each step.
 */
@PorticoIntegrationTest
class ClaimAdjustmentTests {

	private static final byte[] PDF = "%PDF-1.4\n1 0 obj << >> endobj\n%%EOF\n".getBytes(StandardCharsets.US_ASCII);

	private static final byte[] PNG = { (byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n', 0, 0, 0, 13, 'I', 'H', 'D',
			'R' };

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

	@Autowired
	AdjustmentCases adjustments;

	@Autowired
	ClaimInquiry inquiry;

	@Autowired
	PlatformTransactionManager transactions;

	@Autowired
	DatabaseProduct databaseProduct;

	private ClaimsTestData data;

	private PorticoUser billing;

	private String payee;

	private Claim some;

	@BeforeEach
	void actAsTheBillingOffice() {
		this.data = new ClaimsTestData(this.jdbc, this.accounts, this.access);
		this.billing = this.data.user("billing.demo");
		this.payee = this.data.payeeNpi("billing.demo");
		this.some = this.data.paidClaimOf(this.payee);
	}

	@AfterEach
	void removeAddedCasesAndClaims() {
		for (String table : List.of("adjustment_attachment", "adjustment_case_event", "adjustment_case_line")) {
			this.jdbc
				.sql("DELETE FROM claims." + table
						+ " WHERE case_id IN (SELECT id FROM claims.adjustment_case WHERE claim_number LIKE '99%')")
				.update();
		}
		this.jdbc.sql("DELETE FROM claims.adjustment_case WHERE claim_number LIKE '99%'").update();
		this.data.removeAdded();
	}

	/** A paid claim of the payee, 30 days old: billed 250.00, paid 180.00. */
	private String paidClaim(int n, String billedBy, String payee) {
		String number = "9900000003" + String.format("%02d", n);
		long id = 9_000_000_000_300L + n;
		this.data.addClaim(id, number, "1", null, this.some.member(), this.some.firstName(), this.some.lastName(),
				billedBy, this.some.renderingNpi(), payee, LocalDate.now().minusDays(30), new BigDecimal("250.00"),
				new BigDecimal("180.00"), null);
		return number;
	}

	private String paidClaim(int n) {
		return paidClaim(n, this.payee, this.payee);
	}

	@Test
	void aCorrectedClaimStartsFromTheOriginalAndOpensACaseFollowedByTrackingNumberAndEmail() throws Exception {
		String claim = paidClaim(1);
		this.mvc.perform(get("/claims/" + claim).with(user(this.billing)))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("Correct this claim")))
			// The procedure and its modifier as billed (text, not a sum of two numbers).
			.andExpect(content().string(containsString(">99214-25<")))
			.andExpect(content().string(containsString("No adjustment requests for this claim yet.")));
		this.mvc
			.perform(get("/claims/" + claim + "/adjustments/new").param("type", "CORRECTED_CLAIM")
				.with(user(this.billing)))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("value=\"99214\"")))
			.andExpect(content().string(containsString("value=\"250.00\"")))
			.andExpect(content().string(containsString("value=\"25\"")));

		String tracking = tracking(
				this.mvc.perform(correction(claim, UUID.randomUUID(), "units-1", "2", "billed-1", "$300.00"))
					.andExpect(redirectedUrlPattern("/claims/adjustments/ADJ-*"))
					.andReturn());

		this.mvc.perform(get("/claims/adjustments/" + tracking).with(user(this.billing)))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("Adjustment case " + tracking)))
			.andExpect(content().string(containsString("Submitted")))
			.andExpect(content().string(containsString("$300.00")))
			.andExpect(content().string(containsString("The modifier was missing")));
		assertThat(this.jdbc.sql("""
				SELECT units FROM claims.adjustment_case_line l JOIN claims.adjustment_case c ON c.id = l.case_id
				WHERE c.claim_number = ?""").param(claim).query(Integer.class).single()).isEqualTo(2);
		assertThat(SentMail.lastSubjectTo(this.jdbc, "billing.demo@example.org")).contains(tracking)
			.contains("received");
		String body = SentMail.lastBodyTo(this.jdbc, "billing.demo@example.org");
		assertThat(body).contains("/claims/adjustments/" + tracking)
			.doesNotContain(claim)
			.doesNotContain(this.some.lastName());
		assertThat(recent("billing.demo")).anyMatch((r) -> r.action().equals("claim.adjustment.open")
				&& claim.equals(r.objectId()) && r.outcome() == AuditOutcome.SUCCESS);
		this.mvc.perform(get("/claims/adjustments").with(user(this.billing)))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString(tracking)));
	}

	@Test
	void aDoubleSubmitOpensOneCaseAndAnOpenCaseOfTheSameTypeIsShownInsteadOfASecond() throws Exception {
		String claim = paidClaim(2);
		UUID submission = UUID.randomUUID();
		String first = tracking(this.mvc.perform(voiding(claim, submission)).andReturn());
		String again = tracking(this.mvc.perform(voiding(claim, submission)).andReturn());
		String other = tracking(this.mvc.perform(voiding(claim, UUID.randomUUID())).andReturn());
		assertThat(again).isEqualTo(first);
		assertThat(other).isEqualTo(first);
		assertThat(cases(claim)).isEqualTo(1);
		this.mvc.perform(get("/claims/" + claim + "/adjustments/new").param("type", "VOID").with(user(this.billing)))
			.andExpect(redirectedUrl("/claims/adjustments/" + first));
		// Another type is another case.
		this.mvc.perform(returnFunds(claim, "10.00")).andExpect(redirectedUrlPattern("/claims/adjustments/ADJ-*"));
		assertThat(cases(claim)).isEqualTo(2);
	}

	/**
	 * Two people of the office voiding the same claim at the same moment: the second
	 * passes the check for an open case while the first's is not committed yet, and is
	 * shown the first's case rather than an error.
	 */
	@Test
	void aVoidSentWhileAColleaguesVoidIsBeingSavedOpensOneCaseAndShowsItToBoth() throws Exception {
		String claim = paidClaim(14);
		ExecutorService pool = Executors.newSingleThreadExecutor();
		String first;
		try {
			Future<MvcResult> second = new TransactionTemplate(this.transactions).execute((transaction) -> {
				ClaimDetail detail = this.inquiry.claim(this.billing, new ClaimNumber(claim), "test").orElseThrow();
				AdjustmentCases.Outcome opened = this.adjustments.open(this.billing, detail,
						new AdjustmentRequest.Correction(AdjustmentType.VOID, List.of(), "Billed twice."),
						UUID.randomUUID());
				assertThat(opened).isInstanceOf(AdjustmentCases.Outcome.Opened.class);
				Future<MvcResult> voiding = pool
					.submit(() -> this.mvc.perform(voiding(claim, UUID.randomUUID())).andReturn());
				awaitInsertingACase(voiding);
				return voiding;
			});
			MvcResult result = second.get(30, TimeUnit.SECONDS);
			first = this.jdbc.sql("SELECT id FROM claims.adjustment_case WHERE claim_number = ?")
				.param(claim)
				.query(Long.class)
				.single()
				.toString();
			assertThat(result.getResponse().getStatus()).isEqualTo(302);
			assertThat(tracking(result)).isEqualTo(TrackingNumber.of(Long.parseLong(first)).value());
		}
		finally {
			pool.shutdownNow();
		}
		assertThat(cases(claim)).isOne();
	}

	private void awaitInsertingACase(Future<?> sending) {
		String inserting = this.databaseProduct.isPostgres() ? """
				SELECT COUNT(*) FROM pg_stat_activity
				WHERE query LIKE '%INSERT INTO claims.adjustment_case (%' AND wait_event_type = 'Lock'
				AND pid <> pg_backend_pid()
				""" : """
				SELECT COUNT(*) FROM information_schema.sessions
				WHERE executing_statement LIKE '%INSERT INTO claims.adjustment_case (%' AND session_id <> SESSION_ID()
				""";
		long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
		while (this.jdbc.sql(inserting).query(Long.class).single() == 0) {
			if (this.databaseProduct.isPostgres()) {
				this.jdbc.sql("SELECT pg_stat_clear_snapshot()").query().singleRow();
			}
			assertThat(sending).as("still sending").isNotDone();
			assertThat(System.nanoTime()).as("inserting by now").isLessThan(deadline);
			Thread.onSpinWait();
		}
	}

	@Test
	void aClaimStillInProcessAVoidedClaimAndOnePastTimelyFilingCannotBeCorrected() throws Exception {
		String pended = paidClaim(3);
		this.jdbc.sql("UPDATE claims.claim SET status = 'PENDED', status_category = 'P1' WHERE claim_number = ?")
			.param(pended)
			.update();
		this.mvc
			.perform(get("/claims/" + pended + "/adjustments/new").param("type", "CORRECTED_CLAIM")
				.with(user(this.billing)))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("This claim is still being processed.")))
			.andExpect(content().string(not(containsString("name=\"units-1\""))));
		this.mvc.perform(correction(pended, UUID.randomUUID(), "units-1", "2"))
			.andExpect(status().isUnprocessableContent())
			.andExpect(content().string(containsString("This claim is still being processed.")));

		String voided = paidClaim(4);
		this.data.addClaim(9_000_000_000_305L, "990000000305", "8", voided, this.some.member(), this.some.firstName(),
				this.some.lastName(), this.payee, this.some.renderingNpi(), this.payee, LocalDate.now().minusDays(30),
				new BigDecimal("250.00"), BigDecimal.ZERO.setScale(2), null);
		this.mvc.perform(correction(voided, UUID.randomUUID(), "units-1", "2"))
			.andExpect(status().isUnprocessableContent())
			.andExpect(content().string(containsString("This claim was voided")));
		this.mvc.perform(voiding("990000000305", UUID.randomUUID()))
			.andExpect(status().isUnprocessableContent())
			.andExpect(content().string(containsString("This claim was voided")));

		String late = paidClaim(6);
		this.jdbc.sql("UPDATE claims.claim SET service_from = ?, service_to = ? WHERE claim_number = ?")
			.params(LocalDate.now().minusDays(400), LocalDate.now().minusDays(400), late)
			.update();
		this.mvc.perform(get("/claims/" + late).with(user(this.billing)))
			.andExpect(content().string(containsString("more than 365 days after the date of service")));
		this.mvc.perform(correction(late, UUID.randomUUID(), "units-1", "2"))
			.andExpect(status().isUnprocessableContent())
			.andExpect(content().string(containsString("more than 365 days after the date of service")));
		// A dispute of the late claim is still possible.
		assertThat(List.of(pended, voided, late)).allSatisfy((c) -> assertThat(cases(c)).isZero());
	}

	@Test
	void correctedLinesAreCheckedOnTheServer() throws Exception {
		String claim = paidClaim(7);
		this.mvc
			.perform(correction(claim, UUID.randomUUID(), "procedure-1", "99-1", "modifiers-1", "25 XYZ", "units-1",
					"0", "billed-1", "lots"))
			.andExpect(status().isUnprocessableContent())
			.andExpect(content().string(containsString("A procedure code is 5 letters or digits")))
			.andExpect(content().string(containsString("Modifiers are up to four")))
			.andExpect(content().string(containsString("Units are a whole number from 1 to 999.")))
			.andExpect(content().string(containsString("A billed amount is a dollar amount")));
		this.mvc.perform(correction(claim, UUID.randomUUID()))
			.andExpect(status().isUnprocessableContent())
			.andExpect(content().string(containsString("Nothing was changed on any line.")));
		this.mvc.perform(correction(claim, UUID.randomUUID(), "units-1", "2", "reason", " "))
			.andExpect(status().isUnprocessableContent())
			.andExpect(content().string(containsString("Say why in Reason.")));
		assertThat(cases(claim)).isZero();
	}

	@Test
	void fundsReturnedAreMoreThanZeroAndNotMoreThanWasPaid() throws Exception {
		String claim = paidClaim(8);
		this.mvc.perform(returnFunds(claim, "180.01"))
			.andExpect(status().isUnprocessableContent())
			.andExpect(content().string(containsString("The amount to return is more than the plan paid")));
		this.mvc.perform(returnFunds(claim, "0"))
			.andExpect(status().isUnprocessableContent())
			.andExpect(content().string(containsString("more than zero")));
		this.mvc.perform(returnFunds(claim, "12.345")).andExpect(status().isUnprocessableContent());
		this.mvc.perform(returnFunds(claim, "40", "OTHER"))
			.andExpect(status().isUnprocessableContent())
			.andExpect(content().string(containsString("If other, why")));
		assertThat(cases(claim)).isZero();
		String tracking = tracking(this.mvc.perform(returnFunds(claim, "$180.00")).andReturn());
		this.mvc.perform(get("/claims/adjustments/" + tracking).with(user(this.billing)))
			.andExpect(content().string(containsString("$180.00")))
			.andExpect(content().string(containsString("Take it from our future payments")));
	}

	@Test
	void textLongerThanACaseKeepsIsRefusedInWordsWithTheFormKeptNeverAServerError() throws Exception {
		String tooLong = "x".repeat(AdjustmentCases.MAX_TEXT + 1);
		String claim = paidClaim(13);
		this.mvc.perform(correction(claim, UUID.randomUUID(), "units-1", "2", "reason", tooLong))
			.andExpect(status().isUnprocessableContent())
			.andExpect(content().string(containsString("Reason is longer than 2,000 characters")))
			.andExpect(content().string(containsString(tooLong)))
			.andExpect(content().string(containsString("<a href=\"#reason\">")))
			.andExpect(content().string(containsString("aria-describedby=\"reason-hint problems\"")))
			.andExpect(content().string(containsString("aria-invalid=\"true\"")));
		this.mvc
			.perform(post("/claims/" + claim + "/adjustments").param("type", "VOID")
				.param("submission", UUID.randomUUID().toString())
				.param("reason", tooLong)
				.with(csrf())
				.with(user(this.billing)))
			.andExpect(status().isUnprocessableContent())
			.andExpect(content().string(containsString("Reason is longer than 2,000 characters")));
		this.mvc.perform(returnFunds(claim, "40", "OTHER").param("otherReason", tooLong))
			.andExpect(status().isUnprocessableContent())
			.andExpect(content().string(containsString("<a href=\"#otherReason\">")))
			.andExpect(content().string(containsString("is longer than 2,000 characters")));
		this.mvc
			.perform(multipart("/claims/" + claim + "/adjustments").param("type", "PAYMENT_DISPUTE")
				.param("submission", UUID.randomUUID().toString())
				.param("category", "OTHER")
				.param("narrative", tooLong)
				.with(csrf())
				.with(user(this.billing)))
			.andExpect(status().isUnprocessableContent())
			.andExpect(content().string(containsString("is longer than 2,000 characters")));
		assertThat(cases(claim)).isZero();

		// Exactly as long as a case keeps is taken.
		String tracking = tracking(this.mvc
			.perform(multipart("/claims/" + claim + "/adjustments").param("type", "PAYMENT_DISPUTE")
				.param("submission", UUID.randomUUID().toString())
				.param("category", "OTHER")
				.param("narrative", "y".repeat(AdjustmentCases.MAX_TEXT))
				.with(csrf())
				.with(user(this.billing)))
			.andReturn());
		PorticoUser staff = this.data.user("claims.staff");
		this.mvc.perform(staff(staff, tracking, "take"))
			.andExpect(redirectedUrl("/staff/claims/adjustments/" + tracking));
		this.mvc.perform(staff(staff, tracking, "request-information").param("note", tooLong))
			.andExpect(status().isUnprocessableContent())
			.andExpect(content().string(containsString("The note is longer than 2,000 characters")));
		this.mvc.perform(staff(staff, tracking, "resolve").param("decision", "DENIED").param("reason", tooLong))
			.andExpect(status().isUnprocessableContent())
			.andExpect(content().string(containsString("The reason for the decision is longer than 2,000 characters")));
		this.mvc.perform(staff(staff, tracking, "request-information").param("note", "Send the contract."))
			.andExpect(redirectedUrl("/staff/claims/adjustments/" + tracking));
		this.mvc
			.perform(multipart("/claims/adjustments/" + tracking + "/information").param("note", tooLong)
				.with(csrf())
				.with(user(this.billing)))
			.andExpect(status().isUnprocessableContent())
			.andExpect(content().string(containsString("The note is longer than 2,000 characters")));
		assertThat(this.jdbc.sql("SELECT status FROM claims.adjustment_case WHERE claim_number = ?")
			.param(claim)
			.query(String.class)
			.single()).isEqualTo("MORE_INFORMATION_REQUESTED");
	}

	@Test
	void aClaimBilledByTheUsersNpiButPaidToAnotherCannotBeAdjustedNorItsCasesOrFilesSeen() throws Exception {
		String elsewhere = this.data.payeeNpi("other.demo");
		String claim = paidClaim(9, this.payee, elsewhere);
		this.mvc
			.perform(get("/claims/" + claim + "/adjustments/new").param("type", "PAYMENT_DISPUTE")
				.with(user(this.billing)))
			.andExpect(status().isNotFound());
		assertDenied("claim.view", claim);
		this.mvc.perform(returnFunds(claim, "10.00")).andExpect(status().isNotFound());
		assertThat(cases(claim)).isZero();

		// The practice paid opens a dispute with a file; the billing NPI's office sees
		// none of it.
		PorticoUser other = this.data.user("other.demo");
		String tracking = tracking(this.mvc
			.perform(dispute(claim, UUID.randomUUID(), other)
				.file(new MockMultipartFile("files", "contract.pdf", "application/pdf", PDF)))
			.andReturn());
		long file = this.jdbc
			.sql("SELECT a.id FROM claims.adjustment_attachment a JOIN claims.adjustment_case c"
					+ " ON c.id = a.case_id WHERE c.claim_number = ?")
			.param(claim)
			.query(Long.class)
			.single();
		this.mvc.perform(get("/claims/adjustments/" + tracking).with(user(this.billing)))
			.andExpect(status().isNotFound());
		assertDenied("claim.adjustment.view", tracking);
		this.mvc.perform(get("/claims/adjustments/" + tracking + "/files/" + file).with(user(this.billing)))
			.andExpect(status().isNotFound());
		assertDenied("claim.adjustment.file", tracking);
		this.mvc.perform(get("/claims/adjustments").with(user(this.billing)))
			.andExpect(content().string(not(containsString(tracking))));
		this.mvc
			.perform(multipart("/claims/adjustments/" + tracking + "/information")
				.file(new MockMultipartFile("files", "more.pdf", "application/pdf", PDF))
				.param("note", "More.")
				.with(csrf())
				.with(user(this.billing)))
			.andExpect(status().isNotFound());
		assertThat(this.jdbc
			.sql("SELECT COUNT(*) FROM claims.adjustment_attachment a JOIN claims.adjustment_case c"
					+ " ON c.id = a.case_id WHERE c.claim_number = ?")
			.param(claim)
			.query(Integer.class)
			.single()).isEqualTo(1);
		this.mvc.perform(get("/claims/adjustments/" + tracking + "/files/" + file).with(user(other)))
			.andExpect(status().isOk())
			.andExpect(header().string("Content-Type", "application/pdf"))
			.andExpect(header().string("Content-Disposition", containsString("attachment")))
			.andExpect(header().string("X-Content-Type-Options", "nosniff"));
		assertThat(this.audit.recentByActor("other.demo", 5)).anyMatch((r) -> r.action().equals("claim.adjustment.file")
				&& tracking.equals(r.objectId()) && r.outcome() == AuditOutcome.SUCCESS);
	}

	@Test
	void aUserWhoSeesTheClaimWithoutClaimAdjustmentsIsRefusedAndAnUnknownClaimIsNotFound() throws Exception {
		String claim = paidClaim(10);
		PorticoUser frontDesk = this.data.user("frontdesk.demo");
		this.mvc.perform(get("/claims/" + claim).with(user(frontDesk)))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("needs the claim adjustments function")))
			.andExpect(content().string(not(containsString("Correct this claim"))));
		this.mvc.perform(get("/claims/" + claim + "/adjustments/new").param("type", "VOID").with(user(frontDesk)))
			.andExpect(status().isForbidden());
		this.mvc
			.perform(post("/claims/" + claim + "/adjustments").param("type", "VOID")
				.param("submission", UUID.randomUUID().toString())
				.param("reason", "Sent twice")
				.with(csrf())
				.with(user(frontDesk)))
			.andExpect(status().isForbidden());
		assertThat(this.audit.recentByActor("frontdesk.demo", 5))
			.anyMatch((r) -> r.action().equals("claim.adjustment.open") && claim.equals(r.objectId())
					&& r.outcome() == AuditOutcome.DENIED);
		assertThat(cases(claim)).isZero();

		this.mvc.perform(get("/claims/260000000000/adjustments/new").param("type", "VOID").with(user(this.billing)))
			.andExpect(status().isNotFound());
		this.mvc.perform(returnFunds("260000000000", "10.00")).andExpect(status().isNotFound());
		this.mvc.perform(get("/claims/adjustments/ADJ-99999999").with(user(this.billing)))
			.andExpect(status().isNotFound());
	}

	@Test
	void aDisputeKeepsItsFilesAndRefusesDisguisedOversizedTooManyAndInfectedOnesStoringNothing() throws Exception {
		String claim = paidClaim(11);
		// A text file named .pdf, and a file over 10 MB, an 11th file, and the EICAR test
		// file.
		this.mvc
			.perform(dispute(claim, UUID.randomUUID(), this.billing)
				.file(new MockMultipartFile("files", "contract.pdf", "application/pdf", PDF))
				.file(new MockMultipartFile("files", "notes.pdf", "application/pdf",
						"just some text".getBytes(StandardCharsets.US_ASCII))))
			.andExpect(status().isUnprocessableContent())
			.andExpect(content().string(containsString("notes.pdf is not a PDF, TIFF, PNG or JPEG file")));
		byte[] large = new byte[(int) (10L * 1024 * 1024 + 1)];
		System.arraycopy(PDF, 0, large, 0, PDF.length);
		this.mvc
			.perform(dispute(claim, UUID.randomUUID(), this.billing)
				.file(new MockMultipartFile("files", "scan.pdf", "application/pdf", large)))
			.andExpect(status().isUnprocessableContent())
			.andExpect(content().string(containsString("scan.pdf is 10.0 MB")));
		MockMultipartHttpServletRequestBuilder eleven = dispute(claim, UUID.randomUUID(), this.billing);
		for (int i = 0; i < 11; i++) {
			eleven.file(new MockMultipartFile("files", "page" + i + ".pdf", "application/pdf", PDF));
		}
		this.mvc.perform(eleven)
			.andExpect(status().isUnprocessableContent())
			.andExpect(content().string(containsString("at most 10 files")));
		this.mvc
			.perform(dispute(claim, UUID.randomUUID(), this.billing)
				.file(new MockMultipartFile("files", "contract.pdf", "application/pdf", PDF))
				.file(new MockMultipartFile("files", "eob.pdf", "application/pdf", LocalClamd.infectedPdf())))
			.andExpect(status().isUnprocessableContent())
			.andExpect(content().string(containsString("The virus check found harmful content in eob.pdf")));
		assertThat(cases(claim)).isZero();
		assertThat(this.audit.recentByActor("billing.demo", 10))
			.anyMatch((r) -> r.action().equals("claim.adjustment.open") && r.outcome() == AuditOutcome.FAILURE
					&& r.detail().contains("virus"));

		// A PNG named .pdf is kept as what it is.
		String tracking = tracking(this.mvc
			.perform(dispute(claim, UUID.randomUUID(), this.billing)
				.file(new MockMultipartFile("files", "contract.pdf", "application/pdf", PDF))
				.file(new MockMultipartFile("files", "photo.pdf", "application/pdf", PNG)))
			.andReturn());
		List<String> kept = this.jdbc.sql("""
				SELECT a.display_name || ' ' || a.media_type FROM claims.adjustment_attachment a
				JOIN claims.adjustment_case c ON c.id = a.case_id WHERE c.claim_number = ? ORDER BY a.id""")
			.param(claim)
			.query(String.class)
			.list();
		assertThat(kept).containsExactly("contract.pdf application/pdf", "photo.png image/png");
		this.mvc.perform(get("/claims/adjustments/" + tracking).with(user(this.billing)))
			.andExpect(content().string(containsString("photo.png")));
	}

	@Test
	void claimsStaffTakesAsksForMoreAndResolvesACaseAndTheRequesterIsEmailedAtEachStep() throws Exception {
		String claim = paidClaim(12);
		String tracking = tracking(this.mvc
			.perform(dispute(claim, UUID.randomUUID(), this.billing)
				.file(new MockMultipartFile("files", "contract.pdf", "application/pdf", PDF)))
			.andReturn());
		PorticoUser staff = this.data.user("claims.staff");
		this.mvc.perform(get("/staff/claims/adjustments").with(user(staff)))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString(tracking)));
		this.mvc.perform(get("/staff/claims/adjustments/" + tracking).with(user(staff)))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("The claim as processed")))
			.andExpect(content().string(containsString(">99214-25<")))
			.andExpect(content().string(containsString("Paid below the contracted rate for 99214.")))
			.andExpect(content().string(containsString("Take this case")));
		assertThat(this.audit.recentByActor("claims.staff", 5)).anyMatch((r) -> r.action().equals("claim.view")
				&& claim.equals(r.objectId()) && r.outcome() == AuditOutcome.SUCCESS);
		this.mvc.perform(get("/staff/claims/adjustments").with(user(this.data.user("services.staff"))))
			.andExpect(status().isForbidden());
		this.mvc.perform(get("/staff/claims/adjustments").with(user(this.billing))).andExpect(status().isForbidden());
		// Staff on the office's page of the case: answered like a case not on file, and
		// recorded as refused.
		this.mvc.perform(get("/claims/adjustments/" + tracking).with(user(staff))).andExpect(status().isNotFound());
		assertThat(this.audit.recentByActor("claims.staff", 5))
			.anyMatch((r) -> r.action().equals("claim.adjustment.view") && tracking.equals(r.objectId())
					&& r.outcome() == AuditOutcome.DENIED);

		this.mvc.perform(staff(staff, tracking, "take"))
			.andExpect(redirectedUrl("/staff/claims/adjustments/" + tracking));
		assertThat(SentMail.lastSubjectTo(this.jdbc, "billing.demo@example.org")).contains(tracking)
			.contains("in review");
		this.mvc.perform(staff(staff, tracking, "take")).andExpect(status().isUnprocessableContent());
		this.mvc.perform(staff(staff, tracking, "request-information")).andExpect(status().isUnprocessableContent());
		this.mvc.perform(staff(staff, tracking, "request-information").param("note", "Send the signed contract page."))
			.andExpect(redirectedUrl("/staff/claims/adjustments/" + tracking));
		assertThat(SentMail.lastSubjectTo(this.jdbc, "billing.demo@example.org")).contains("more information");

		// The office sees what is asked and answers with a file; the case goes back to
		// review.
		this.mvc.perform(get("/claims/adjustments/" + tracking).with(user(this.billing)))
			.andExpect(content().string(containsString("More information requested")))
			.andExpect(content().string(containsString("Send the signed contract page.")))
			.andExpect(content().string(containsString("Send to claims staff")));
		// A colleague who sees the claim but may not adjust it follows the case, and no
		// more.
		PorticoUser frontDesk = this.data.user("frontdesk.demo");
		this.mvc.perform(get("/claims/adjustments/" + tracking).with(user(frontDesk)))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("More information requested")))
			.andExpect(content().string(not(containsString("Send to claims staff"))));
		this.mvc
			.perform(multipart("/claims/adjustments/" + tracking + "/information").param("note", "Here it is.")
				.with(csrf())
				.with(user(frontDesk)))
			.andExpect(status().isForbidden());
		assertThat(this.audit.recentByActor("frontdesk.demo", 5))
			.anyMatch((r) -> r.action().equals("claim.adjustment.add-information") && tracking.equals(r.objectId())
					&& r.outcome() == AuditOutcome.DENIED);
		// Refused before the files are looked at: a file that would be refused changes
		// nothing.
		this.mvc
			.perform(multipart("/claims/adjustments/" + tracking + "/information")
				.file(new MockMultipartFile("files", "notes.pdf", "application/pdf", "not a PDF".getBytes()))
				.with(csrf())
				.with(user(frontDesk)))
			.andExpect(status().isForbidden());
		this.mvc
			.perform(multipart("/claims/adjustments/" + tracking + "/information")
				.file(new MockMultipartFile("files", "signed.png", "image/png", PNG))
				.param("note", "Signed page attached.")
				.with(csrf())
				.with(user(this.billing)))
			.andExpect(redirectedUrl("/claims/adjustments/" + tracking));
		long file = this.jdbc
			.sql("SELECT MAX(a.id) FROM claims.adjustment_attachment a JOIN claims.adjustment_case c"
					+ " ON c.id = a.case_id WHERE c.claim_number = ?")
			.param(claim)
			.query(Long.class)
			.single();
		this.mvc.perform(get("/staff/claims/adjustments/" + tracking + "/files/" + file).with(user(staff)))
			.andExpect(status().isOk())
			.andExpect(header().string("Content-Type", "image/png"))
			.andExpect(header().string("X-Content-Type-Options", "nosniff"));

		this.mvc.perform(staff(staff, tracking, "resolve").param("decision", "DENIED"))
			.andExpect(status().isUnprocessableContent())
			.andExpect(content().string(containsString("Say why the request is denied")));
		this.mvc.perform(staff(staff, tracking, "resolve").param("decision", "APPROVED").param("reason", "Repriced."))
			.andExpect(redirectedUrl("/staff/claims/adjustments/" + tracking));
		assertThat(SentMail.lastSubjectTo(this.jdbc, "billing.demo@example.org")).contains("approved");
		this.mvc.perform(get("/claims/adjustments/" + tracking).with(user(this.billing)))
			.andExpect(content().string(containsString("Resolved: approved")))
			.andExpect(content().string(containsString("Repriced.")))
			.andExpect(content().string(not(containsString("Send to claims staff"))));
		assertThat(this.jdbc.sql("""
				SELECT COUNT(*) FROM notifications.outbox WHERE recipient = 'billing.demo@example.org'
				AND subject LIKE ?""").param("%" + tracking + "%").query(Integer.class).single()).isEqualTo(5);
		List<String> steps = this.audit.recentByActor("claims.staff", 20)
			.stream()
			.filter((r) -> tracking.equals(r.objectId()) && r.outcome() == AuditOutcome.SUCCESS)
			.map(AuditRecord::action)
			.toList();
		assertThat(steps).contains("claim.adjustment.take", "claim.adjustment.request-information",
				"claim.adjustment.resolve", "claim.adjustment.file");
		// Resolved, another dispute of the claim may be opened.
		this.mvc
			.perform(get("/claims/" + claim + "/adjustments/new").param("type", "PAYMENT_DISPUTE")
				.with(user(this.billing)))
			.andExpect(status().isOk());
	}

	/**
	 * A corrected claim of the added claim's one line; the overrides are name, value
	 * pairs.
	 */
	private MockHttpServletRequestBuilder correction(String claim, UUID submission, String... overrides) {
		Map<String, String> fields = new LinkedHashMap<>();
		fields.put("procedure-1", "99214");
		fields.put("modifiers-1", "25");
		fields.put("units-1", "1");
		fields.put("billed-1", "250.00");
		fields.put("reason", "The modifier was missing and the units were wrong.");
		for (int i = 0; i < overrides.length; i += 2) {
			fields.put(overrides[i], overrides[i + 1]);
		}
		MockHttpServletRequestBuilder request = post("/claims/" + claim + "/adjustments")
			.param("type", "CORRECTED_CLAIM")
			.param("submission", submission.toString());
		fields.forEach(request::param);
		return request.with(csrf()).with(user(this.billing));
	}

	private MockHttpServletRequestBuilder voiding(String claim, UUID submission) {
		return post("/claims/" + claim + "/adjustments").param("type", "VOID")
			.param("submission", submission.toString())
			.param("reason", "Billed for the wrong patient.")
			.with(csrf())
			.with(user(this.billing));
	}

	private MockHttpServletRequestBuilder returnFunds(String claim, String amount) {
		return returnFunds(claim, amount, "DUPLICATE_PAYMENT");
	}

	private MockHttpServletRequestBuilder returnFunds(String claim, String amount, String reason) {
		return post("/claims/" + claim + "/adjustments").param("type", "RETURN_FUNDS")
			.param("submission", UUID.randomUUID().toString())
			.param("amount", amount)
			.param("refundReason", reason)
			.param("method", "OFFSET")
			.with(csrf())
			.with(user(this.billing));
	}

	private MockMultipartHttpServletRequestBuilder dispute(String claim, UUID submission, PorticoUser as) {
		return (MockMultipartHttpServletRequestBuilder) multipart("/claims/" + claim + "/adjustments")
			.param("type", "PAYMENT_DISPUTE")
			.param("submission", submission.toString())
			.param("category", "PAID_BELOW_CONTRACT")
			.param("narrative", "Paid below the contracted rate for 99214.")
			.with(csrf())
			.with(user(as));
	}

	private MockHttpServletRequestBuilder staff(PorticoUser staff, String tracking, String step) {
		return post("/staff/claims/adjustments/" + tracking + "/" + step).with(csrf()).with(user(staff));
	}

	private static String tracking(MvcResult result) {
		String location = result.getResponse().getRedirectedUrl();
		assertThat(location).as("redirect to the case").startsWith("/claims/adjustments/ADJ-");
		return location.substring(location.lastIndexOf('/') + 1);
	}

	private int cases(String claim) {
		return this.jdbc.sql("SELECT COUNT(*) FROM claims.adjustment_case WHERE claim_number = ?")
			.param(claim)
			.query(Integer.class)
			.single();
	}

	private List<AuditRecord> recent(String username) {
		return this.audit.recentByActor(username, 8);
	}

	private void assertDenied(String action, String objectId) {
		assertThat(recent("billing.demo")).as(action + " " + objectId + " denied")
			.anyMatch((r) -> r.action().equals(action) && objectId.equals(r.objectId())
					&& r.outcome() == AuditOutcome.DENIED);
	}

}
