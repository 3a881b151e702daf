package org.portico.members;

import java.time.LocalDate;

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

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * PCP changes from the Eligibility & Benefits report, on the real database.
 */
@PorticoIntegrationTest
class PcpChangeTests {

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
	PcpChanges changes;

	private PorticoUser saa;

	private String npi;

	private PortalSession session;

	@BeforeEach
	void actAsTheSaa() {
		this.saa = (PorticoUser) this.accounts.loadUserByUsername("saa.demo");
		this.npi = this.access.npisFor(this.saa.accountId(), ProviderFunction.PCP_CHANGES).iterator().next().value();
		this.session = new PortalSession(this.mvc);
	}

	@Test
	void aChangeToAnInNetworkPcpTakesEffectNextMonthOnceAndIsAudited() throws Exception {
		MemberId member = memberWhoseProductRequiresAPcp(0);
		String pcp = eligiblePcpFor(member);
		find(member);
		LocalDate effective = this.changes.nextEffectiveDate();

		String report = this.session.perform(change(member, pcp)).andReturn().getResponse().getRedirectedUrl();
		String page = this.session.perform(get(report).with(user(this.saa)))
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(page).contains("Done: the PCP changes to NPI " + pcp + " on " + effective);
		String confirmation = page.replaceAll("(?s).*Confirmation number (PCP-[0-9]{8}).*", "$1");
		assertThat(this.audit.recentByActor("saa.demo", 5)).anyMatch((r) -> r.action().equals("pcp.change")
				&& r.objectId().equals(member.toString()) && r.outcome() == AuditOutcome.SUCCESS);

		// A double submit, or a second request for the same month, finds the first.
		String again = this.session.perform(change(member, eligiblePcpFor(member)))
			.andReturn()
			.getResponse()
			.getRedirectedUrl();
		this.session.perform(get(again).with(user(this.saa)))
			.andExpect(content().string(containsString("already made for " + effective)))
			.andExpect(content().string(containsString(confirmation)));
		assertThat(
				this.jdbc.sql("SELECT COUNT(*) FROM members.pcp_change WHERE subscriber_id = ? AND member_suffix = ?")
					.params(member.subscriberId(), member.suffix())
					.query(Long.class)
					.single())
			.isEqualTo(1);

		// In the PCP history once effective, not before.
		this.session.perform(get("/eligibility/members/" + member).param("npi", this.npi).with(user(this.saa)))
			.andExpect(content().string(not(containsString("(NPI " + pcp + ")</td>"))));
		this.session
			.perform(get("/eligibility/members/" + member).param("npi", this.npi)
				.param("dos", effective.toString())
				.with(user(this.saa)))
			.andExpect(content().string(containsString("(NPI " + pcp + ")</td>")));
	}

	@Test
	void aProviderWhoCannotBeThePcpIsRefusedAndNothingIsWritten() throws Exception {
		MemberId member = memberWhoseProductRequiresAPcp(1);
		find(member);
		String notPrimaryCare = this.jdbc.sql("""
				SELECT npi FROM providers.provider WHERE entity_type = '2' ORDER BY npi FETCH FIRST 1 ROWS ONLY
				""").query(String.class).single();
		assertRefused(member, notPrimaryCare, "not a primary care provider");
		assertRefused(member, "1234567890", "not an NPI");
		assertRefused(member, "1234567893", "No provider with that NPI");
		assertThat(
				this.jdbc.sql("SELECT COUNT(*) FROM members.pcp_change WHERE subscriber_id = ? AND member_suffix = ?")
					.params(member.subscriberId(), member.suffix())
					.query(Long.class)
					.single())
			.isZero();
	}

	@Test
	void withoutThePcpChangesFunctionTheChangeIsForbidden() throws Exception {
		PorticoUser frontDesk = (PorticoUser) this.accounts.loadUserByUsername("frontdesk.demo");
		String theirNpi = this.access.npisFor(frontDesk.accountId(), ProviderFunction.ELIGIBILITY_BENEFITS)
			.iterator()
			.next()
			.value();
		MemberId member = memberWhoseProductRequiresAPcp(2);
		this.mvc
			.perform(post("/eligibility/members/" + member + "/pcp-change").param("npi", theirNpi)
				.param("newPcp", eligiblePcpFor(member))
				.with(user(frontDesk))
				.with(csrf()))
			.andExpect(status().isForbidden());
	}

	private void assertRefused(MemberId member, String pcp, String message) throws Exception {
		String report = this.session.perform(change(member, pcp)).andReturn().getResponse().getRedirectedUrl();
		this.session.perform(get(report).with(user(this.saa))).andExpect(content().string(containsString(message)));
	}

	private MockHttpServletRequestBuilder change(MemberId member, String pcp) {
		return post("/eligibility/members/" + member + "/pcp-change").param("npi", this.npi)
			.param("newPcp", pcp)
			.with(user(this.saa))
			.with(csrf());
	}

	private void find(MemberId member) throws Exception {
		this.session
			.perform(get("/eligibility/search").param("way", "ID")
				.param("npi", this.npi)
				.param("memberId", member.toString())
				.with(user(this.saa)))
			.andExpect(status().is3xxRedirection());
	}

	/** The n-th member covered next month by a product that requires a PCP. */
	private MemberId memberWhoseProductRequiresAPcp(int n) {
		LocalDate effective = this.changes.nextEffectiveDate();
		return this.jdbc
			.sql("""
					SELECT c.subscriber_id, c.member_suffix FROM members.coverage c
					JOIN members.product p ON p.code = c.product_code
					WHERE p.pcp_required AND c.effective_date <= ? AND (c.termination_date IS NULL OR c.termination_date >= ?)
					  AND NOT EXISTS (SELECT 1 FROM members.pcp_change x
					                  WHERE x.subscriber_id = c.subscriber_id AND x.member_suffix = c.member_suffix)
					ORDER BY c.subscriber_id DESC, c.member_suffix
					OFFSET ? ROWS FETCH FIRST 1 ROWS ONLY
					""")
			.params(effective, effective, n * 7)
			.query((rs, row) -> new MemberId(rs.getString(1), rs.getString(2)))
			.single();
	}

	/**
	 * A primary care provider in the member's network next month, accepting patients, not
	 * their PCP.
	 */
	private String eligiblePcpFor(MemberId member) {
		LocalDate effective = this.changes.nextEffectiveDate();
		return this.jdbc.sql("""
				SELECT p.npi FROM providers.provider p
				JOIN providers.network_participation n ON n.npi = p.npi
				JOIN members.coverage c ON c.product_code = n.product_code
				WHERE c.subscriber_id = ? AND c.member_suffix = ? AND c.effective_date <= ?
				  AND (c.termination_date IS NULL OR c.termination_date >= ?)
				  AND n.effective_date <= ? AND (n.termination_date IS NULL OR n.termination_date >= ?)
				  AND p.entity_type = '1' AND p.accepting_new_patients
				  AND p.specialty_code IN ('207Q00000X', '207R00000X', '208000000X')
				  AND p.npi NOT IN (SELECT a.pcp_npi FROM members.pcp_assignment a
				                    WHERE a.subscriber_id = c.subscriber_id AND a.member_suffix = c.member_suffix)
				ORDER BY p.npi FETCH FIRST 1 ROWS ONLY
				""")
			.params(member.subscriberId(), member.suffix(), effective, effective, effective, effective)
			.query(String.class)
			.single();
	}

}
