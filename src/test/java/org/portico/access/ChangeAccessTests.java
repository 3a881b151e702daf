package org.portico.access;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import org.portico.PorticoIntegrationTest;
import org.portico.access.AccessAdministration.Invitation;
import org.portico.access.AccessApi.NpiAccess;
import org.portico.identity.AccountId;
import org.portico.identity.Accounts;
import org.portico.identity.NewAccount;
import org.portico.identity.PorticoUser;
import org.portico.notifications.SentMail;
import org.portico.providers.Npi;

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
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Changing an existing user's access in Access Administration: what each administrator
 * may change, enforced on the server whatever the page sent, through the web layer on the
 * real database.
 */
@PorticoIntegrationTest
class ChangeAccessTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	Accounts accounts;

	@Autowired
	AccessApi access;

	@Autowired
	AccessAdministration administration;

	@Autowired
	JdbcClient jdbc;

	@Test
	void anSaaGivesAnAuthorizedUserAnotherFunctionAndAnotherProvider() throws Exception {
		AccountId user = invite("saa.demo", AccessRole.AU, ProviderFunction.CLAIM_STATUS);
		Npi first = npi("saa.demo", 0);
		Npi second = npi("saa.demo", 1);
		this.mvc
			.perform(change("saa.demo", user).param("npis", first.value(), second.value())
				.param("role-" + first.value(), "AU")
				.param("functions-" + first.value(), "CLAIM_STATUS", "ELIGIBILITY_BENEFITS")
				.param("role-" + second.value(), "AU")
				.param("functions-" + second.value(), "CLAIM_STATUS"))
			.andExpect(redirectedUrl("/self-service/access"))
			.andExpect(flash().attribute("accessChanged", "Changed Person"));

		assertThat(this.access.accessOf(user)).containsExactlyInAnyOrder(
				new NpiAccess(first, AccessRole.AU,
						EnumSet.of(ProviderFunction.CLAIM_STATUS, ProviderFunction.ELIGIBILITY_BENEFITS)),
				new NpiAccess(second, AccessRole.AU, EnumSet.of(ProviderFunction.CLAIM_STATUS)));
		assertThat(changesAudited(user)).containsExactlyInAnyOrder(
				"NPI " + first.value() + ": AU [CLAIM_STATUS] -> AU [ELIGIBILITY_BENEFITS, CLAIM_STATUS]",
				"NPI " + second.value() + ": none -> AU [CLAIM_STATUS]");
		assertThat(actorsOfChanges(user)).containsOnly("saa.demo");
		String mail = SentMail.lastBodyTo(this.jdbc, email(user));
		assertThat(SentMail.lastSubjectTo(this.jdbc, email(user))).isEqualTo("Your Portico access was changed");
		assertThat(mail).contains("Dana Whitfield").doesNotContain(first.value()).doesNotContain(second.value());
	}

	@Test
	void aChangedGrantCountsAsConfirmedNow() throws Exception {
		AccountId user = invite("saa.demo", AccessRole.AU, ProviderFunction.CLAIM_STATUS);
		Npi first = npi("saa.demo", 0);
		this.jdbc.sql("UPDATE access.function_grant SET confirmed_at = ? WHERE account_id = ?")
			.params(Timestamp.from(Instant.now().minus(Duration.ofDays(91))), user.value())
			.update();
		assertThat(managed("saa.demo", user).confirmationOverdue()).isTrue();

		this.mvc
			.perform(change("saa.demo", user).param("npis", first.value())
				.param("role-" + first.value(), "AU")
				.param("functions-" + first.value(), "CLAIM_STATUS", "REPORTS"))
			.andExpect(redirectedUrl("/self-service/access"));
		assertThat(managed("saa.demo", user).confirmationOverdue()).isFalse();
		assertThat(this.access.grantsFor(List.of(first))
			.stream()
			.filter((g) -> g.account().equals(user))
			.findFirst()
			.orElseThrow()
			.confirmedAt()).isAfter(Instant.now().minus(Duration.ofMinutes(5)));
	}

	@Test
	void takingAwayEveryProviderOfMineLeavesOtherAdministratorsGrantsAlone() throws Exception {
		AccountId user = invite("saa.demo", AccessRole.AU, ProviderFunction.CLAIM_STATUS);
		Npi elsewhere = npi("other.demo", 0);
		this.access.grant(user, elsewhere, AccessRole.AU, EnumSet.of(ProviderFunction.REPORTS),
				load("other.demo").accountId());

		this.mvc.perform(change("saa.demo", user))
			.andExpect(redirectedUrl("/self-service/access"))
			.andExpect(flash().attributeExists("accessChanged"));
		assertThat(this.access.accessOf(user))
			.containsExactly(new NpiAccess(elsewhere, AccessRole.AU, EnumSet.of(ProviderFunction.REPORTS)));
		assertThat(changesAudited(user))
			.containsExactly("NPI " + npi("saa.demo", 0).value() + ": AU [CLAIM_STATUS] -> none");
	}

	@Test
	void anSaaMakesAnAuthorizedUserAnAccessAdministrator() throws Exception {
		AccountId user = invite("saa.demo", AccessRole.AU, ProviderFunction.CLAIM_STATUS);
		Npi first = npi("saa.demo", 0);
		this.mvc
			.perform(change("saa.demo", user).param("npis", first.value())
				.param("role-" + first.value(), "AA")
				.param("functions-" + first.value(), "CLAIM_STATUS", "ACCESS_ADMINISTRATION"))
			.andExpect(redirectedUrl("/self-service/access"));
		assertThat(this.access.administeredBy(user)).extracting(NpiAccess::npi, NpiAccess::role)
			.containsExactly(org.assertj.core.groups.Tuple.tuple(first, AccessRole.AA));
	}

	@Test
	void anAccessAdministratorCannotAppointAnotherOne() throws Exception {
		AccountId user = invite("saa.demo", AccessRole.AU, ProviderFunction.CLAIM_STATUS);
		Npi first = npi("saa.demo", 0);
		this.mvc
			.perform(change("aa.demo", user).param("npis", first.value())
				.param("role-" + first.value(), "AA")
				.param("functions-" + first.value(), "CLAIM_STATUS"))
			.andExpect(status().isUnprocessableContent())
			.andExpect(content().string(containsString("only the Senior Access Administrator can make someone")));
		assertUnchanged(user, first, AccessRole.AU, ProviderFunction.CLAIM_STATUS);
	}

	@Test
	void anAccessAdministratorCannotChangeAnotherAccessAdministratorOrTheSaa() throws Exception {
		AccountId otherAa = invite("saa.demo", AccessRole.AA, ProviderFunction.CLAIM_STATUS,
				ProviderFunction.ACCESS_ADMINISTRATION);
		Npi first = npi("saa.demo", 0);
		for (AccountId target : List.of(otherAa, load("saa.demo").accountId())) {
			List<NpiAccess> before = this.access.accessOf(target);
			this.mvc.perform(get("/self-service/access/users/{id}/access", target.value()).with(user(load("aa.demo"))))
				.andExpect(redirectedUrl("/self-service/access"))
				.andExpect(flash().attribute("refused", "access.admin.refused"));
			this.mvc
				.perform(change("aa.demo", target).param("npis", first.value())
					.param("role-" + first.value(), "AU")
					.param("functions-" + first.value(), "CLAIM_STATUS"))
				.andExpect(redirectedUrl("/self-service/access"))
				.andExpect(flash().attribute("refused", "access.admin.refused"));
			assertThat(this.access.accessOf(target)).isEqualTo(before);
		}
		assertThat(this.access.seniorAccessAdministratorOf(first)).contains(load("saa.demo").accountId());
	}

	@Test
	void nobodyChangesTheirOwnAccess() throws Exception {
		PorticoUser aa = load("aa.demo");
		List<NpiAccess> before = this.access.accessOf(aa.accountId());
		Npi first = npi("aa.demo", 0);
		this.mvc
			.perform(change("aa.demo", aa.accountId()).param("npis", first.value())
				.param("role-" + first.value(), "AU")
				.param("functions-" + first.value(), "CLAIM_STATUS"))
			.andExpect(redirectedUrl("/self-service/access"))
			.andExpect(flash().attribute("refused", "access.change.refused.yourself"));
		this.mvc.perform(get("/self-service/access/users/{id}/access", aa.accountId().value()).with(user(aa)))
			.andExpect(flash().attribute("refused", "access.change.refused.yourself"));
		assertThat(this.access.accessOf(aa.accountId())).isEqualTo(before);
	}

	@Test
	void theSaaRoleIsNeverGivenHere() throws Exception {
		AccountId user = invite("saa.demo", AccessRole.AA, ProviderFunction.CLAIM_STATUS);
		Npi first = npi("saa.demo", 0);
		this.mvc
			.perform(change("saa.demo", user).param("npis", first.value())
				.param("role-" + first.value(), "SAA")
				.param("functions-" + first.value(), "CLAIM_STATUS"))
			.andExpect(status().isUnprocessableContent());
		assertUnchanged(user, first, AccessRole.AA, ProviderFunction.CLAIM_STATUS);
		assertThat(this.access.seniorAccessAdministratorOf(first)).contains(load("saa.demo").accountId());
	}

	@Test
	void aProviderOfAnotherPracticeIsRefusedAndNothingChanges() throws Exception {
		AccountId user = invite("saa.demo", AccessRole.AU, ProviderFunction.CLAIM_STATUS);
		Npi first = npi("saa.demo", 0);
		Npi foreign = npi("other.demo", 0);
		this.mvc
			.perform(change("saa.demo", user).param("npis", first.value(), foreign.value())
				.param("role-" + first.value(), "AU")
				.param("functions-" + first.value(), "CLAIM_STATUS", "REPORTS")
				.param("role-" + foreign.value(), "AU")
				.param("functions-" + foreign.value(), "CLAIM_STATUS"))
			.andExpect(status().isUnprocessableContent())
			.andExpect(content().string(containsString("only give access to providers you administer")))
			.andExpect(content().string(not(containsString(foreign.value()))));
		assertUnchanged(user, first, AccessRole.AU, ProviderFunction.CLAIM_STATUS);
		assertThat(deniedChanges("saa.demo", user)).isPositive();
	}

	@Test
	void aFunctionTheAdministratorLacksIsRefusedAndNothingChanges() throws Exception {
		// facility.demo administers its hospital's NPI but holds no claim adjustments
		// function there.
		AccountId user = invite("facility.demo", AccessRole.AU, ProviderFunction.CLAIM_STATUS);
		Npi hospital = npi("facility.demo", 0);
		this.mvc
			.perform(change("facility.demo", user).param("npis", hospital.value())
				.param("role-" + hospital.value(), "AU")
				.param("functions-" + hospital.value(), "CLAIM_STATUS", "CLAIM_ADJUSTMENTS"))
			.andExpect(status().isUnprocessableContent())
			.andExpect(content().string(containsString("only give functions you hold yourself")));
		assertUnchanged(user, hospital, AccessRole.AU, ProviderFunction.CLAIM_STATUS);
	}

	@Test
	void aFunctionTheAdministratorLacksMayBeKeptOrTakenAwayButNotGiven() throws Exception {
		AccountId user = invite("facility.demo", AccessRole.AU, ProviderFunction.CLAIM_STATUS);
		Npi hospital = npi("facility.demo", 0);
		// Given by someone else, such as the plan: keeping it is not giving it.
		this.access.changeGrant(user, hospital, AccessRole.AU,
				EnumSet.of(ProviderFunction.CLAIM_STATUS, ProviderFunction.CLAIM_ADJUSTMENTS),
				load("facility.demo").accountId());
		this.mvc.perform(get("/self-service/access/users/{id}/access", user.value()).with(user(load("facility.demo"))))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("value=\"CLAIM_ADJUSTMENTS\"")));
		this.mvc
			.perform(change("facility.demo", user).param("npis", hospital.value())
				.param("role-" + hospital.value(), "AU")
				.param("functions-" + hospital.value(), "CLAIM_ADJUSTMENTS", "ELIGIBILITY_BENEFITS"))
			.andExpect(redirectedUrl("/self-service/access"));
		this.mvc
			.perform(change("facility.demo", user).param("npis", hospital.value())
				.param("role-" + hospital.value(), "AU")
				.param("functions-" + hospital.value(), "ELIGIBILITY_BENEFITS"))
			.andExpect(redirectedUrl("/self-service/access"));
		assertThat(this.access.accessOf(user))
			.containsExactly(new NpiAccess(hospital, AccessRole.AU, EnumSet.of(ProviderFunction.ELIGIBILITY_BENEFITS)));
	}

	@Test
	void malformedValuesAreRefusedWithTheFormShownAgain() throws Exception {
		AccountId user = invite("saa.demo", AccessRole.AU, ProviderFunction.CLAIM_STATUS);
		Npi first = npi("saa.demo", 0);
		this.mvc
			.perform(change("saa.demo", user).param("npis", first.value())
				.param("role-" + first.value(), "AU")
				.param("functions-" + first.value(), "EVERYTHING"))
			.andExpect(status().isUnprocessableContent())
			.andExpect(content().string(containsString("Change access of Changed Person")));
		this.mvc.perform(change("saa.demo", user).param("npis", "123"))
			.andExpect(status().isUnprocessableContent())
			.andExpect(content().string(containsString("only give access to providers you administer")));
		this.mvc.perform(change("saa.demo", user).param("npis", first.value()).param("role-" + first.value(), "AU"))
			.andExpect(status().isUnprocessableContent())
			.andExpect(content().string(containsString("href=\"#functions-" + first.value() + "\"")));
		assertUnchanged(user, first, AccessRole.AU, ProviderFunction.CLAIM_STATUS);
	}

	@Test
	void aUserOfAnotherPracticeCannotBeChangedByGuessingIds() throws Exception {
		AccountId user = invite("saa.demo", AccessRole.AU, ProviderFunction.CLAIM_STATUS);
		Npi theirs = npi("other.demo", 0);
		this.mvc.perform(get("/self-service/access/users/{id}/access", user.value()).with(user(load("other.demo"))))
			.andExpect(redirectedUrl("/self-service/access"))
			.andExpect(flash().attribute("refused", "access.admin.refused"));
		this.mvc
			.perform(change("other.demo", user).param("npis", theirs.value())
				.param("role-" + theirs.value(), "AU")
				.param("functions-" + theirs.value(), "CLAIM_STATUS"))
			.andExpect(redirectedUrl("/self-service/access"))
			.andExpect(flash().attribute("refused", "access.admin.refused"));
		assertUnchanged(user, npi("saa.demo", 0), AccessRole.AU, ProviderFunction.CLAIM_STATUS);
		assertThat(deniedChanges("other.demo", user)).isPositive();

		// Nor can an account without any access be given some by guessing its id.
		String stranger = "sx" + UUID.randomUUID().toString().substring(0, 8);
		AccountId strangerId = this.accounts.openProviderAccount(
				new NewAccount(stranger, stranger + "@example.org", "Some Stranger", "a stranger's long password"));
		this.mvc
			.perform(change("other.demo", strangerId).param("npis", theirs.value())
				.param("role-" + theirs.value(), "AU")
				.param("functions-" + theirs.value(), "CLAIM_STATUS"))
			.andExpect(flash().attribute("refused", "access.admin.refused"));
		assertThat(this.access.accessOf(strangerId)).isEmpty();
	}

	@Test
	void aDoubleSubmitChangesOnceAndMailsOnce() throws Exception {
		AccountId user = invite("saa.demo", AccessRole.AU, ProviderFunction.CLAIM_STATUS);
		Npi first = npi("saa.demo", 0);
		for (String expected : List.of("accessChanged", "accessUnchanged")) {
			this.mvc
				.perform(change("saa.demo", user).param("npis", first.value())
					.param("role-" + first.value(), "AU")
					.param("functions-" + first.value(), "REPORTS"))
				.andExpect(redirectedUrl("/self-service/access"))
				.andExpect(flash().attributeExists(expected));
		}
		assertThat(changesAudited(user)).hasSize(1);
		assertThat(this.jdbc.sql(
				"SELECT COUNT(*) FROM notifications.outbox WHERE recipient = ? AND subject = 'Your Portico access was changed'")
			.param(email(user))
			.query(Long.class)
			.single()).isOne();
	}

	@Test
	void thePageListsMyProvidersWithTheUsersAccessAndTheListLinksToIt() throws Exception {
		AccountId user = invite("saa.demo", AccessRole.AU, ProviderFunction.CLAIM_STATUS);
		this.mvc.perform(get("/self-service/access").with(user(load("saa.demo"))))
			.andExpect(content().string(containsString("/self-service/access/users/" + user.value() + "/access")))
			.andExpect(content().string(not(
					containsString("/self-service/access/users/" + load("saa.demo").accountId().value() + "/access"))));
		String page = this.mvc
			.perform(get("/self-service/access/users/{id}/access", user.value()).with(user(load("saa.demo"))))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		for (NpiAccess mine : this.access.administeredBy(load("saa.demo").accountId())) {
			assertThat(page).contains("name=\"npis\" value=\"" + mine.npi().value() + "\"");
		}
		assertThat(page).contains("name=\"npis\" value=\"" + npi("saa.demo", 0).value() + "\" checked");
		assertThat(page).contains("Access Administrator");
	}

	/** The user still holds only what they were invited with, and no change was made. */
	private void assertUnchanged(AccountId user, Npi npi, AccessRole role, ProviderFunction function) {
		assertThat(this.access.accessOf(user)).containsExactly(new NpiAccess(npi, role, EnumSet.of(function)));
		assertThat(changesAudited(user)).isEmpty();
	}

	private AccessAdministration.ManagedUser managed(String admin, AccountId user) {
		return this.administration.users(load(admin))
			.stream()
			.filter((u) -> u.account().id().equals(user))
			.findFirst()
			.orElseThrow();
	}

	/** The audited changes of the user's access, each as "NPI: before -> after". */
	private List<String> changesAudited(AccountId user) {
		return this.jdbc.sql("""
				SELECT detail FROM audit.audit_event
				WHERE action = 'access.change' AND object_id = ? AND outcome = 'SUCCESS' ORDER BY id
				""").param(String.valueOf(user.value())).query(String.class).list();
	}

	private List<String> actorsOfChanges(AccountId user) {
		return this.jdbc.sql(
				"SELECT actor FROM audit.audit_event WHERE action = 'access.change' AND object_id = ? AND outcome = 'SUCCESS'")
			.param(String.valueOf(user.value()))
			.query(String.class)
			.list();
	}

	private long deniedChanges(String admin, AccountId user) {
		return this.jdbc.sql("""
				SELECT COUNT(*) FROM audit.audit_event
				WHERE action IN ('access.change', 'access.view') AND actor = ? AND object_id = ? AND outcome = 'DENIED'
				""").params(admin, String.valueOf(user.value())).query(Long.class).single();
	}

	private AccountId invite(String admin, AccessRole role, ProviderFunction... functions) {
		String username = "ch" + UUID.randomUUID().toString().substring(0, 8);
		assertThat(this.administration.invite(load(admin), new Invitation("Changed Person", username + "@example.org",
				username, role, Set.of(npi(admin, 0)), EnumSet.copyOf(List.of(functions)))))
			.isEmpty();
		return this.accounts.idOf(username).orElseThrow();
	}

	private String email(AccountId user) {
		return this.accounts.summaries(List.of(user)).get(0).email();
	}

	private Npi npi(String admin, int n) {
		return this.access.administeredBy(load(admin).accountId()).get(n).npi();
	}

	private MockHttpServletRequestBuilder change(String admin, AccountId user) {
		return post("/self-service/access/users/{id}/access", user.value()).with(user(load(admin))).with(csrf());
	}

	private PorticoUser load(String username) {
		return (PorticoUser) this.accounts.loadUserByUsername(username);
	}

}
