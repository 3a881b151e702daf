package org.portico.access;

import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import org.portico.PorticoIntegrationTest;
import org.portico.notifications.SentMail;
import org.portico.identity.AccountId;
import org.portico.identity.NewAccount;
import org.portico.platform.DatabaseProduct;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Registration as in the seeds, verified against the providers and claims on file.
 */
@PorticoIntegrationTest
class RegistrationTests extends AccessFixture {

	@Autowired
	DatabaseProduct databaseProduct;

	@Autowired
	PlatformTransactionManager transactions;

	@Test
	void theProviderRegistersWithTwoMatchingClaimsAndIsSaaAtOnce() throws Exception {
		RegisteringProvider p = providerWithoutSaa(0);
		String username = fresh();
		this.mvc.perform(registrationForm(p, username)).andExpect(redirectedUrl("/login?registered"));
		AccountId id = this.accounts.idOf(username).orElseThrow();
		assertThat(this.access.seniorAccessAdministratorOf(p.npi())).contains(id);
		this.mvc.perform(formLogin().user(username).password(PASSWORD)).andExpect(redirectedUrl("/login/set-up"));
	}

	@Test
	void aWrongCheckDigitIsExplained() throws Exception {
		RegisteringProvider p = providerWithoutSaa(1);
		String wrong = p.npi().value().substring(0, 9) + ((p.npi().value().charAt(9) - '0' + 1) % 10);
		this.mvc.perform(registrationForm(p, fresh(), "npi", wrong))
			.andExpect(status().isUnprocessableContent())
			.andExpect(content().string(containsString("check digit")));
	}

	@Test
	void claimsThatDoNotMatchGetOneGenericAnswerAndRepeatedFailuresStop() throws Exception {
		RegisteringProvider p = providerWithoutSaa(2);
		String username = fresh();
		String client = client();
		for (int i = 0; i < Registration.FAILURES_ALLOWED - 1; i++) {
			this.mvc.perform(registrationForm(p, username, "claim1Billed", "1.00").with(from(client)))
				.andExpect(status().isUnprocessableContent())
				.andExpect(content().string(containsString("We could not verify these details. Check")));
		}
		this.mvc.perform(registrationForm(p, username, "claim1Billed", "1.00").with(from(client)))
			.andExpect(content().string(containsString("Call Provider Services")));
		this.mvc.perform(registrationForm(p, username).with(from(client))).andExpect(status().isUnprocessableContent());
		assertThat(this.accounts.idOf(username)).as("nothing created").isEmpty();
	}

	@Test
	void aFailedVerificationStaysCountedWhenTheRegistrationIsRolledBack() {
		RegisteringProvider p = providerWithoutSaa(6);
		Registration.Request guess = new Registration.Request(
				new Registration.ProviderProof(p.npi().value(), false, null, wrong(p.ssnLastFour()),
						p.proof().claims()),
				new Registration.Acting(false, null, false), "Guess Work", "guess@example.org", fresh(), PASSWORD,
				PASSWORD);
		String client = client();
		new TransactionTemplate(this.transactions).executeWithoutResult((transaction) -> {
			assertThat(this.registration.register(guess, client))
				.isEqualTo(new Registration.Outcome.NotVerified(false));
			transaction.setRollbackOnly();
		});
		assertThat(this.jdbc.sql("SELECT COUNT(*) FROM access.registration_attempt WHERE client = ? AND npi = ?")
			.params(client, p.npi().value())
			.query(Long.class)
			.single()).isOne();
		assertThat(this.audit.recentByActor("(registration)", 20))
			.anyMatch((r) -> r.action().equals("registration.verify") && r.objectId().equals(p.npi().value()));
	}

	/**
	 * Two people registering the same username at the same moment: the second passes the
	 * check while the first's account is not committed yet, and is told the same as if it
	 * had been.
	 */
	@Test
	void aUsernameTakenBetweenTheCheckAndTheInsertIsAnsweredLikeATakenOne() throws Exception {
		RegisteringProvider p = providerWithoutSaa(7);
		String username = fresh();
		ExecutorService pool = Executors.newSingleThreadExecutor();
		try {
			Future<MvcResult> second = new TransactionTemplate(this.transactions).execute((first) -> {
				this.accounts
					.openProviderAccount(new NewAccount(username, username + "@example.org", "First Comer", PASSWORD));
				Future<MvcResult> registering = pool
					.submit(() -> this.mvc.perform(registrationForm(p, username)).andReturn());
				awaitInsertingAnAccount(registering);
				return registering;
			});
			MvcResult result = second.get(30, TimeUnit.SECONDS);
			assertThat(result.getResponse().getStatus()).isEqualTo(422);
			assertThat(result.getResponse().getContentAsString()).contains("That username is taken. Choose another.");
		}
		finally {
			pool.shutdownNow();
		}
		assertThat(this.accounts.summaries(List.of(this.accounts.idOf(username).orElseThrow())).get(0).displayName())
			.isEqualTo("First Comer");
		assertThat(this.access.seniorAccessAdministratorOf(p.npi())).isEmpty();
	}

