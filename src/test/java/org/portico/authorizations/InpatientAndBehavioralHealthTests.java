package org.portico.authorizations;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import org.portico.PorticoIntegrationTest;
import org.portico.access.AccessApi;
import org.portico.access.ProviderFunction;
import org.portico.audit.AuditLog;
import org.portico.audit.AuditOutcome;
import org.portico.authorizations.AuthorizationsTestData.Member;
import org.portico.identity.Accounts;
import org.portico.identity.PorticoUser;
import org.portico.providers.Npi;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Inpatient notifications and behavioral health requests through the pages, on the real
 * database.
 */
@PorticoIntegrationTest
class InpatientAndBehavioralHealthTests {

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

	private PorticoUser account(String username) {
		return (PorticoUser) this.accounts.loadUserByUsername(username);
	}

	private String npi(PorticoUser user, ProviderFunction function) {
		return this.access.npisFor(user.accountId(), function).iterator().next().value();
	}

	private Set<String> npis(PorticoUser user) {
		return this.access.npisFor(user.accountId(), ProviderFunction.REFERRALS_AUTHORIZATIONS)
			.stream()
			.map(Npi::value)
			.collect(java.util.stream.Collectors.toSet());
	}

	private MockHttpServletRequestBuilder admission(PorticoUser facility, Member member, LocalDate admitted,
			String attending) {
		return post("/inpatient-notifications").with(user(facility))
			.with(csrf())
			.param("facilityNpi", npi(facility, ProviderFunction.INPATIENT_NOTIFICATIONS))
			.param("member", member.id().toString())
			.param("admitDate", admitted.toString())
			.param("admitTime", "14:35")
			.param("admissionType", "EMERGENCY")
			.param("diagnosis", "I50.9")
			.param("attendingNpi", attending);
	}

