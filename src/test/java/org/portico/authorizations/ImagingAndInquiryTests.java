package org.portico.authorizations;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;

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
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The imaging benefit manager's file, imported by a clinical reviewer with a per-line
 * error report, and prior authorization inquiry over both sources, for the providers the
 * user acts for only.
 */
@PorticoIntegrationTest
class ImagingAndInquiryTests {

	private static final String HEADER = "authorization_number,member_id,ordering_npi,rendering_npi,procedure_code,"
			+ "description,status,approved_units,valid_from,valid_to,decided_on\n";

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

	private PorticoUser reviewer;

	private PorticoUser other;

	private String npi;

	private String member;

	@BeforeEach
	void setUp() {
		this.frontDesk = (PorticoUser) this.accounts.loadUserByUsername("frontdesk.demo");
		this.reviewer = (PorticoUser) this.accounts.loadUserByUsername("reviewer.staff");
		this.other = (PorticoUser) this.accounts.loadUserByUsername("other.demo");
		this.npi = this.access.npisFor(this.frontDesk.accountId(), ProviderFunction.REFERRALS_AUTHORIZATIONS)
			.iterator()
			.next()
			.value();
		this.member = this.jdbc.sql(
				"SELECT subscriber_id || '-' || member_suffix FROM members.member ORDER BY subscriber_id FETCH FIRST 1 ROWS ONLY")
			.query(String.class)
			.single();
	}

	@Test
	void goodLinesAreStoredAndEachBadLineIsReportedByNumber() throws Exception {
		String number = "RAD" + (System.nanoTime() % 100_000_000L);
		String csv = HEADER + number + "," + this.member + "," + this.npi + "," + this.npi
				+ ",70553,\"MRI brain, with and without contrast\",APPROVED,1,2026-11-01,2027-01-31,2026-11-01\n"
				+ "BAD" + number + ",999999999-99,1234567890," + this.npi
				+ ",7055,MRI,MAYBE,,2026-11-01,2026-10-01,soon\n" + number + "," + this.member + "," + this.npi + ","
				+ this.npi + ",70553,MRI brain,DENIED,,2026-11-01,2026-11-30,2026-11-02\n";
		String report = this.mvc
			.perform(multipart("/staff/imaging-imports")
				.file(new MockMultipartFile("file", "rbm.csv", "text/csv", csv.getBytes(StandardCharsets.UTF_8)))
				.with(user(this.reviewer))
				.with(csrf()))
			.andExpect(status().is3xxRedirection())
			.andReturn()
			.getResponse()
			.getRedirectedUrl();
		this.mvc.perform(get(report).with(user(this.reviewer)))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("3 line(s) read: 1 stored, 2 refused.")))
			.andExpect(content().string(containsString("No member has the member ID 999999999-99")))
			.andExpect(content().string(containsString("is not a valid NPI")))
			.andExpect(content().string(containsString("is not APPROVED, PARTIALLY_APPROVED or DENIED")))
			.andExpect(content().string(containsString("The last valid date 2026-10-01 is before the first.")))
			.andExpect(content().string(containsString("is on an earlier line of this file")));
		assertThat(
				this.jdbc.sql("SELECT status FROM authorizations.imaging_authorization WHERE authorization_number = ?")
					.param(number)
					.query(String.class)
					.single())
			.isEqualTo("APPROVED");

		this.mvc.perform(inquiry(this.frontDesk).param("memberId", this.member))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString(number)))
			.andExpect(content().string(containsString("Imaging benefit manager")));
		this.mvc.perform(get("/authorizations/imaging/" + number).with(user(this.frontDesk)))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("MRI brain, with and without contrast")));
		this.mvc.perform(inquiry(this.other).param("memberId", this.member))
			.andExpect(status().isOk())
			.andExpect(content().string(not(containsString(number))));
		this.mvc.perform(get("/authorizations/imaging/" + number).with(user(this.other)))
			.andExpect(status().isNotFound());
		assertThat(this.audit.recentByActor("other.demo", 2))
			.anyMatch((r) -> r.action().equals("authorization.imaging.view") && r.objectId().equals(number)
					&& r.outcome() == AuditOutcome.DENIED);
	}

	@Test
	void aFileWithoutTheHeaderIsRefusedWholeAndProvidersCannotImport() throws Exception {
		long before = this.jdbc.sql("SELECT COUNT(*) FROM authorizations.imaging_import").query(Long.class).single();
		this.mvc
			.perform(multipart("/staff/imaging-imports")
				.file(new MockMultipartFile("file", "rbm.csv", "text/csv", "RAD1,123456789-01\n".getBytes()))
				.with(user(this.reviewer))
				.with(csrf()))
			.andExpect(status().isUnprocessableContent())
			.andExpect(content().string(containsString("The first row must name the columns")));
		assertThat(this.jdbc.sql("SELECT COUNT(*) FROM authorizations.imaging_import").query(Long.class).single())
			.isEqualTo(before);
		this.mvc.perform(get("/staff/imaging-imports").with(user(this.frontDesk))).andExpect(status().isForbidden());
	}

	@Test
	void inquiryChecksItsDatesAndTheNpi() throws Exception {
		this.mvc
			.perform(inquiry(this.frontDesk).param("from", LocalDate.now().toString())
				.param("to", LocalDate.now().minusDays(1).toString()))
			.andExpect(status().isUnprocessableContent())
			.andExpect(content().string(containsString("The end date is before the start date.")));
		String otherNpi = this.access.npisFor(this.other.accountId(), ProviderFunction.REFERRALS_AUTHORIZATIONS)
			.iterator()
			.next()
			.value();
		this.mvc.perform(inquiry(this.frontDesk).param("npi", otherNpi)).andExpect(status().isForbidden());
	}

	@Test
	void theDemoPracticeHasApprovedPendedDeniedAndImportedAuthorizations() throws Exception {
		String page = this.mvc.perform(inquiry(this.frontDesk))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(page).contains("RBM2026000101", "Requested here", "Approved", "Waiting for clinical review",
				"Denied");
		assertThat(this.mvc.perform(inquiry(this.other)).andReturn().getResponse().getContentAsString())
			.doesNotContain("RBM2026000101");
	}

	private org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder inquiry(PorticoUser who) {
		return get("/authorizations/prior").param("search", "1").with(user(who));
	}

}