	@Test
	void onBehalfTheProviderApprovesThroughTheEmailedLink() throws Exception {
		RegisteringProvider p = providerWithoutSaa(3);
		String username = fresh();
		String providerEmail = "dr-" + username + "@example.org";
		this.mvc.perform(registrationForm(p, username, "registeringAs", "BEHALF", "providerEmail", providerEmail))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("Waiting for the provider")));
		assertThat(this.access.seniorAccessAdministratorOf(p.npi())).isEmpty();

		Matcher link = Pattern.compile("/register/decide\\?token=([A-Za-z0-9_-]+)")
			.matcher(SentMail.lastBodyTo(this.jdbc, providerEmail));
		assertThat(link.find()).isTrue();
		String token = link.group(1);
		this.mvc.perform(get("/register/decide").param("token", token))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString(p.npi().value())));
		this.mvc
			.perform(post("/register/decide").with(csrf())
				.param("token", token)
				.param("decision", "approve")
				.param("confirmation", "0000"))
			.andExpect(status().isUnprocessableContent())
			.andExpect(content().string(containsString("do not match our records")));
		this.mvc
			.perform(post("/register/decide").with(csrf())
				.param("token", token)
				.param("decision", "approve")
				.param("confirmation", p.ssnLastFour()))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("You approved the request")));
		assertThat(this.access.seniorAccessAdministratorOf(p.npi())).contains(this.accounts.idOf(username).get());
		assertThat(SentMail.lastBodyTo(this.jdbc, username + "@example.org")).contains("approved");
		this.mvc
			.perform(post("/register/decide").with(csrf())
				.param("token", token)
				.param("decision", "reject")
				.param("confirmation", p.ssnLastFour()))
			.andExpect(status().isGone());
	}

	@Test
	void replacingTheCurrentSaaNeedsTheChoiceAndTellsThem() throws Exception {
		RegisteringProvider p = providerWithoutSaa(4);
		String first = fresh();
		this.mvc.perform(registrationForm(p, first)).andExpect(redirectedUrl("/login?registered"));
		String second = fresh();
		this.mvc.perform(registrationForm(p, second))
			.andExpect(status().isConflict())
			.andExpect(content().string(containsString("Replace current SAA")));
		assertThat(this.accounts.idOf(second)).isEmpty();
		this.mvc.perform(registrationForm(p, second, "replaceSaa", "REPLACE"))
			.andExpect(redirectedUrl("/login?registered"));
		assertThat(this.access.seniorAccessAdministratorOf(p.npi())).contains(this.accounts.idOf(second).get());
		assertThat(this.access.accessOf(this.accounts.idOf(first).get()))
			.anyMatch((a) -> a.npi().equals(p.npi()) && a.role() == AccessRole.AA);
		assertThat(SentMail.lastBodyTo(this.jdbc, first + "@example.org")).contains("replaced you",
				"as an Access Administrator");
		assertThat(SentMail.lastSubjectTo(this.jdbc, first + "@example.org"))
			.contains("no longer the Senior Access Administrator");
	}

	@Test
	void theChoiceToReplaceStaysOnTheFormWhileSomethingElseIsCorrected() throws Exception {
		RegisteringProvider p = providerWithoutSaa(5);
		String first = fresh();
		this.mvc.perform(registrationForm(p, first)).andExpect(redirectedUrl("/login?registered"));
		String second = fresh();
		this.mvc.perform(registrationForm(p, second))
			.andExpect(status().isConflict())
			.andExpect(content().string(containsString("Cancel to start over")))
			.andExpect(content().string(containsString("your password twice again")));
		this.mvc.perform(registrationForm(p, second, "replaceSaa", "REPLACE", "ssnLastFour", ""))
			.andExpect(status().isUnprocessableContent())
			.andExpect(content().string(containsString("Enter the last four digits of the provider&#39;s SSN")))
			.andExpect(content().string(containsString("value=\"REPLACE\" required checked")));
		assertThat(this.accounts.idOf(second)).isEmpty();
		assertThat(this.access.seniorAccessAdministratorOf(p.npi())).contains(this.accounts.idOf(first).get());
	}

	@Test
	void aRegistrationWithoutAValidCsrfTokenIsRefusedAndCreatesNothing() throws Exception {
		String username = fresh();
		this.mvc.perform(registrationForm(providerWithoutSaa(0), username).with(csrf().useInvalidToken()))
			.andExpect(status().isForbidden());
		assertThat(this.accounts.idOf(username)).isEmpty();
	}

	/**
	 * Waits until another session is inserting an account: the insert cannot finish while
	 * the same username waits uncommitted, so it is waiting for that to commit or roll
	 * back.
	 */
	private void awaitInsertingAnAccount(Future<?> registering) {
		String inserting = this.databaseProduct.isPostgres()
				? """
						SELECT COUNT(*) FROM pg_stat_activity
						WHERE query LIKE 'INSERT INTO identity.account%' AND wait_event_type = 'Lock' AND pid <> pg_backend_pid()
						"""
				: """
						SELECT COUNT(*) FROM information_schema.sessions
						WHERE executing_statement LIKE 'INSERT INTO identity.account%' AND session_id <> SESSION_ID()
						""";
		long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
		while (this.jdbc.sql(inserting).query(Long.class).single() == 0) {
			if (this.databaseProduct.isPostgres()) {
				// PostgreSQL shows a transaction the activity it saw first, until told to
				// look again.
				this.jdbc.sql("SELECT pg_stat_clear_snapshot()").query().singleRow();
			}
			assertThat(registering).as("still registering").isNotDone();
			assertThat(System.nanoTime()).as("inserting by now").isLessThan(deadline);
			Thread.onSpinWait();
		}
	}

	private RegisteringProvider providerWithoutSaa(int n) {
		return RegisteringProvider.nth(this.jdbc, n);
	}

}