	@Test
	void anAdmissionGetsItsNumberAtOnceAndTheSameAdmissionReportedAgainTheSameNumber() throws Exception {
		AuthorizationsTestData data = new AuthorizationsTestData(this.jdbc);
		PorticoUser facility = account("facility.demo");
		Member member = data.memberWithPcpAmong(npis(account("saa.demo")), 6);
		LocalDate admitted = LocalDate.now().minusDays(1);
		String attending = data.anyPractitioner();
		String first = this.mvc.perform(admission(facility, member, admitted, attending))
			.andExpect(status().is3xxRedirection())
			.andExpect(flash().attributeExists("reported"))
			.andReturn()
			.getResponse()
			.getRedirectedUrl();
		assertThat(first).matches("/inpatient-notifications/IPN-[0-9]{8}");
		String number = first.substring(first.lastIndexOf('/') + 1);
		this.mvc.perform(get(first).with(user(facility)))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("Heart failure, unspecified")));

		this.mvc.perform(admission(facility, member, admitted, attending))
			.andExpect(status().is3xxRedirection())
			.andExpect(flash().attributeExists("existing"))
			.andExpect(header().string("Location", first));
		assertThat(this.jdbc.sql("""
				SELECT COUNT(*) FROM authorizations.inpatient_notification
				WHERE subscriber_id = ? AND member_suffix = ? AND admit_date = ?
				""").params(member.id().subscriberId(), member.id().suffix(), admitted).query(Long.class).single())
			.isEqualTo(1);

		// The discharge later; not before the admission.
		this.mvc
			.perform(post(first + "/discharge").with(user(facility))
				.with(csrf())
				.param("dischargeDate", admitted.minusDays(2).toString())
				.param("disposition", "HOME"))
			.andExpect(status().isUnprocessableContent())
			.andExpect(content().string(containsString("The discharge date is before the admit date.")));
		this.mvc
			.perform(post(first + "/discharge").with(user(facility))
				.with(csrf())
				.param("dischargeDate", LocalDate.now().toString())
				.param("disposition", "SKILLED_NURSING"))
			.andExpect(status().is3xxRedirection());
		this.mvc.perform(get(first).with(user(facility)))
			.andExpect(content().string(containsString("Skilled nursing facility")));

		// Another practice neither sees it nor may report for the facility.
		this.mvc.perform(get(first).with(user(account("other.demo")))).andExpect(status().isNotFound());
		assertThat(this.audit.recentByActor("other.demo", 5)).anyMatch((e) -> e.action().equals("inpatient.view")
				&& number.equals(e.objectId()) && e.outcome() == AuditOutcome.DENIED);
		this.mvc.perform(get("/inpatient-notifications").with(user(account("billing.demo"))))
			.andExpect(status().isForbidden());
	}

	@Test
	void aBehavioralHealthRequestWithAFileWaitsInTheBehavioralHealthQueue() throws Exception {
		AuthorizationsTestData data = new AuthorizationsTestData(this.jdbc);
		PorticoUser saa = account("saa.demo");
		Member member = data.memberWithPcpAmong(npis(saa), 7);
		LocalDate today = LocalDate.now();
		String key = UUID.randomUUID().toString();
		MockMultipartFile pdf = new MockMultipartFile("files", "assessment.pdf", "application/pdf",
				"%PDF-1.4\n1 0 obj\n<<>>\nendobj\ntrailer\n<<>>\n%%EOF\n".getBytes(StandardCharsets.US_ASCII));
		String url = this.mvc.perform(bh(saa, member, today, key).file(pdf))
			.andExpect(status().is3xxRedirection())
			.andReturn()
			.getResponse()
			.getRedirectedUrl();
		assertThat(url).matches("/referrals/requests/BH-[0-9]{8}\\?submitted");
		String number = url.replaceAll(".*/(BH-[0-9]{8}).*", "$1");
		String page = this.mvc.perform(get(url).with(user(saa)))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(page).contains("Intensive outpatient", "assessment.pdf", "decided by a behavioral health");
		long attachment = this.jdbc
			.sql("SELECT id FROM authorizations.attachment WHERE request_id = ("
					+ "SELECT id FROM authorizations.request WHERE tracking_number = ?)")
			.param(number)
			.query(Long.class)
			.single();
		this.mvc.perform(get("/referrals/requests/" + number + "/attachments/" + attachment).with(user(saa)))
			.andExpect(status().isOk())
			.andExpect(header().string("Content-Type", "application/pdf"));
		this.mvc
			.perform(get("/referrals/requests/" + number + "/attachments/" + attachment)
				.with(user(account("other.demo"))))
			.andExpect(status().isNotFound());

		PorticoUser reviewer = account("reviewer.staff");
		this.mvc.perform(get("/staff/reviews").param("queue", "behavioral-health").with(user(reviewer)))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString(number)));

		// A file that is not what it says is refused, and nothing is written.
		String refusedKey = UUID.randomUUID().toString();
		MockMultipartFile fake = new MockMultipartFile("files", "notes.pdf", "application/pdf",
				"just text".getBytes(StandardCharsets.US_ASCII));
		this.mvc.perform(bh(saa, member, today, refusedKey).file(fake)).andExpect(status().isUnprocessableContent());
		assertThat(data.requestsWithSubmission(refusedKey)).isZero();
	}

	private org.springframework.test.web.servlet.request.MockMultipartHttpServletRequestBuilder bh(PorticoUser as,
			Member member, LocalDate from, String key) {
		var request = multipart("/referrals/behavioral-health/new");
		request.with(user(as))
			.with(csrf())
			.param("npi", member.pcpNpi())
			.param("member", member.id().toString())
			.param("levelOfCare", "INTENSIVE_OUTPATIENT")
			.param("priority", "EXPEDITED")
			.param("diagnosis", "F33.1")
			.param("clinicalInformation", "Worsening symptoms despite weekly therapy.")
			.param("units", "12")
			.param("from", from.toString())
			.param("to", from.plusDays(30).toString())
			.param("submission", key);
		return request;
	}

}
