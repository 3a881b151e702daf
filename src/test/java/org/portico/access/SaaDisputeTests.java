package org.portico.access;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Random;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import jakarta.servlet.http.Cookie;
import org.junit.jupiter.api.Test;

import org.portico.PorticoIntegrationTest;
import org.portico.audit.AuditOutcome;
import org.portico.identity.AccountId;
import org.portico.notifications.SentMail;
import org.portico.providers.Npi;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * SAA disputes worked by Provider Services, through the web layer on the real database:
 * the SAA history registrations leave, the lookup, and restoring the previous SAA with
 * every rule that refuses it.
 */
@PorticoIntegrationTest
class SaaDisputeTests extends AccessFixture {

	private static final String REASON = "The practice manager called: nobody asked for a new SAA.";

	private static final Random RANDOM = new Random();

	@Autowired
	SaaDisputes disputes;

	@Test
	void registrationsAreKeptInTheSaaHistoryThatTheLookupShows() throws Exception {
		RegisteringProvider p = RegisteringProvider.nthOfFirstTen(this.jdbc, 8);
		String first = register(p, "First Holder", false);
		String second = register(p, "Second Holder", true);
		AccountId secondId = this.accounts.idOf(second).orElseThrow();

		this.mvc.perform(get("/staff/saa").param("npi", p.npi().value()).with(user(staff("services.staff"))))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString(this.providers.find(p.npi()).orElseThrow().name())))
			.andExpect(content().string(containsString(second + " · " + second + "@example.org")))
			.andExpect(content().string(containsString("Senior Access Administrator since")))
			.andExpect(content().string(containsString(">Registered<")))
			.andExpect(content().string(containsString("Registered with Replace current SAA")))
			.andExpect(content().string(containsString("by " + first)))
			.andExpect(content().string(containsString("by " + second)))
			.andExpect(
					content().string(containsString("Replaced First Holder, who stayed on as an Access Administrator")))
			.andExpect(content().string(containsString("name=\"currentSaa\" value=\"" + secondId.value() + "\"")))
			.andExpect(
					content().string(containsString("Restoring makes First Holder the Senior Access Administrator")));
		assertThat(this.audit.recentByActor("services.staff", 10))
			.anyMatch((r) -> r.action().equals("saa.lookup") && p.npi().value().equals(r.objectId()));
	}

	@Test
	void anSaaTheDemoSetUpHasNobodyToRestore() throws Exception {
		AccountId saa = this.accounts.idOf("saa.demo").orElseThrow();
		Npi npi = this.access.accessOf(saa).get(0).npi();
		this.mvc.perform(get("/staff/saa").param("npi", npi.value()).with(user(staff("services.staff"))))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("Dana Whitfield")))
			.andExpect(content().string(containsString("Set up by the plan")))
			.andExpect(content().string(containsString("no previous Senior Access Administrator on record")))
			.andExpect(content().string(not(containsString("name=\"currentSaa\""))));
	}

	@Test
	void restoringMakesThePreviousSaaTheSaaAgainAndKeepsTheReplacerAsAnAccessAdministrator() throws Exception {
		Npi npi = unusedNpi();
		AccountId previous = saaOf(npi, "Rightful Holder");
		AccountId replacer = replace(npi, "Eager Newcomer");

		Cookie session = this.mvc.perform(restore(npi, replacer, false))
			.andExpect(redirectedUrl("/staff/saa?npi=" + npi.value()))
			.andReturn()
			.getResponse()
			.getCookie("SESSION");
		assertThat(this.access.seniorAccessAdministratorOf(npi)).contains(previous);
		assertThat(this.access.accessOf(previous)).singleElement().satisfies((a) -> {
			assertThat(a.role()).isEqualTo(AccessRole.SAA);
			assertThat(a.functions()).isEqualTo(EnumSet.allOf(ProviderFunction.class));
		});
		assertThat(this.access.accessOf(replacer)).singleElement().satisfies((a) -> {
			assertThat(a.role()).isEqualTo(AccessRole.AA);
			assertThat(a.functions()).contains(ProviderFunction.ACCESS_ADMINISTRATION);
		});
		assertThat(account(replacer).enabled()).isTrue();

		// A flash message is for the redirect's URL with its query string.
		this.mvc.perform(get("/staff/saa?npi=" + npi.value()).with(user(staff("services.staff"))).cookie(session))
			.andExpect(content().string(containsString(
					"Rightful Holder is the Senior Access Administrator of NPI " + npi.value() + " again")))
			.andExpect(content().string(containsString("Eager Newcomer stays on as an Access Administrator")))
			.andExpect(content().string(containsString("Restored by Provider Services after a dispute")))
			.andExpect(content().string(containsString("by services.staff")))
			.andExpect(content()
				.string(containsString("Replaced Eager Newcomer, who stayed on as an Access Administrator")))
			.andExpect(content().string(containsString("Reason: " + REASON)))
			.andExpect(content().string(containsString("there is no replacement to undo")))
			.andExpect(content().string(not(containsString("name=\"currentSaa\""))));

		String restoredMail = SentMail.lastBodyTo(this.jdbc, account(previous).email());
		assertThat(SentMail.lastSubjectTo(this.jdbc, account(previous).email()))
			.isEqualTo("You are the Senior Access Administrator of NPI " + npi.value() + " again");
		assertThat(restoredMail).contains("Eager Newcomer keeps access to it as an Access Administrator")
			.doesNotContain(REASON);
		assertThat(SentMail.lastSubjectTo(this.jdbc, account(replacer).email()))
			.isEqualTo("You are no longer the Senior Access Administrator of NPI " + npi.value());
		assertThat(SentMail.lastBodyTo(this.jdbc, account(replacer).email()))
			.contains("made Rightful Holder the Senior", "You keep your access to it as an Access Administrator")
			.doesNotContain(REASON);
		assertThat(this.audit.recentByActor("services.staff", 20)).anyMatch((r) -> r.action().equals("saa.restore")
				&& r.outcome() == AuditOutcome.SUCCESS && npi.value().equals(r.objectId()));
	}

	@Test
	void removingAnImpostorTakesEveryGrantOnTheNpiAndTheirAccountWhenNothingIsLeft() throws Exception {
		Npi npi = unusedNpi();
		AccountId previous = saaOf(npi, "Rightful Holder");
		AccountId impostor = replace(npi, "Smooth Impostor");

		this.mvc.perform(restore(npi, impostor, true)).andExpect(redirectedUrl("/staff/saa?npi=" + npi.value()));
		assertThat(this.access.seniorAccessAdministratorOf(npi)).contains(previous);
		assertThat(this.access.accessOf(impostor)).isEmpty();
		assertThat(this.access.grantsFor(List.of(npi))).extracting(AccessApi.Grant::account).containsExactly(previous);
		assertThat(account(impostor).enabled()).isFalse();
		assertThat(SentMail.lastBodyTo(this.jdbc, account(impostor).email())).contains("Your access to it was removed",
				"it was deactivated");
		assertThat(SentMail.lastBodyTo(this.jdbc, account(previous).email()))
			.contains("Smooth Impostor no longer has access to it");
		assertThat(this.audit.recentByActor("services.staff", 20))
			.anyMatch((r) -> r.action().equals("access.revoke") && r.objectId().equals("" + impostor.value()))
			.anyMatch((r) -> r.action().equals("account.deactivate") && r.objectId().equals("" + impostor.value()));
		this.mvc.perform(get("/staff/saa").param("npi", npi.value()).with(user(staff("services.staff"))))
			.andExpect(
					content().string(containsString("Replaced Smooth Impostor, whose access to this NPI was removed")));
	}

	@Test
	void aRemovedReplacerWhoActsForAnotherProviderKeepsTheirAccount() throws Exception {
		Npi npi = unusedNpi();
		Npi elsewhere = unusedNpi();
		AccountId previous = saaOf(npi, "Rightful Holder");
		AccountId replacer = replace(npi, "Busy Biller");
		this.access.grant(replacer, elsewhere, AccessRole.AU, EnumSet.of(ProviderFunction.CLAIM_STATUS), null);

		this.mvc.perform(restore(npi, replacer, true)).andExpect(redirectedUrl("/staff/saa?npi=" + npi.value()));
		assertThat(this.access.seniorAccessAdministratorOf(npi)).contains(previous);
		assertThat(this.access.accessOf(replacer)).singleElement()
			.satisfies((a) -> assertThat(a.npi()).isEqualTo(elsewhere));
		assertThat(account(replacer).enabled()).isTrue();
		assertThat(SentMail.lastBodyTo(this.jdbc, account(replacer).email())).contains("Your access to it was removed")
			.doesNotContain("deactivated");
	}

	@Test
	void aRestorationIsNotUndoneFromThePage() throws Exception {
		Npi npi = unusedNpi();
		AccountId previous = saaOf(npi, "Rightful Holder");
		AccountId replacer = replace(npi, "Eager Newcomer");
		this.mvc.perform(restore(npi, replacer, false)).andExpect(redirectedUrl("/staff/saa?npi=" + npi.value()));
		this.mvc.perform(restore(npi, previous, false))
			.andExpect(status().isConflict())
			.andExpect(content().string(containsString("there is no replacement to undo")));
		assertThat(this.access.seniorAccessAdministratorOf(npi)).contains(previous);
		assertThat(this.access.accessOf(replacer)).singleElement()
			.satisfies((a) -> assertThat(a.role()).isEqualTo(AccessRole.AA));
		assertThat(disputesOf(npi)).isOne();
	}

	@Test
	void theSameRestorationSentTwiceChangesThingsOnce() throws Exception {
		Npi npi = unusedNpi();
		AccountId previous = saaOf(npi, "Rightful Holder");
		AccountId replacer = replace(npi, "Eager Newcomer");
		this.mvc.perform(restore(npi, replacer, false)).andExpect(redirectedUrl("/staff/saa?npi=" + npi.value()));
		Cookie session = this.mvc.perform(restore(npi, replacer, true))
			.andExpect(redirectedUrl("/staff/saa?npi=" + npi.value()))
			.andReturn()
			.getResponse()
			.getCookie("SESSION");
		this.mvc.perform(get("/staff/saa?npi=" + npi.value()).with(user(staff("services.staff"))).cookie(session))
			.andExpect(content().string(containsString("already restored, so nothing was changed this time")));
		assertThat(this.access.seniorAccessAdministratorOf(npi)).contains(previous);
		assertThat(this.access.accessOf(replacer)).as("the second, asking to remove them, changed nothing")
			.singleElement()
			.satisfies((a) -> assertThat(a.role()).isEqualTo(AccessRole.AA));
		assertThat(account(replacer).enabled()).isTrue();
		assertThat(disputesOf(npi)).isOne();
		assertThat(mailsTo(account(previous).email(), "saa-restored")).isOne();
		assertThat(mailsTo(account(replacer).email(), "saa-restored-replacer")).isOne();
	}

	@Test
	void twoRestorationsAtOnceRestoreOnce() throws Exception {
		Npi npi = unusedNpi();
		AccountId previous = saaOf(npi, "Rightful Holder");
		AccountId replacer = replace(npi, "Eager Newcomer");
		SaaDisputes.Restoration restoration = new SaaDisputes.Restoration(npi.value(), "" + replacer.value(), true,
				REASON, false);
		CountDownLatch start = new CountDownLatch(1);
		Callable<SaaDisputes.Restore> restorer = () -> {
			start.await();
			return this.disputes.restore("services.staff", restoration);
		};
		ExecutorService pool = Executors.newFixedThreadPool(2);
		try {
			List<Future<SaaDisputes.Restore>> futures = new ArrayList<>();
			futures.add(pool.submit(restorer));
			futures.add(pool.submit(restorer));
			start.countDown();
			List<SaaDisputes.Restore> outcomes = new ArrayList<>();
			for (Future<SaaDisputes.Restore> f : futures) {
				outcomes.add(f.get());
			}
			assertThat(outcomes).filteredOn((o) -> o instanceof SaaDisputes.Restore.Restored).hasSize(1);
			assertThat(outcomes).filteredOn((o) -> o instanceof SaaDisputes.Restore.AlreadyRestored).hasSize(1);
		}
		finally {
			pool.shutdown();
		}
		assertThat(this.access.seniorAccessAdministratorOf(npi)).contains(previous);
		assertThat(disputesOf(npi)).isOne();
	}

	@Test
	void refusedWhenThereIsNoPreviousSaa() throws Exception {
		Npi npi = unusedNpi();
		AccountId only = saaOf(npi, "Only Holder");
		this.mvc.perform(get("/staff/saa").param("npi", npi.value()).with(user(staff("services.staff"))))
			.andExpect(content().string(containsString("no previous Senior Access Administrator on record")))
			.andExpect(content().string(not(containsString("name=\"currentSaa\""))));
		this.mvc.perform(restore(npi, only, false))
			.andExpect(status().isConflict())
			.andExpect(content().string(containsString("no previous Senior Access Administrator on record")));
		assertThat(this.access.seniorAccessAdministratorOf(npi)).contains(only);
		assertThat(disputesOf(npi)).isZero();
		assertThat(this.audit.recentByActor("services.staff", 10)).anyMatch((r) -> r.action().equals("saa.restore")
				&& r.outcome() == AuditOutcome.DENIED && npi.value().equals(r.objectId()));
	}

	@Test
	void refusedWhenThePreviousSaasAccountIsDeactivated() throws Exception {
		Npi npi = unusedNpi();
		AccountId previous = saaOf(npi, "Departed Holder");
		AccountId replacer = replace(npi, "Eager Newcomer");
		this.accounts.setEnabled(previous, false, "saa.test");
		this.mvc.perform(get("/staff/saa").param("npi", npi.value()).with(user(staff("services.staff"))))
			.andExpect(content().string(containsString("account is deactivated")))
			.andExpect(content().string(not(containsString("name=\"currentSaa\""))));
		this.mvc.perform(restore(npi, replacer, true))
			.andExpect(status().isConflict())
			.andExpect(content().string(containsString("account is deactivated")));
		assertThat(this.access.seniorAccessAdministratorOf(npi)).contains(replacer);
		assertThat(this.access.accessOf(replacer)).isNotEmpty();
		assertThat(account(replacer).enabled()).isTrue();
		assertThat(disputesOf(npi)).isZero();
	}

	@Test
	void refusedWhenTheSaaChangedSinceThePageWasShownOrThePostWasTamperedWith() throws Exception {
		Npi npi = unusedNpi();
		AccountId first = saaOf(npi, "First Holder");
		AccountId second = replace(npi, "Second Holder");
		AccountId third = replace(npi, "Third Holder");
		Npi other = unusedNpi();
		saaOf(other, "Other Holder");
		AccountId otherReplacer = replace(other, "Other Replacer");
		for (String shown : List.of("" + second.value(), "" + first.value(), "" + otherReplacer.value(), "0", "-4",
				"not a number", "")) {
			this.mvc
				.perform(post("/staff/saa/restore").with(user(staff("services.staff")))
					.with(csrf())
					.param("npi", npi.value())
					.param("currentSaa", shown)
					.param("officeVerified", "true")
					.param("reason", REASON))
				.andExpect(status().isConflict())
				.andExpect(content().string(containsString("changed since the page was shown")));
		}
		this.mvc
			.perform(post("/staff/saa/restore").with(user(staff("services.staff")))
				.with(csrf())
				.param("npi", "12345")
				.param("currentSaa", "" + third.value())
				.param("officeVerified", "true")
				.param("reason", REASON))
			.andExpect(status().isUnprocessableContent())
			.andExpect(content().string(containsString("href=\"#npi\"")));
		assertThat(this.access.seniorAccessAdministratorOf(npi)).contains(third);
		assertThat(this.access.seniorAccessAdministratorOf(other)).contains(otherReplacer);
		assertThat(disputesOf(npi)).isZero();
		assertThat(disputesOf(other)).isZero();
		assertThat(this.access.accessOf(first)).singleElement()
			.satisfies((a) -> assertThat(a.role()).isEqualTo(AccessRole.AA));
	}

	@Test
	void theCallerMustBeVerifiedAndAReasonGiven() throws Exception {
		Npi npi = unusedNpi();
		saaOf(npi, "Rightful Holder");
		AccountId replacer = replace(npi, "Eager Newcomer");
		this.mvc
			.perform(post("/staff/saa/restore").with(user(staff("services.staff")))
				.with(csrf())
				.param("npi", npi.value())
				.param("currentSaa", "" + replacer.value())
				.param("reason", REASON))
			.andExpect(status().isUnprocessableContent())
			.andExpect(content().string(containsString("href=\"#officeVerified\"")))
			.andExpect(content().string(containsString(REASON)));
		for (String reason : List.of("", "   ", "x".repeat(SaaDisputes.REASON_LENGTH + 1))) {
			this.mvc
				.perform(post("/staff/saa/restore").with(user(staff("services.staff")))
					.with(csrf())
					.param("npi", npi.value())
					.param("currentSaa", "" + replacer.value())
					.param("officeVerified", "true")
					.param("reason", reason))
				.andExpect(status().isUnprocessableContent())
				.andExpect(content().string(containsString("href=\"#reason\"")));
		}
		assertThat(this.access.seniorAccessAdministratorOf(npi)).contains(replacer);
		assertThat(disputesOf(npi)).isZero();
	}

	@Test
	void theLookupExplainsAWrongCheckDigitAndAnNpiNotOnFile() throws Exception {
		this.mvc.perform(get("/staff/saa").param("npi", "1234567890").with(user(staff("services.staff"))))
			.andExpect(status().isUnprocessableContent())
			.andExpect(content().string(containsString("href=\"#npi\"")))
			.andExpect(content().string(containsString("check digit")));
		Npi unknown = unusedNpi();
		this.mvc.perform(get("/staff/saa").param("npi", unknown.value()).with(user(staff("services.staff"))))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("No provider with NPI " + unknown.value() + " is on file")));
		this.mvc.perform(get("/staff/saa").with(user(staff("services.staff"))))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("Look up")))
			.andExpect(content().string(not(containsString("is on file"))));
	}

	@Test
	void onlyProviderServicesReachThePage() throws Exception {
		Npi npi = unusedNpi();
		AccountId previous = saaOf(npi, "Rightful Holder");
		AccountId replacer = replace(npi, "Eager Newcomer");
		for (String other : List.of("saa.demo", "compliance.staff", "claims.staff")) {
			this.mvc.perform(get("/staff/saa").param("npi", npi.value()).with(user(staff(other))))
				.andExpect(status().isForbidden());
			this.mvc
				.perform(post("/staff/saa/restore").with(user(staff(other)))
					.with(csrf())
					.param("npi", npi.value())
					.param("currentSaa", "" + replacer.value())
					.param("officeVerified", "true")
					.param("reason", REASON))
				.andExpect(status().isForbidden());
			this.mvc.perform(get("/").with(user(staff(other))))
				.andExpect(content().string(not(containsString("href=\"/staff/saa\""))));
		}
		this.mvc.perform(get("/staff/saa")).andExpect(redirectedUrl("/login"));
		this.mvc
			.perform(post("/staff/saa/restore").with(user(staff("services.staff")))
				.param("npi", npi.value())
				.param("currentSaa", "" + replacer.value())
				.param("officeVerified", "true")
				.param("reason", REASON))
			.andExpect(status().isForbidden());
		assertThat(this.access.seniorAccessAdministratorOf(npi)).contains(replacer);
		assertThat(this.access.accessOf(previous)).singleElement()
			.satisfies((a) -> assertThat(a.role()).isEqualTo(AccessRole.AA));
		this.mvc.perform(get("/").with(user(staff("services.staff"))))
			.andExpect(content().string(containsString("href=\"/staff/saa\"")));
	}

	/** A new account made the NPI's first SAA, as its registration would. */
	private AccountId saaOf(Npi npi, String name) {
		AccountId account = newAccount(name);
		this.access.makeSeniorAccessAdministrator(account, npi, "someone");
		return account;
	}

	/** A new account replacing the NPI's SAA, as "Replace current SAA" would. */
	private AccountId replace(Npi npi, String name) {
		AccountId account = newAccount(name);
		assertThat(this.access.makeSeniorAccessAdministrator(account, npi, "someone")).isPresent();
		return account;
	}

	private MockHttpServletRequestBuilder restore(Npi npi, AccountId shown, boolean removeReplacer) {
		MockHttpServletRequestBuilder request = post("/staff/saa/restore").with(user(staff("services.staff")))
			.with(csrf())
			.param("npi", npi.value())
			.param("currentSaa", "" + shown.value())
			.param("officeVerified", "true")
			.param("reason", REASON);
		return removeReplacer ? request.param("removeReplacer", "true") : request;
	}

	/**
	 * A valid NPI that is not in the directory and that nobody holds, so each test has
	 * its own.
	 */
	private Npi unusedNpi() {
		while (true) {
			Npi npi = Npi.withCheckDigit("17" + String.format("%07d", RANDOM.nextInt(10_000_000)));
			if (this.providers.find(npi).isEmpty() && this.access.grantsFor(List.of(npi)).isEmpty()) {
				return npi;
			}
		}
	}

	private long disputesOf(Npi npi) {
		return this.jdbc.sql("SELECT COUNT(*) FROM access.saa_change WHERE npi = ? AND how = 'DISPUTE'")
			.param(npi.value())
			.query(Long.class)
			.single();
	}

}
