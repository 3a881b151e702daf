package org.portico.members;

import java.time.LocalDate;

import java.util.List;
import java.util.regex.MatchResult;
import java.util.regex.Pattern;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.portico.PorticoIntegrationTest;
import org.portico.web.PortalSession;
import org.portico.access.AccessApi;
import org.portico.access.ProviderFunction;
import org.portico.audit.AuditLog;
import org.portico.audit.AuditOutcome;
import org.portico.identity.Accounts;
import org.portico.identity.PorticoUser;
import org.portico.providers.Npi;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
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
 * Eligibility & Benefits through the web layer on the real database: the three ways to
 * find a member, only on exact matches, the report, and who may see it.
 */
@PorticoIntegrationTest
class EligibilityTests {

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

	private PorticoUser frontDesk;

	private String npi;

	/**
	 * The portal's session, kept in the database: its cookie, carried between requests.
	 */
	private PortalSession session;

	@BeforeEach
	void actAsTheFrontDesk() {
		this.frontDesk = (PorticoUser) this.accounts.loadUserByUsername("frontdesk.demo");
		this.npi = this.access.npisFor(this.frontDesk.accountId(), ProviderFunction.ELIGIBILITY_BENEFITS)
			.iterator()
			.next()
			.value();
		this.session = new PortalSession(this.mvc);
	}

