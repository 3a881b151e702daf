package org.portico.authorizations;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.lowagie.text.pdf.PdfReader;
import com.lowagie.text.pdf.parser.PdfTextExtractor;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.portico.PorticoIntegrationTest;
import org.portico.access.AccessApi;
import org.portico.access.ProviderFunction;
import org.portico.audit.AuditLog;
import org.portico.audit.AuditOutcome;
import org.portico.identity.Accounts;
import org.portico.identity.PorticoUser;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockMultipartHttpServletRequestBuilder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Prior authorization requests through the web layer on the real database: decided by the
 * smart sheet at once or pended into the reviewers' queue, the status page and the
 * decision letter, bad input, double submits, and who may see what.
 */
@PorticoIntegrationTest
class PriorAuthorizationTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	Accounts accounts;

	@Autowired
	AccessApi access;

	@Autowired
	AuditLog audit;

	@Autowired
	Authorizations authorizations;

	@Autowired
	JdbcClient jdbc;

	private PorticoUser frontDesk;

	private String npi;

	private String member;

	@BeforeEach
	void actAsTheFrontDesk() {
		this.frontDesk = (PorticoUser) this.accounts.loadUserByUsername("frontdesk.demo");
		this.npi = this.access.npisFor(this.frontDesk.accountId(), ProviderFunction.REFERRALS_AUTHORIZATIONS)
			.iterator()
			.next()
			.value();
		this.member = coveredMember();
	}

	@Test
	void anMriWhoseSheetMeetsTheCriteriaIsApprovedAtOnceWithALetter() throws Exception {
		String tracking = submitted(lumbarMri("RADICULOPATHY", "8"));
		assertThat(tracking).startsWith("PA-");
		this.mvc.perform(get("/authorizations/prior/" + tracking).with(user(this.frontDesk)))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("Approved. The authorization number is " + tracking)))
			.andExpect(content().string(containsString("Approved for 1 unit(s), from " + LocalDate.now())))
			.andExpect(content().string(containsString("Pain radiating down the leg")));
		MvcResult pdf = this.mvc
			.perform(get("/authorizations/prior/" + tracking + "/letter.pdf").with(user(this.frontDesk)))
			.andExpect(status().isOk())
			.andExpect(content().contentType("application/pdf"))
			.andReturn();
		String text = pdfText(pdf.getResponse().getContentAsByteArray());
		assertThat(text).contains("Prior authorization decision", tracking, this.member, "MRI of the lumbar spine",
				"The service is approved as described below", "met the plan's clinical criteria");
		assertThat(this.audit.recentByActor("frontdesk.demo", 3))
			.anyMatch((r) -> r.action().equals("authorization.letter") && r.objectId().equals(tracking)
					&& r.outcome() == AuditOutcome.SUCCESS);
		this.mvc
			.perform(get("/authorizations/prior").param("search", "1")
				.param("memberId", this.member)
				.param("status", "APPROVED")
				.with(user(this.frontDesk)))
			.andExpect(content().string(containsString(tracking)))
			.andExpect(content().string(containsString("Requested here")));
	}

	@Test
	void anMriWhoseSheetDoesNotMeetTheCriteriaIsPendedIntoTheReviewersQueueWithItsDueTime() throws Exception {
		String tracking = submitted(lumbarMri("AXIAL", "2"));
		this.mvc.perform(get("/authorizations/prior/" + tracking).with(user(this.frontDesk)))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("Sent for clinical review")))
			.andExpect(content().string(containsString("A decision is due by")))
			.andExpect(content().string(containsString("do not meet the clinical criteria")))
			.andExpect(content().string(not(containsString("letter.pdf"))));
		this.mvc.perform(get("/authorizations/prior/" + tracking + "/letter.pdf").with(user(this.frontDesk)))
			.andExpect(status().isNotFound());
		PorticoUser reviewer = (PorticoUser) this.accounts.loadUserByUsername("reviewer.staff");
		assertThat(this.authorizations.queue(reviewer, List.of(RequestKind.PRIOR_AUTH)))
			.anyMatch((r) -> r.trackingNumber().equals(tracking));
	}

	@Test
	void aDeniedRequestShowsTheReviewersReasonAndItsLetterSaysIt() throws Exception {
		String tracking = submitted(lumbarMri("AXIAL", "2"));
		PorticoUser reviewer = (PorticoUser) this.accounts.loadUserByUsername("reviewer.staff");
		this.authorizations.take(reviewer, tracking);
		this.authorizations.deny(reviewer, tracking, DenialReason.NOT_MEDICALLY_NECESSARY,
				"Six weeks of physical therapy first.");
		this.mvc.perform(get("/authorizations/prior/" + tracking).with(user(this.frontDesk)))
			.andExpect(content().string(containsString("Denied.")))
			.andExpect(content().string(containsString("Not medically necessary")))
			.andExpect(content().string(containsString("Six weeks of physical therapy first.")));
		String text = pdfText(
				this.mvc.perform(get("/authorizations/prior/" + tracking + "/letter.pdf").with(user(this.frontDesk)))
					.andReturn()
					.getResponse()
					.getContentAsByteArray());
		assertThat(text).contains("denied", "Not medically necessary", "Six weeks of physical therapy first.",
				"Appeal");
	}

	@Test
	void missingRequiredAnswersAre422WithEachQuestionAndNothingIsStored() throws Exception {
		long before = count();
		this.mvc.perform(form("MRI-LUMBAR", Map.of()).param("answer.red-flags", "no"))
			.andExpect(status().isUnprocessableContent())
			.andExpect(
					content().string(containsString("Answer the question: How many weeks of conservative treatment")))
			.andExpect(content().string(containsString("Answer the question: What best describes the main finding?")))
			.andExpect(content().string(containsString("href=\"#answer-last-exam\"")))
			.andExpect(content().string(containsString("aria-describedby=\"answer-weeks-conservative-problems\"")));
		assertThat(count()).isEqualTo(before);
	}

	@Test
	void anEndBeforeTheStartAndAMemberNotCoveredAreRefused() throws Exception {
		this.mvc.perform(lumbarMri("RADICULOPATHY", "8", Map.of("end", LocalDate.now().minusDays(1).toString())))
			.andExpect(status().isUnprocessableContent())
			.andExpect(content().string(containsString("The last date of service is before the first.")));
		String lapsed = this.jdbc.sql("""
				SELECT c.subscriber_id || '-' || c.member_suffix FROM members.coverage c
				WHERE c.termination_date < CURRENT_DATE AND NOT EXISTS (SELECT 1 FROM members.coverage n
				  WHERE n.subscriber_id = c.subscriber_id AND n.member_suffix = c.member_suffix
				  AND (n.termination_date IS NULL OR n.termination_date >= CURRENT_DATE))
				ORDER BY 1 FETCH FIRST 1 ROWS ONLY
				""").query(String.class).single();
		this.mvc.perform(lumbarMri("RADICULOPATHY", "8", Map.of("memberId", lapsed)))
			.andExpect(status().isUnprocessableContent())
			.andExpect(content().string(containsString("The member is not covered on " + LocalDate.now())));
	}

	@Test
	void aPlainFormPostWithoutFilesIsDecidedTheSameWay() throws Exception {
		// As the benchmark sends it: url-encoded, no file parts.
		String location = this.mvc
			.perform(post("/authorizations/prior").contentType(MediaType.APPLICATION_FORM_URLENCODED)
				.param("npi", this.npi)
				.param("servicingNpi", this.npi)
				.param("memberId", this.member)
				.param("service", "MRI-LUMBAR")
				.param("units", "1")
				.param("start", LocalDate.now().toString())
				.param("end", LocalDate.now().plusDays(29).toString())
				.param("priority", "STANDARD")
				.param("answer.red-flags", "no")
				.param("answer.weeks-conservative", "8")
				.param("answer.indication", "RADICULOPATHY")
				.param("answer.last-exam", LocalDate.now().minusDays(3).toString())
				.param("submission", String.format("%08x-%04x-0000-0000-%012x", 1, 2, 3))
				.with(user(this.frontDesk))
				.with(csrf()))
			.andExpect(status().is3xxRedirection())
			.andReturn()
			.getResponse()
			.getRedirectedUrl();
		this.mvc.perform(get(location).with(user(this.frontDesk)))
			.andExpect(content().string(containsString("Approved. The authorization number is")));
	}

	@Test
	void theSameFormSentTwiceMakesOneRequest() throws Exception {
		String key = UUID.randomUUID().toString();
		long before = count();
		String first = submitted(lumbarMri("RADICULOPATHY", "8", Map.of("submission", key)));
		String second = submitted(lumbarMri("RADICULOPATHY", "8", Map.of("submission", key)));
		assertThat(second).isEqualTo(first);
		assertThat(count()).isEqualTo(before + 1);
	}

	@Test
	void geneticTestingNeedsItsCounselingNoteAndAlwaysGoesToAReviewer() throws Exception {
		this.mvc.perform(genetic())
			.andExpect(status().isUnprocessableContent())
			.andExpect(content().string(containsString("Attach the document: Genetic counseling note")));
		byte[] note = "%PDF-1.4\n% counseling note\n".getBytes(StandardCharsets.US_ASCII);
		MockMultipartHttpServletRequestBuilder withNote = genetic();
		withNote.file(new MockMultipartFile("document.counseling-note", "note.pdf", "application/pdf", note));
		String tracking = submitted(withNote);
		String page = this.mvc.perform(get("/authorizations/prior/" + tracking).with(user(this.frontDesk)))
			.andExpect(content().string(containsString("must be read by a clinical reviewer")))
			.andReturn()
			.getResponse()
			.getContentAsString();
		String link = page.replaceAll("(?s).*href=\"(/authorizations/prior/" + tracking + "/documents/[0-9]+)\".*",
				"$1");
		this.mvc.perform(get(link).with(user(this.frontDesk)))
			.andExpect(status().isOk())
			.andExpect(content().bytes(note));
	}

	@Test
	void withoutTheFunctionOrTheNpiTheUserGetsThe403PageAndAnotherPracticeFindsNothing() throws Exception {
		PorticoUser billing = (PorticoUser) this.accounts.loadUserByUsername("billing.demo");
		this.mvc.perform(get("/authorizations/prior/new").with(user(billing))).andExpect(status().isForbidden());
		PorticoUser other = (PorticoUser) this.accounts.loadUserByUsername("other.demo");
		String otherNpi = this.access.npisFor(other.accountId(), ProviderFunction.REFERRALS_AUTHORIZATIONS)
			.iterator()
			.next()
			.value();
		this.mvc.perform(lumbarMri("RADICULOPATHY", "8", Map.of("npi", otherNpi))).andExpect(status().isForbidden());
		assertThat(this.audit.recentByActor("frontdesk.demo", 3))
			.anyMatch((r) -> r.action().equals("authorization.prior.submit") && r.objectId().equals(otherNpi)
					&& r.outcome() == AuditOutcome.DENIED);
		String tracking = submitted(lumbarMri("RADICULOPATHY", "8"));
		this.mvc.perform(get("/authorizations/prior/" + tracking).with(user(other))).andExpect(status().isNotFound());
		this.mvc.perform(get("/authorizations/prior/" + tracking + "/letter.pdf").with(user(other)))
			.andExpect(status().isNotFound());
		assertThat(this.audit.recentByActor("other.demo", 2)).anyMatch((r) -> r.action().equals("authorization.view")
				&& r.objectId().equals(tracking) && r.outcome() == AuditOutcome.DENIED);
	}

	private String submitted(MockMultipartHttpServletRequestBuilder request) throws Exception {
		String location = this.mvc.perform(request)
			.andExpect(status().is3xxRedirection())
			.andReturn()
			.getResponse()
			.getRedirectedUrl();
		assertThat(location).startsWith("/authorizations/prior/PA-");
		return location.substring("/authorizations/prior/".length());
	}

	private MockMultipartHttpServletRequestBuilder lumbarMri(String indication, String weeks) {
		return lumbarMri(indication, weeks, Map.of());
	}

	/** A lumbar MRI request, with some of the request's fields given other values. */
	private MockMultipartHttpServletRequestBuilder lumbarMri(String indication, String weeks,
			Map<String, String> instead) {
		MockMultipartHttpServletRequestBuilder request = form("MRI-LUMBAR", instead);
		request.param("answer.red-flags", "no")
			.param("answer.weeks-conservative", weeks)
			.param("answer.indication", indication)
			.param("answer.last-exam", LocalDate.now().minusDays(3).toString());
		return request;
	}

	private MockMultipartHttpServletRequestBuilder genetic() {
		MockMultipartHttpServletRequestBuilder request = form("GENETIC-BRCA", Map.of());
		request.param("answer.personal-history", "no")
			.param("answer.family-history", "yes")
			.param("answer.counseled", "yes");
		return request;
	}

	private MockMultipartHttpServletRequestBuilder form(String service, Map<String, String> instead) {
		Map<String, String> fields = new LinkedHashMap<>();
		fields.put("npi", this.npi);
		fields.put("servicingNpi", this.npi);
		fields.put("memberId", this.member);
		fields.put("service", service);
		fields.put("units", "1");
		fields.put("start", LocalDate.now().toString());
		fields.put("end", LocalDate.now().plusDays(30).toString());
		fields.put("priority", "STANDARD");
		fields.put("submission", UUID.randomUUID().toString());
		fields.putAll(instead);
		MockMultipartHttpServletRequestBuilder request = multipart("/authorizations/prior");
		fields.forEach(request::param);
		request.with(user(this.frontDesk)).with(csrf());
		return request;
	}

	private long count() {
		return this.jdbc.sql("SELECT COUNT(*) FROM authorizations.request WHERE kind = 'PRIOR_AUTH'")
			.query(Long.class)
			.single();
	}

	/** A member covered by a commercial product today and for the next 60 days. */
	private String coveredMember() {
		return this.jdbc.sql("""
				SELECT c.subscriber_id || '-' || c.member_suffix FROM members.coverage c
				JOIN members.product p ON p.code = c.product_code
				WHERE p.line_of_business = 'COMMERCIAL' AND c.effective_date <= CURRENT_DATE
				  AND (c.termination_date IS NULL OR c.termination_date >= CURRENT_DATE + 60)
				ORDER BY c.subscriber_id DESC, c.member_suffix FETCH FIRST 1 ROWS ONLY
				""").query(String.class).single();
	}

	static String pdfText(byte[] pdf) throws Exception {
		PdfReader reader = new PdfReader(pdf);
		PdfTextExtractor extractor = new PdfTextExtractor(reader);
		StringBuilder text = new StringBuilder();
		for (int page = 1; page <= reader.getNumberOfPages(); page++) {
			text.append(extractor.getTextFromPage(page)).append('\n');
		}
		return text.toString();
	}

}
