package org.portico.members;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.portico.PorticoIntegrationTest;
import org.portico.access.AccessApi;
import org.portico.access.ProviderFunction;
import org.portico.audit.AuditLog;
import org.portico.audit.AuditOutcome;
import org.portico.identity.Accounts;
import org.portico.identity.PorticoUser;
import org.portico.providers.Npi;
import org.portico.web.PortalSession;

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
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Care plans of Unify members through the web layer on the real database: who may list,
 * view and download them, and that every attempt is audited.
 */
@PorticoIntegrationTest
class CarePlanTests {

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

	private PorticoUser saa;

	private Set<String> saaNpis;

	private PortalSession session;

	@BeforeEach
	void actAsTheSaa() {
		this.saa = (PorticoUser) this.accounts.loadUserByUsername("saa.demo");
		this.saaNpis = this.access.npisFor(this.saa.accountId(), ProviderFunction.CARE_PLANS)
			.stream()
			.map(Npi::value)
			.collect(Collectors.toSet());
		this.session = new PortalSession(this.mvc);
	}

	@Test
	void thePcpListsViewsAndDownloadsTheCarePlansAndEachIsAudited() throws Exception {
		Treated t = unifyMemberWhosePcpIsOneOfTheSaas();
		String plans = "/eligibility/members/" + t.member() + "/care-plans?npi=" + t.npi();
		this.session.perform(get(plans).with(user(this.saa))).andExpect(status().isNotFound());

		find(this.saa, t.member(), t.npi());
		this.session.perform(get("/eligibility/members/" + t.member()).param("npi", t.npi()).with(user(this.saa)))
			.andExpect(content().string(containsString("See the care plans")))
			.andExpect(content().string(containsString(HtmlUtils.htmlEscape(plans))));
		long current = currentPersonCenteredPlan(t.member());
		this.session.perform(get(plans).with(user(this.saa)))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString(HtmlUtils.htmlEscape(name(t.member())))))
			.andExpect(content().string(containsString("is the member&#39;s primary care provider")))
			.andExpect(content().string(containsString("Person-centered care plan, version")))
			.andExpect(content().string(containsString("/care-plans/" + current + "?npi=" + t.npi())));
		assertAudited("saa.demo", t.member(), "care plans listed", String.valueOf(current));

		String goal = this.jdbc.sql("SELECT goal FROM members.care_plan_goal WHERE care_plan_id = ? AND ordinal = 1")
			.param(current)
			.query(String.class)
			.single();
		String preferences = this.jdbc.sql("SELECT member_preferences FROM members.care_plan WHERE id = ?")
			.param(current)
			.query(String.class)
			.single();
		this.session
			.perform(get("/eligibility/members/" + t.member() + "/care-plans/" + current).param("npi", t.npi())
				.with(user(this.saa)))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("Care team")))
			.andExpect(content().string(containsString(HtmlUtils.htmlEscape(goal))))
			.andExpect(content().string(containsString(HtmlUtils.htmlEscape(preferences))))
			.andExpect(content().string(containsString("(NPI " + t.npi() + ")")));
		assertAudited("saa.demo", t.member(), "care plan " + current + " (page)", t.npi());

		MvcResult pdf = this.session
			.perform(get("/eligibility/members/" + t.member() + "/care-plans/" + current + "/care-plan.pdf")
				.param("npi", t.npi())
				.with(user(this.saa)))
			.andExpect(status().isOk())
			.andExpect(content().contentType("application/pdf"))
			.andReturn();
		assertThat(pdf.getResponse().getHeader("Content-Disposition")).contains("attachment", ".pdf");
		String text = pdfText(pdf.getResponse().getContentAsByteArray());
		assertThat(text).contains(name(t.member()), t.member().toString(), "Person-centered care plan, version",
				"Care team", "Goals", "Services and interventions");
		assertAudited("saa.demo", t.member(), "care plan " + current + " (PDF)", t.npi());
	}

	@Test
	void aProviderWithAClaimInTheLastYearSeesThemToo() throws Exception {
		Treated t = memberOneOfTheSaasTreatedButIsNotThePcpOf();
		find(this.saa, t.member(), t.npi());
		this.session
			.perform(get("/eligibility/members/" + t.member() + "/care-plans").param("npi", t.npi())
				.with(user(this.saa)))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("treated the member in the last 12 months")));
	}

	@Test
	void withoutTheCarePlansFunctionTheAnswerIsForbiddenAndAudited() throws Exception {
		PorticoUser frontDesk = (PorticoUser) this.accounts.loadUserByUsername("frontdesk.demo");
		Treated t = unifyMemberWhosePcpIsOneOfTheSaas();
		assertThat(this.access.may(frontDesk.accountId(), ProviderFunction.ELIGIBILITY_BENEFITS, new Npi(t.npi())))
			.isTrue();
		find(frontDesk, t.member(), t.npi());
		this.session.perform(get("/eligibility/members/" + t.member()).param("npi", t.npi()).with(user(frontDesk)))
			.andExpect(status().isOk())
			.andExpect(content().string(not(containsString("See the care plans"))));
		long current = currentPersonCenteredPlan(t.member());
		for (String path : List.of("/care-plans", "/care-plans/" + current,
				"/care-plans/" + current + "/care-plan.pdf")) {
			this.session
				.perform(get("/eligibility/members/" + t.member() + path).param("npi", t.npi()).with(user(frontDesk)))
				.andExpect(status().isForbidden())
				.andExpect(content().string(not(containsString(HtmlUtils.htmlEscape(name(t.member()))))));
		}
		assertThat(this.audit.recentByActor("frontdesk.demo", 3)).hasSize(3)
			.allMatch((r) -> r.action().equals("member.view") && r.objectId().equals(t.member().toString())
					&& r.outcome() == AuditOutcome.DENIED
					&& r.detail().contains("no care plans function for NPI " + t.npi()));
	}

	@Test
	void aProviderWhoDoesNotTreatTheMemberIsToldWhoCarePlansOpenToAndIsAudited() throws Exception {
		Treated t = unifyMemberNotTreatedByOneOfTheSaas();
		find(this.saa, t.member(), t.npi());
		long current = currentPersonCenteredPlan(t.member());
		for (String path : List.of("/care-plans", "/care-plans/" + current,
				"/care-plans/" + current + "/care-plan.pdf")) {
			this.session
				.perform(get("/eligibility/members/" + t.member() + path).param("npi", t.npi()).with(user(this.saa)))
				.andExpect(status().isForbidden())
				.andExpect(
						content().string(containsString("Care plans open only to the member&#39;s treating providers")))
				.andExpect(content().string(containsString("(NPI " + t.npi() + ") is neither")))
				.andExpect(content().string(not(containsString("Care team"))));
			assertThat(this.audit.recentByActor("saa.demo", 1)).anyMatch((r) -> r.action().equals("member.view")
					&& r.objectId().equals(t.member().toString()) && r.outcome() == AuditOutcome.DENIED
					&& r.detail().contains("NPI " + t.npi() + " is not the PCP"));
		}
	}

	@Test
	void aCarePlanOfAnotherMemberIsNotFound() throws Exception {
		Treated t = unifyMemberWhosePcpIsOneOfTheSaas();
		long someoneElses = this.jdbc.sql("""
				SELECT MIN(id) FROM members.care_plan WHERE NOT (subscriber_id = ? AND member_suffix = ?)
				""").params(t.member().subscriberId(), t.member().suffix()).query(Long.class).single();
		find(this.saa, t.member(), t.npi());
		for (String plan : List.of(someoneElses + "", someoneElses + "/care-plan.pdf", "not-a-number")) {
			this.session
				.perform(get("/eligibility/members/" + t.member() + "/care-plans/" + plan).param("npi", t.npi())
					.with(user(this.saa)))
				.andExpect(status().isNotFound());
			assertThat(this.audit.recentByActor("saa.demo", 1)).anyMatch((r) -> r.action().equals("member.view")
					&& r.objectId().equals(t.member().toString()) && r.outcome() == AuditOutcome.DENIED);
		}
	}

	@Test
	void membersOutsideUnifyHaveNoCarePlans() throws Exception {
		long outsideUnify = this.jdbc.sql("""
				SELECT COUNT(*) FROM members.care_plan k
				WHERE NOT EXISTS (SELECT 1 FROM members.coverage c JOIN members.product p ON p.code = c.product_code
				                  WHERE c.subscriber_id = k.subscriber_id AND c.member_suffix = k.member_suffix
				                    AND p.has_care_plans)
				""").query(Long.class).single();
		assertThat(outsideUnify).isZero();
		assertThat(this.jdbc.sql("SELECT COUNT(*) FROM members.care_plan").query(Long.class).single()).isPositive();

		Treated t = memberOutsideUnifyWhosePcpIsOneOfTheSaas();
		find(this.saa, t.member(), t.npi());
		this.session.perform(get("/eligibility/members/" + t.member()).param("npi", t.npi()).with(user(this.saa)))
			.andExpect(status().isOk())
			.andExpect(content().string(not(containsString("See the care plans"))));
		this.session
			.perform(get("/eligibility/members/" + t.member() + "/care-plans").param("npi", t.npi())
				.with(user(this.saa)))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("No care plans are on file for this member")));
	}

	private void assertAudited(String actor, MemberId member, String... detail) {
		assertThat(this.audit.recentByActor(actor, 1))
			.anyMatch((r) -> r.action().equals("member.view") && r.objectId().equals(member.toString())
					&& r.outcome() == AuditOutcome.SUCCESS && List.of(detail).stream().allMatch(r.detail()::contains));
	}

	private void find(PorticoUser user, MemberId member, String npi) throws Exception {
		this.session
			.perform(get("/eligibility/search").param("way", "ID")
				.param("npi", npi)
				.param("memberId", member.toString())
				.with(user(user)))
			.andExpect(status().is3xxRedirection());
	}

	private String name(MemberId member) {
		return this.jdbc.sql(
				"SELECT first_name || ' ' || last_name FROM members.member WHERE subscriber_id = ? AND member_suffix = ?")
			.params(member.subscriberId(), member.suffix())
			.query(String.class)
			.single();
	}

	private long currentPersonCenteredPlan(MemberId member) {
		return this.jdbc.sql("""
				SELECT id FROM members.care_plan WHERE subscriber_id = ? AND member_suffix = ?
				  AND kind = 'PERSON_CENTERED' AND status = 'CURRENT'
				""").params(member.subscriberId(), member.suffix()).query(Long.class).single();
	}

	private record Treated(MemberId member, String npi) {
	}

	/**
	 * Members covered today, in Unify with care plans on file or outside it, and their
	 * PCP today.
	 */
	private List<Treated> unifyMembersAndTheirPcps(boolean unify) {
		LocalDate today = LocalDate.now();
		return this.jdbc
			.sql("""
					SELECT c.subscriber_id, c.member_suffix, a.pcp_npi FROM members.coverage c
					JOIN members.product p ON p.code = c.product_code
					JOIN members.pcp_assignment a ON a.subscriber_id = c.subscriber_id AND a.member_suffix = c.member_suffix
					  AND a.effective_date <= ? AND (a.termination_date IS NULL OR a.termination_date >= ?)
					WHERE p.has_care_plans = ? AND c.effective_date <= ? AND (c.termination_date IS NULL OR c.termination_date >= ?)
					"""
					+ (unify ? """
							  AND EXISTS (SELECT 1 FROM members.care_plan k
							              WHERE k.subscriber_id = c.subscriber_id AND k.member_suffix = c.member_suffix)
							""" : "") + "ORDER BY c.subscriber_id, c.member_suffix")
			.params(today, today, unify, today, today)
			.query((rs, row) -> new Treated(new MemberId(rs.getString(1), rs.getString(2)), rs.getString(3)))
			.list();
	}

	private Treated unifyMemberWhosePcpIsOneOfTheSaas() {
		return unifyMembersAndTheirPcps(true).stream()
			.filter((t) -> this.saaNpis.contains(t.npi()))
			.findFirst()
			.orElseThrow();
	}

	private Treated memberOutsideUnifyWhosePcpIsOneOfTheSaas() {
		return unifyMembersAndTheirPcps(false).stream()
			.filter((t) -> this.saaNpis.contains(t.npi()))
			.findFirst()
			.orElseThrow();
	}

	/** NPIs with a claim for the member with service in the last 12 months. */
	private Set<String> recentlyBilledOrRendered(MemberId member) {
		return this.jdbc.sql("""
				SELECT billing_npi, rendering_npi FROM claims.claim
				WHERE subscriber_id = ? AND member_suffix = ? AND service_from >= ?
				""")
			.params(member.subscriberId(), member.suffix(), LocalDate.now().minusMonths(12))
			.query((rs, row) -> List.of(rs.getString(1), rs.getString(2)))
			.list()
			.stream()
			.flatMap(List::stream)
			.collect(Collectors.toSet());
	}

	/**
	 * A member one of saa.demo's NPIs rendered a claim for some months ago and is not the
	 * PCP of.
	 */
	private Treated memberOneOfTheSaasTreatedButIsNotThePcpOf() {
		LocalDate today = LocalDate.now();
		return this.jdbc.sql("""
				SELECT c.subscriber_id, c.member_suffix, c.rendering_npi FROM claims.claim c
				WHERE c.service_from >= ?
				  AND NOT EXISTS (SELECT 1 FROM members.pcp_assignment a
				                  WHERE a.subscriber_id = c.subscriber_id AND a.member_suffix = c.member_suffix
				                    AND a.pcp_npi = c.rendering_npi AND a.effective_date <= ?
				                    AND (a.termination_date IS NULL OR a.termination_date >= ?))
				ORDER BY c.id
				""")
			.params(today.minusMonths(11), today, today)
			.query((rs, row) -> new Treated(new MemberId(rs.getString(1), rs.getString(2)), rs.getString(3)))
			.list()
			.stream()
			.filter((t) -> this.saaNpis.contains(t.npi()))
			.findFirst()
			.orElseThrow();
	}

	private Treated unifyMemberNotTreatedByOneOfTheSaas() {
		for (Treated t : unifyMembersAndTheirPcps(true)) {
			Set<String> treating = recentlyBilledOrRendered(t.member());
			for (String npi : this.saaNpis.stream().sorted().toList()) {
				if (!npi.equals(t.npi()) && !treating.contains(npi)) {
					return new Treated(t.member(), npi);
				}
			}
		}
		throw new IllegalStateException("Every Unify member is treated by every one of saa.demo's NPIs");
	}

	private static String pdfText(byte[] pdf) throws Exception {
		com.lowagie.text.pdf.PdfReader reader = new com.lowagie.text.pdf.PdfReader(pdf);
		com.lowagie.text.pdf.parser.PdfTextExtractor extractor = new com.lowagie.text.pdf.parser.PdfTextExtractor(
				reader);
		StringBuilder text = new StringBuilder();
		for (int page = 1; page <= reader.getNumberOfPages(); page++) {
			text.append(extractor.getTextFromPage(page)).append('\n');
		}
		return text.toString();
	}

}