	@Test
	void byMemberIdTheReportShowsCoverageBenefitsAndIsAudited() throws Exception {
		Member m = coveredMember();
		String report = "/eligibility/members/" + m.id() + "?npi=" + this.npi + "&dos=" + LocalDate.now();
		this.session.perform(search("ID").param("memberId", " " + m.id().subscriberId() + " " + m.id().suffix()))
			.andExpect(redirectedUrl(report));
		this.session.perform(get(report).with(user(this.frontDesk)))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString(HtmlUtils.htmlEscape(m.firstName() + " " + m.lastName()))))
			.andExpect(content().string(containsString(HtmlUtils.htmlEscape(m.productName()))))
			.andExpect(content().string(containsString("Covered on " + LocalDate.now())))
			.andExpect(content().string(containsString("Physical and occupational therapy")))
			.andExpect(content().string(containsString("Out-of-pocket maximum")));
		assertThat(this.audit.recentByActor("frontdesk.demo", 5)).anyMatch((r) -> r.action().equals("member.view")
				&& r.objectId().equals(m.id().toString()) && r.outcome() == AuditOutcome.SUCCESS);
	}

	@Test
	void thePdfHoldsTheSameReportAndOpensOnlyForAFoundMember() throws Exception {
		Member m = coveredMember();
		String pdf = "/eligibility/members/" + m.id() + "/report.pdf?npi=" + this.npi;
		this.session.perform(get(pdf).with(user(this.frontDesk))).andExpect(status().isNotFound());
		this.session.perform(search("ID").param("memberId", m.id().toString())).andExpect(status().is3xxRedirection());
		MvcResult result = this.session.perform(get(pdf).with(user(this.frontDesk)))
			.andExpect(status().isOk())
			.andExpect(content().contentType("application/pdf"))
			.andReturn();
		com.lowagie.text.pdf.PdfReader reader = new com.lowagie.text.pdf.PdfReader(
				result.getResponse().getContentAsByteArray());
		StringBuilder text = new StringBuilder();
		com.lowagie.text.pdf.parser.PdfTextExtractor extractor = new com.lowagie.text.pdf.parser.PdfTextExtractor(
				reader);
		for (int page = 1; page <= reader.getNumberOfPages(); page++) {
			text.append(extractor.getTextFromPage(page)).append('\n');
		}
		assertThat(text.toString()).contains(m.firstName() + " " + m.lastName(), m.id().toString(), m.productName(),
				"Covered on " + LocalDate.now(), "Physical and occupational therapy",
				"Plan year " + LocalDate.now().getYear() + ": deductible and out-of-pocket maximum");
		// Every amount the page shows, the PDF writes the same way.
		String page = this.session
			.perform(get("/eligibility/members/" + m.id() + "?npi=" + this.npi).with(user(this.frontDesk)))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		List<String> amounts = Pattern.compile("\\$[0-9,]+\\.[0-9]{2}")
			.matcher(page)
			.results()
			.map(MatchResult::group)
			.toList();
		assertThat(amounts).as("the plan year's deductible and out-of-pocket amounts").hasSizeGreaterThanOrEqualTo(6);
		assertThat(text.toString()).contains(amounts);
		assertThat(this.audit.recentByActor("frontdesk.demo", 3)).anyMatch((r) -> r.action().equals("member.view")
				&& r.objectId().equals(m.id().toString()) && r.detail().contains("PDF"));
	}

	@Test
	void byNameAndBirthDateCaseAndAccentsDoNotMatter() throws Exception {
		Member m = coveredMember();
		this.mvc
			.perform(search("NAME").param("firstName", m.firstName().toUpperCase())
				.param("lastName", " " + m.lastName().toLowerCase() + " ")
				.param("birthDate", m.birthDate().toString()))
			.andExpect(
					redirectedUrl("/eligibility/members/" + m.id() + "?npi=" + this.npi + "&dos=" + LocalDate.now()));
		this.mvc
			.perform(search("NAME").param("firstName", m.firstName())
				.param("lastName", m.lastName())
				.param("birthDate", m.birthDate().plusDays(1).toString()))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("No member matches exactly")))
			.andExpect(content().string(not(containsString(m.id().toString()))));
	}

	@Test
	void aTwinWithTheSameNameAndBirthDateIsNotGuessedBetween() throws Exception {
		Member m = coveredMember();
		String twin = "9" + m.id().subscriberId().substring(1);
		this.jdbc.sql("""
				INSERT INTO members.member (subscriber_id, member_suffix, first_name, middle_initial, last_name,
				  search_first_name, search_last_name, birth_date, gender, relationship, address_line, city, state,
				  postal_code, phone)
				SELECT ?, member_suffix, first_name, middle_initial, last_name, search_first_name, search_last_name,
				  birth_date, gender, relationship, address_line, city, state, postal_code, phone
				FROM members.member WHERE subscriber_id = ? AND member_suffix = ?
				""").params(twin, m.id().subscriberId(), m.id().suffix()).update();
		try {
			this.mvc
				.perform(search("NAME").param("firstName", m.firstName())
					.param("lastName", m.lastName())
					.param("birthDate", m.birthDate().toString()))
				.andExpect(status().isOk())
				.andExpect(content().string(containsString("More than one member")))
				.andExpect(content().string(not(containsString(twin))));
		}
		finally {
			// Other tests count the members: leave the data set as it was.
			this.jdbc.sql("DELETE FROM members.member WHERE subscriber_id = ?").param(twin).update();
		}
	}

	@Test
	void bySubscriberTheFamilyIsListedToChooseFrom() throws Exception {
		Member m = coveredMember();
		List<String> family = this.jdbc
			.sql("SELECT subscriber_id || '-' || member_suffix FROM members.member WHERE subscriber_id = ?")
			.param(m.id().subscriberId())
			.query(String.class)
			.list();
		MvcResult page = this.session.perform(search("SUBSCRIBER").param("subscriberId", m.id().subscriberId()))
			.andReturn();
		if (family.size() == 1) {
			assertThat(page.getResponse().getRedirectedUrl()).contains(m.id().toString());
			return;
		}
		String html = page.getResponse().getContentAsString();
		assertThat(html).contains("Choose the member");
		family.forEach((id) -> assertThat(html).contains(id));
	}

	@Test
	void aMemberNotFoundByThisSessionsSearchIsNotFound() throws Exception {
		Member m = coveredMember();
		this.mvc.perform(get("/eligibility/members/" + m.id()).param("npi", this.npi).with(user(this.frontDesk)))
			.andExpect(status().isNotFound());
		assertThat(this.audit.recentByActor("frontdesk.demo", 3)).anyMatch((r) -> r.action().equals("member.view")
				&& r.objectId().equals(m.id().toString()) && r.outcome() == AuditOutcome.DENIED);
	}

	@Test
	void actingForAnotherPracticesNpiIsForbiddenAndAudited() throws Exception {
		PorticoUser other = (PorticoUser) this.accounts.loadUserByUsername("other.demo");
		Npi theirs = this.access.npisFor(other.accountId(), ProviderFunction.ELIGIBILITY_BENEFITS).iterator().next();
		Member m = coveredMember();
		this.mvc
			.perform(get("/eligibility/search").param("way", "ID")
				.param("npi", theirs.value())
				.param("memberId", m.id().toString())
				.with(user(this.frontDesk)))
			.andExpect(status().isForbidden());
		assertThat(this.audit.recentByActor("frontdesk.demo", 3)).anyMatch((r) -> r.action().equals("member.search")
				&& r.objectId().equals(theirs.value()) && r.outcome() == AuditOutcome.DENIED);
		// Found by another user does not count either.
		this.session.perform(search("ID").param("memberId", m.id().toString())).andExpect(status().is3xxRedirection());
		this.mvc.perform(get("/eligibility/members/" + m.id()).param("npi", theirs.value()).with(user(other)))
			.andExpect(status().isNotFound());
	}

	@Test
	void aUserWithoutTheEligibilityFunctionGetsThe403() throws Exception {
		PorticoUser billing = (PorticoUser) this.accounts.loadUserByUsername("billing.demo");
		this.session.perform(get("/eligibility").with(user(billing))).andExpect(status().isForbidden());
		this.session.perform(get("/eligibility/search").with(user(billing))).andExpect(status().isForbidden());
	}

	@Test
	void badInputIsExplainedInPlainWords() throws Exception {
		this.session.perform(search("ID").param("memberId", "12345-01"))
			.andExpect(status().isUnprocessableContent())
			.andExpect(content().string(containsString("9 digits and a 2-digit suffix")));
		this.session.perform(search("SUBSCRIBER").param("subscriberId", "12345678"))
			.andExpect(status().isUnprocessableContent())
			.andExpect(content().string(containsString("A subscriber ID is 9 digits")));
		this.mvc
			.perform(search("NAME").param("firstName", "Ann")
				.param("lastName", "Lee")
				.param("birthDate", LocalDate.now().plusDays(3).toString()))
			.andExpect(status().isUnprocessableContent())
			.andExpect(content().string(containsString("in the future")));
		this.session
			.perform(search("NAME").param("firstName", "").param("lastName", "").param("birthDate", "30/04/1980"))
			.andExpect(status().isUnprocessableContent())
			.andExpect(content().string(containsString("first name")))
			.andExpect(content().string(containsString("such as 1980-04-30")));
		this.session.perform(search("ID").param("memberId", "999999999-99"))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("No member matches exactly")));
		this.session
			.perform(search("ID").param("memberId", coveredMember().id().toString()).param("dateOfService", "soon"))
			.andExpect(status().isUnprocessableContent())
			.andExpect(content().string(containsString("Enter the date of service as a date")));
	}

	private org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder search(String way) {
		return get("/eligibility/search").param("way", way).param("npi", this.npi).with(user(this.frontDesk));
	}

	private record Member(MemberId id, String firstName, String lastName, LocalDate birthDate, String productName) {
	}

	/** A member covered today, whose name and birth date no other member shares. */
	private Member coveredMember() {
		return this.jdbc
			.sql("""
					SELECT m.subscriber_id, m.member_suffix, m.first_name, m.last_name, m.birth_date, p.name
					FROM members.member m
					JOIN members.coverage c ON c.subscriber_id = m.subscriber_id AND c.member_suffix = m.member_suffix
					JOIN members.product p ON p.code = c.product_code
					WHERE c.effective_date <= CURRENT_DATE AND (c.termination_date IS NULL OR c.termination_date >= CURRENT_DATE)
					  AND m.subscriber_id NOT LIKE '9%'
					  AND (SELECT COUNT(*) FROM members.member o WHERE o.search_first_name = m.search_first_name
					       AND o.search_last_name = m.search_last_name AND o.birth_date = m.birth_date) = 1
					ORDER BY m.subscriber_id, m.member_suffix
					FETCH FIRST 1 ROWS ONLY
					""")
			.query((rs, row) -> new Member(new MemberId(rs.getString(1), rs.getString(2)), rs.getString(3),
					rs.getString(4), rs.getObject(5, LocalDate.class), rs.getString(6)))
			.single();
	}

}
